/**
 * The portal's components: thin typed React wrappers over the CSS of NL Design System's Utrecht
 * community (@utrecht/component-library-css, themed by @utrecht/design-tokens). Pages use only
 * these and a few layout classes of src/portal/styles.css (prefix `pgb-`). See docs/portals.md.
 */
export { Button, ButtonGroup, type ButtonProps } from './Button.tsx';
export { Link, ExternalLink, ButtonLink, NavLink } from './Link.tsx';
export { Heading, Paragraph, UnorderedList, ListItem } from './Heading.tsx';
export { Alert, type AlertType } from './Alert.tsx';
export { StatusBadge, NumberBadge, type StatusKind } from './Badge.tsx';
export { DataList, type DataItem } from './DataList.tsx';
export { FormField, Textbox, Textarea, Select, TextField, SelectField, Fieldset, Form, type FieldAria, type Option } from './Form.tsx';
export { Table, type Column } from './Table.tsx';
export { SkipLink, PageHeader, PageFooter, PageBody, NavBar, NavItem } from './Page.tsx';
export { Laden, Fout, useData, type Data } from './Data.tsx';
