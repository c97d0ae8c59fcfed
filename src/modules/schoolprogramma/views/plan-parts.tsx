// Pieces the plan's pages share: breadcrumbs, the checkbox groups for focus points, goals and
// groups, and the box that shows what someone else saved while this writer was busy.
import type { ComponentChildren } from 'preact';
import type { Crumb } from '../../../ui/layout.tsx';
import { Heading, Paragraph } from '../../../ui/components.tsx';
import { planBase } from './base.ts';

export interface SchoolRef {
  id: number;
  name: string;
}

export function planCrumbs(school: SchoolRef, extra: Crumb[] = []): Crumb[] {
  return [
    { href: '/overzicht', label: 'Overzicht' },
    extra.length ? { href: planBase(school.id), label: 'Schoolprogramma' } : { label: 'Schoolprogramma' },
    ...extra,
  ];
}

export interface CheckOption {
  value: string;
  label: string;
}

/** A group of checkboxes with a legend, a description and the field's error (WCAG 1.3.1, 3.3.1). */
export function CheckGroup({
  name,
  legend,
  description,
  options,
  chosen,
  error,
  empty,
  inline,
}: {
  name: string;
  legend: string;
  description?: string;
  options: CheckOption[];
  chosen: readonly string[];
  error?: string;
  /** Said instead of the boxes when there is nothing to choose. */
  empty: string;
  inline?: boolean;
}) {
  const described = [description ? `${name}-omschrijving` : '', error ? `${name}-fout` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset class="utrecht-form-fieldset" id={name} aria-describedby={described || undefined}>
      <legend class="utrecht-form-fieldset__legend">{legend}</legend>
      {description && (
        <div class="utrecht-form-field-description" id={`${name}-omschrijving`}>
          {description}
        </div>
      )}
      {error && (
        <div class="utrecht-form-field-error-message" id={`${name}-fout`}>
          {error}
        </div>
      )}
      {options.length === 0 ? (
        <p class="nl-paragraph">{empty}</p>
      ) : (
        options.map((o) => {
          const Wrap = inline ? 'span' : 'div';
          return (
            <Wrap key={o.value} class="npo-checkbox">
              <input
                type="checkbox"
                id={`${name}-${o.value}`}
                name={name}
                value={o.value}
                checked={chosen.includes(o.value)}
              />{' '}
              <label for={`${name}-${o.value}`}>{o.label}</label>{' '}
            </Wrap>
          );
        })
      )}
    </fieldset>
  );
}

/** After a stale save: what is saved now, above the writer's own input. */
export function TheirsBox({ by, children }: { by: string | null; children: ComponentChildren }) {
  return (
    <div class="npo-card npo-stack">
      <Heading level={2}>Wat intussen is opgeslagen</Heading>
      <Paragraph>
        Iemand anders{by ? ` (${by})` : ''} heeft dit opgeslagen terwijl u het wijzigde. Uw eigen invoer staat
        hieronder nog in het formulier en is niet opgeslagen. Neem over wat u wilt houden en sla opnieuw op.
      </Paragraph>
      {children}
    </div>
  );
}

export const staleMessage =
  'Iemand anders heeft dit eerder opgeslagen dan u. Uw invoer is niet opgeslagen, maar staat nog in het formulier; hieronder ziet u wat nu is opgeslagen.';
