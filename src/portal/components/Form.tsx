import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes, FormHTMLAttributes } from 'react';
import { cx } from './cx.ts';

/** What a field's control needs to be tied to its label, description and error. */
export interface FieldAria {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export interface FormFieldProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  /** the error next to the field (from the checks as one types, or from the server) */
  error?: string | null | undefined;
  /** a warning that does not block (e.g. a rate above the maximum tariff paid from own means) */
  warning?: string | null | undefined;
  required?: boolean;
  children: (aria: FieldAria) => ReactNode;
  className?: string;
}

/**
 * utrecht-form-field: the label, a description before the control, the error message (announced,
 * tied by aria-describedby) and the control, which gets its aria attributes from here.
 */
export function FormField({ id, label, description, error, warning, required = false, children, className }: FormFieldProps) {
  const descId = description ? `${id}-uitleg` : null;
  const errId = error ? `${id}-fout` : null;
  const warnId = warning ? `${id}-waarschuwing` : null;
  const describedBy = [errId, warnId, descId].filter(Boolean).join(' ');
  const aria: FieldAria = { id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': true as const } : {}), ...(required ? { 'aria-required': true as const } : {}) };
  return (
    <div className={cx('utrecht-form-field', 'utrecht-form-field--text', 'utrecht-form-field--distanced', error && 'utrecht-form-field--invalid', className)}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {required ? '' : <span className="pgb-optioneel"> (niet verplicht)</span>}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field__description utrecht-form-field__description--before utrecht-form-field-description" id={descId!}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={errId!}>
          {error}
        </div>
      )}
      {warning && (
        <div className="utrecht-form-field__description utrecht-form-field-description utrecht-form-field-description--warning" id={warnId!}>
          {warning}
        </div>
      )}
      <div className="utrecht-form-field__input">{children(aria)}</div>
    </div>
  );
}

export function Textbox({ className, invalid, ...rest }: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) {
  return <input type="text" {...rest} className={cx('utrecht-textbox', 'utrecht-textbox--html-input', invalid && 'utrecht-textbox--invalid', className)} />;
}

export function Textarea({ className, invalid, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }) {
  return <textarea {...rest} className={cx('utrecht-textarea', 'utrecht-textarea--html-textarea', invalid && 'utrecht-textarea--invalid', className)} />;
}

export interface Option {
  value: string;
  label: string;
}

export function Select({ className, invalid, options, placeholder, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean; options: readonly Option[]; placeholder?: string }) {
  return (
    <select {...rest} className={cx('utrecht-select', 'utrecht-select--html-select', invalid && 'utrecht-select--invalid', className)}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A text field in one: FormField + Textbox. */
export function TextField({ id, label, description, error, warning, required, value, onChange, type = 'text', inputMode, autoComplete, className, size }: {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | null | undefined;
  warning?: string | null | undefined;
  required?: boolean;
  value: string;
  onChange: (v: string) => void;
  type?: 'text' | 'password' | 'date' | 'email' | 'tel' | 'number';
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
  className?: string;
  size?: number;
}) {
  return (
    <FormField id={id} label={label} description={description} error={error} warning={warning} required={required ?? false} className={className}>
      {(aria) => (
        <Textbox {...aria} name={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} invalid={!!error} inputMode={inputMode} autoComplete={autoComplete} size={size} />
      )}
    </FormField>
  );
}

/** A choice in one: FormField + Select. */
export function SelectField({ id, label, description, error, required, value, onChange, options, placeholder, className }: {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | null | undefined;
  required?: boolean;
  value: string;
  onChange: (v: string) => void;
  options: readonly Option[];
  placeholder?: string;
  className?: string;
}) {
  return (
    <FormField id={id} label={label} description={description} error={error} required={required ?? false} className={className}>
      {(aria) => <Select {...aria} name={id} value={value} onChange={(e) => onChange(e.target.value)} invalid={!!error} required={required} options={options} placeholder={placeholder} />}
    </FormField>
  );
}

export function Fieldset({ legend, children, className }: { legend: ReactNode; children: ReactNode; className?: string }) {
  return (
    <fieldset className={cx('utrecht-form-fieldset', 'utrecht-form-fieldset--html-fieldset', 'utrecht-form-fieldset--distanced', className)}>
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {children}
    </fieldset>
  );
}

export function Form({ className, children, ...rest }: FormHTMLAttributes<HTMLFormElement>) {
  return (
    <form noValidate {...rest} className={cx('utrecht-form', className)}>
      {children}
    </form>
  );
}
