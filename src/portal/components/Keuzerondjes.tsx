/**
 * A choice of one (radio buttons) in a fieldset: the legend is the question, each option a
 * utrecht-form-field--radio with its label, the error under the legend and tied to every option
 * (aria-describedby), so a screen reader hears it on each.
 */
import { cx } from './cx.ts';

export function Keuzerondjes<V extends string>({ id, legend, options, value, onChange, error, required = false }: {
  id: string;
  legend: string;
  options: readonly { value: V; label: string }[];
  value: V | '';
  onChange: (v: V) => void;
  error?: string | null | undefined;
  required?: boolean;
}) {
  const errId = error ? `${id}-fout` : undefined;
  return (
    <fieldset
      className={cx('utrecht-form-fieldset', 'utrecht-form-fieldset--html-fieldset', 'utrecht-form-fieldset--distanced', error && 'utrecht-form-fieldset--invalid')}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {error && (
        <div className="utrecht-form-field-error-message" id={errId}>
          {error}
        </div>
      )}
      {options.map((o) => (
        <div key={o.value} className="utrecht-form-field utrecht-form-field--radio pgb-keuze">
          <div className="utrecht-form-field__input">
            <input
              type="radio"
              className={cx('utrecht-radio-button', 'utrecht-radio-button--html-input', error && 'utrecht-radio-button--invalid')}
              id={`${id}-${o.value}`}
              name={id}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              required={required}
              aria-describedby={errId}
            />
          </div>
          <div className="utrecht-form-field__label utrecht-form-field__label--radio">
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${id}-${o.value}`}>
              {o.label}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}
