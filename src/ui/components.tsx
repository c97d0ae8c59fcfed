// Small, accessible building blocks with NL Design System classes. Form fields wire their
// label, description and error message to the input (aria-describedby, aria-invalid).
import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { noteFailedSubmit } from './failed-submit.ts';

export function Heading({
  level,
  children,
  id,
}: {
  level: 1 | 2 | 3 | 4;
  children: ComponentChildren;
  id?: string;
}) {
  const Tag = `h${level}` as 'h1';
  return (
    <Tag class={`nl-heading nl-heading--level-${level} rhc-heading`} id={id}>
      {children}
    </Tag>
  );
}

export function Paragraph({ children, lead }: { children: ComponentChildren; lead?: boolean }) {
  return <p class={lead ? 'nl-paragraph nl-paragraph--lead' : 'nl-paragraph'}>{children}</p>;
}

export function Link({
  href,
  children,
  ...rest
}: { href: string; children: ComponentChildren } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return (
    <a class="nl-link rhc-link" href={href} {...rest}>
      {children}
    </a>
  );
}

export function Alert({
  type,
  children,
}: {
  type: 'info' | 'ok' | 'warning' | 'error';
  children: ComponentChildren;
}) {
  return (
    <div class={`utrecht-alert utrecht-alert--${type}`}>
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message" role={type === 'error' ? 'alert' : 'status'}>
          {children}
        </div>
      </div>
    </div>
  );
}

export function Button({
  children,
  variant = 'primary',
  type = 'submit',
  name,
  value,
}: {
  children: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'subtle' | 'danger';
  type?: 'submit' | 'button';
  name?: string;
  value?: string;
}) {
  const cls = {
    primary: 'primary-action',
    secondary: 'secondary-action',
    subtle: 'subtle',
    danger: 'danger',
  }[variant];
  return (
    <button
      type={type}
      name={name}
      value={value}
      class={`utrecht-button utrecht-button--${cls}${type === 'submit' ? ' utrecht-button--submit' : ''}`}
    >
      {children}
    </button>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** What a form shows after a failed submit: the values as typed and a message per field. */
export interface FormState {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
}

export const emptyForm: FormState = { values: {}, errors: {} };

/**
 * The box that takes focus after a failed submit: focused by `autofocus` without JavaScript
 * (tabindex -1 makes it focusable), and by app.js where a browser ignores that. Rendering one
 * makes the page title start with "Fout: " (ui/failed-submit.ts).
 */
function FailedSubmitBox({ children }: { children: ComponentChildren }) {
  noteFailedSubmit();
  return (
    <div
      class="utrecht-alert utrecht-alert--error npo-error-summary"
      tabIndex={-1}
      autoFocus
      data-foutoverzicht=""
    >
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message" role="alert">
          {children}
        </div>
      </div>
    </div>
  );
}

/** A summary of all errors at the top of a form, linking to each field (WCAG 3.3.1). */
export function ErrorSummary({ form, title }: { form: FormState; title: string }) {
  const entries = Object.entries(form.errors).filter(([, v]) => v);
  if (entries.length === 0) return null;
  return (
    <FailedSubmitBox>
      <p class="nl-paragraph">{title}</p>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a class="nl-link rhc-link" href={`#${field}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </FailedSubmitBox>
  );
}

/** One error message after a submit that did not go through (no field to point at). */
export function FailedSubmitMessage({ children }: { children: ComponentChildren }) {
  return (
    <FailedSubmitBox>
      <p class="nl-paragraph">{children}</p>
    </FailedSubmitBox>
  );
}

interface FieldProps {
  name: string;
  label: string;
  form: FormState;
  description?: string;
  required?: boolean;
}

function describedBy(name: string, description?: string, error?: string) {
  const ids = [description ? `${name}-omschrijving` : '', error ? `${name}-fout` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldShell({
  name,
  label,
  description,
  error,
  kind,
  children,
}: FieldProps & { error?: string; kind: string; children: ComponentChildren }) {
  return (
    <div
      class={`utrecht-form-field utrecht-form-field--${kind}${error ? ' utrecht-form-field--invalid' : ''}`}
    >
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={name}>
          {label}
        </label>
      </div>
      {description && (
        <div
          class="utrecht-form-field-description utrecht-form-field__description"
          id={`${name}-omschrijving`}
        >
          {description}
        </div>
      )}
      {error && (
        <div class="utrecht-form-field-error-message utrecht-form-field__error-message" id={`${name}-fout`}>
          {error}
        </div>
      )}
      <div class="utrecht-form-field__input">{children}</div>
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'search' | 'tel' | 'url';
    autocomplete?: string;
    inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel' | 'url' | 'search' | 'none';
    maxLength?: number;
  },
) {
  const error = props.form.errors[props.name];
  return (
    <FieldShell {...props} error={error} kind="text">
      <input
        class={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
        id={props.name}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.type === 'password' ? undefined : (props.form.values[props.name] ?? '')}
        required={props.required}
        autoComplete={props.autocomplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.description, error)}
      />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { rows?: number; maxLength?: number }) {
  const error = props.form.errors[props.name];
  return (
    <FieldShell {...props} error={error} kind="textarea">
      <textarea
        class={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
        id={props.name}
        name={props.name}
        rows={props.rows ?? 5}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.description, error)}
      >
        {props.form.values[props.name] ?? ''}
      </textarea>
    </FieldShell>
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[] }) {
  const error = props.form.errors[props.name];
  const selected = props.form.values[props.name];
  return (
    <FieldShell {...props} error={error} kind="select">
      <select
        class={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
        id={props.name}
        name={props.name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.description, error)}
      >
        {props.options.map((o) => (
          <option
            class="utrecht-select__option"
            value={o.value}
            selected={o.value === selected}
            key={o.value}
          >
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export interface Column<T> {
  header: string;
  cell: (row: T) => ComponentChildren;
  numeric?: boolean;
}

/**
 * The container of every table: a region named by the table's caption (`captionId`) that scrolls
 * sideways when the table is wider than the window, so the page itself never does (WCAG 1.4.10).
 * It is a tab stop so a keyboard can scroll it; app.js keeps it one only while it scrolls.
 */
export function TableScroll({
  captionId,
  wide,
  children,
}: {
  captionId: string;
  /** The menukaart's table: long words break so it fits a desktop window, below 56rem it scrolls. */
  wide?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div
      class={`utrecht-table-container npo-table-scroll${wide ? ' npo-table-scroll--wide' : ''}`}
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      {children}
    </div>
  );
}

/** Letters and digits of a text, for an id: 'Begroting 2024–2025' → 'begroting-2024-2025'. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

export function Table<T>({
  caption,
  columns,
  rows,
  rowKey,
  scrollRegionId,
  wide,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  /** The caption's id (names the scroll region); generated when not given. */
  scrollRegionId?: string;
  wide?: boolean;
}) {
  // The caption in the id as well: parts of a page rendered apart (RenderedOnce) each count
  // useId from the start, and the caption keeps their ids apart.
  const generatedId = `tabel-${slug(caption)}-${useId()}`;
  const captionId = scrollRegionId ?? generatedId;
  return (
    <TableScroll captionId={captionId} wide={wide}>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption" id={captionId}>
          {caption}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {columns.map((c, i) => (
              <th
                scope="col"
                key={i}
                class={`utrecht-table__header-cell${c.numeric ? ' utrecht-table__header-cell--numeric npo-numeric' : ''}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.map((r) => (
            <tr class="utrecht-table__row" key={rowKey(r)}>
              {columns.map((c, i) => (
                <td
                  key={i}
                  class={`utrecht-table__cell${c.numeric ? ' utrecht-table__cell--numeric-data npo-numeric' : ''}`}
                >
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function DataSummary({ items }: { items: { key: string; value: ComponentChildren }[] }) {
  return (
    <dl class="rhc-data-summary rhc-data-summary--row">
      {items.map((i) => (
        <div class="rhc-data-summary__item" key={i.key}>
          <dt class="rhc-data-summary__item-key">{i.key}</dt>
          <dd class="rhc-data-summary__item-value">{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}
