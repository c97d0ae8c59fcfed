// The input of one question, by type: radios, checkboxes, a number, an amount in euros, a text,
// the menu's interventions by category, or a money table per category with its total. Each
// field carries its label, hint, the platform's prefill mark and its error (WCAG 1.3.1, 3.3.1).
import type { ComponentChildren } from 'preact';
import { cellName, fieldName, totalName, type FieldErrors, type RawForm } from '../services/answers.ts';
import { menuCategories, type Question } from '../services/definition.ts';
import { prefilledMark } from './answer-parts.tsx';

export interface MenuOption {
  code: string;
  name: string;
  categoryCode: string;
}

export interface FieldContext {
  values: RawForm;
  errors: FieldErrors;
  menu: MenuOption[];
  categoryNames: ReadonlyMap<string, string>;
}

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

function Error({ id, message }: { id: string; message?: string }) {
  return message ? (
    <div class="utrecht-form-field-error-message" id={`${id}-fout`}>
      {message}
    </div>
  ) : null;
}

function Hint({ id, q, prefilled }: { id: string; q: Question; prefilled: boolean }) {
  if (!q.hint && !prefilled) return null;
  return (
    <div class="utrecht-form-field-description" id={`${id}-omschrijving`}>
      {q.hint}
      {q.hint && prefilled ? ' ' : ''}
      {prefilled && <strong>{prefilledMark}; u kunt het wijzigen.</strong>}
    </div>
  );
}

const describedBy = (id: string, q: Question, prefilled: boolean, error?: string) =>
  [q.hint || prefilled ? `${id}-omschrijving` : '', error ? `${id}-fout` : ''].filter(Boolean).join(' ') ||
  undefined;

const labelOf = (q: Question) => `${q.label}${q.required ? '' : ' (niet verplicht)'}`;

function Choices({
  q,
  id,
  type,
  options,
  chosen,
  prefilled,
  error,
  children,
}: {
  q: Question;
  id: string;
  type: 'radio' | 'checkbox';
  options: Array<{ value: string; label: string }>;
  chosen: string[];
  prefilled: boolean;
  error?: string;
  children?: ComponentChildren;
}) {
  return (
    <fieldset class="utrecht-form-fieldset" id={id} aria-describedby={describedBy(id, q, prefilled, error)}>
      <legend class="utrecht-form-fieldset__legend">{labelOf(q)}</legend>
      <Hint id={id} q={q} prefilled={prefilled} />
      <Error id={id} message={error} />
      {options.map((o) => (
        <div key={o.value} class={type === 'radio' ? 'npo-radio' : 'npo-checkbox'}>
          <input
            type={type}
            id={`${id}-${o.value}`}
            name={id}
            value={o.value}
            checked={chosen.includes(o.value)}
          />{' '}
          <label for={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      {children}
    </fieldset>
  );
}

function Interventions({ q, c, prefilled }: { q: Question; c: FieldContext; prefilled: boolean }) {
  const id = fieldName(q.key);
  const chosen = list(c.values[id]);
  const error = c.errors[id];
  const categories = [...new Set(c.menu.map((m) => m.categoryCode))];
  return (
    <fieldset class="utrecht-form-fieldset" id={id} aria-describedby={describedBy(id, q, prefilled, error)}>
      <legend class="utrecht-form-fieldset__legend">{labelOf(q)}</legend>
      <Hint id={id} q={q} prefilled={prefilled} />
      <Error id={id} message={error} />
      {categories.map((cat) => (
        <div key={cat} class="npo-stack">
          <p class="nl-paragraph">
            <strong>
              Categorie {cat}
              {c.categoryNames.get(cat) ? `: ${c.categoryNames.get(cat)}` : ''}
            </strong>
          </p>
          {c.menu
            .filter((m) => m.categoryCode === cat)
            .map((m) => (
              <div key={m.code} class="npo-checkbox">
                <input
                  type="checkbox"
                  id={`${id}-${m.code}`}
                  name={id}
                  value={m.code}
                  checked={chosen.includes(m.code)}
                />{' '}
                <label for={`${id}-${m.code}`}>
                  {m.code} {m.name}
                </label>
              </div>
            ))}
        </div>
      ))}
    </fieldset>
  );
}

function MoneyTable({ q, c, prefilled }: { q: Question; c: FieldContext; prefilled: boolean }) {
  const id = fieldName(q.key);
  const errors = [
    ...menuCategories.map((cat) => c.errors[cellName(q.key, cat)]),
    c.errors[totalName(q.key)],
  ].filter(Boolean);
  const cell = (name: string, label: string) => (
    <div class="utrecht-form-field utrecht-form-field--text">
      <label class="utrecht-form-label" for={name}>
        {label}
      </label>{' '}
      <input
        class={`utrecht-textbox utrecht-textbox--html-input${c.errors[name] ? ' utrecht-textbox--invalid' : ''}`}
        id={name}
        name={name}
        type="text"
        inputMode="decimal"
        value={str(c.values[name])}
        aria-invalid={c.errors[name] ? 'true' : undefined}
        aria-describedby={c.errors[name] ? `${id}-fout` : undefined}
      />
    </div>
  );
  return (
    <fieldset
      class="utrecht-form-fieldset"
      id={id}
      aria-describedby={describedBy(id, q, prefilled, errors[0])}
    >
      <legend class="utrecht-form-fieldset__legend">{labelOf(q)}</legend>
      <div class="utrecht-form-field-description" id={`${id}-omschrijving`}>
        {q.hint ? `${q.hint} ` : ''}Bedragen in euro's, bijvoorbeeld 1.234,56. Laat een categorie leeg als er
        geen geld naartoe ging. Vult u het totaal in, dan controleren wij of de categorieën daarop uitkomen.
        {prefilled && <strong> {prefilledMark}; u kunt het wijzigen.</strong>}
      </div>
      <Error id={id} message={errors[0]} />
      {menuCategories.map((cat) =>
        cell(
          cellName(q.key, cat),
          `Categorie ${cat}${c.categoryNames.get(cat) ? `: ${c.categoryNames.get(cat)}` : ''} (euro)`,
        ),
      )}
      {cell(totalName(q.key), 'Totaal (euro)')}
    </fieldset>
  );
}

function SingleInput({ q, c, prefilled }: { q: Question; c: FieldContext; prefilled: boolean }) {
  const id = fieldName(q.key);
  const error = c.errors[id];
  const label = q.type === 'bedrag' ? `${labelOf(q)} (euro)` : labelOf(q);
  const common = {
    id,
    name: id,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, q, prefilled, error),
  };
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      <Hint id={id} q={q} prefilled={prefilled} />
      <Error id={id} message={error} />
      <div class="utrecht-form-field__input">
        {q.type === 'tekst' ? (
          <textarea class="utrecht-textarea utrecht-textarea--html-textarea" rows={5} {...common}>
            {str(c.values[id])}
          </textarea>
        ) : (
          <input
            class={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
            type="text"
            inputMode="decimal"
            value={str(c.values[id])}
            {...common}
          />
        )}
      </div>
    </div>
  );
}

export function QuestionField({ q, c, prefilled }: { q: Question; c: FieldContext; prefilled: boolean }) {
  const id = fieldName(q.key);
  switch (q.type) {
    case 'ja-nee':
      return (
        <Choices
          q={q}
          id={id}
          type="radio"
          options={[
            { value: 'ja', label: 'Ja' },
            { value: 'nee', label: 'Nee' },
          ]}
          chosen={list(c.values[id])}
          prefilled={prefilled}
          error={c.errors[id]}
        />
      );
    case 'een-keuze':
    case 'meer-keuze':
      return (
        <Choices
          q={q}
          id={id}
          type={q.type === 'een-keuze' ? 'radio' : 'checkbox'}
          options={q.options ?? []}
          chosen={list(c.values[id])}
          prefilled={prefilled}
          error={c.errors[id]}
        />
      );
    case 'interventies':
      return <Interventions q={q} c={c} prefilled={prefilled} />;
    case 'bedragen-per-categorie':
      return <MoneyTable q={q} c={c} prefilled={prefilled} />;
    default:
      return <SingleInput q={q} c={c} prefilled={prefilled} />;
  }
}
