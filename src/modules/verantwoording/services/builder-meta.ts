// The analist's form for a questionnaire's own data (title, introduction, school year, audience,
// short name, dates): parsed and checked here, pure. Messages are Dutch and name the field.
import type { Audience } from '../tables.ts';
import { parseIsoDate } from '../../../platform/input/strict.ts';

export type MetaForm = {
  titel: string;
  inleiding: string;
  schooljaar: string;
  doelgroep: string;
  'korte-naam': string;
  opent: string;
  sluit: string;
};

export interface Meta {
  title: string;
  intro: string;
  schoolYearId: number;
  audience: Audience;
  slug: string;
  opensOn: string;
  closesOn: string;
}

export interface YearRef {
  id: number;
  label: string;
  starts_on: string;
  ends_on: string;
}

export type Errors = Record<string, string>;
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: Errors };

export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const maxTitle = 200;
export const maxIntro = 4000;

/** 'JJJJ-MM-DD' (a date field) or 'DD-MM-JJJJ' (typed by hand) → 'YYYY-MM-DD', else null. */
export function parseDay(s: string): string | null {
  const t = s.trim();
  const nl = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(t);
  if (nl) return parseIsoDate(`${nl[3]}-${nl[2]!.padStart(2, '0')}-${nl[1]!.padStart(2, '0')}`);
  return parseIsoDate(t);
}

const addMonths = (iso: string, months: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/**
 * Checks the form. `locked`: the questionnaire has responses, so only texts and dates may
 * change; school year, audience and short name keep their current values.
 */
export function checkMeta(
  f: MetaForm,
  years: YearRef[],
  locked?: Pick<Meta, 'schoolYearId' | 'audience' | 'slug'>,
): Checked<Meta> {
  const errors: Errors = {};
  const title = f.titel.trim();
  if (!title) errors.titel = 'Vul een titel in.';
  else if (title.length > maxTitle) errors.titel = `Maak de titel korter: hooguit ${maxTitle} tekens.`;
  const intro = f.inleiding.trim();
  if (intro.length > maxIntro) errors.inleiding = `Maak de inleiding korter: hooguit ${maxIntro} tekens.`;
  const year = years.find((y) => String(y.id) === f.schooljaar.trim());
  const schoolYearId = locked?.schoolYearId ?? year?.id;
  if (!locked && !year) errors.schooljaar = 'Kies het schooljaar waar de vragenlijst over gaat.';
  const audience =
    locked?.audience ?? (f.doelgroep === 'school' || f.doelgroep === 'bestuur' ? f.doelgroep : null);
  if (!audience) errors.doelgroep = 'Kies wie de vragenlijst invult: de schoolleider of het bestuur.';
  const slug = locked?.slug ?? f['korte-naam'].trim();
  if (!locked) {
    if (!slug) errors['korte-naam'] = 'Vul een korte naam in, bijvoorbeeld schoolleiders-2025-2026.';
    else if (!slugPattern.test(slug) || slug.length > 60)
      errors['korte-naam'] =
        'Gebruik voor de korte naam alleen kleine letters, cijfers en streepjes (hooguit 60 tekens), bijvoorbeeld schoolleiders-2025-2026.';
  }
  const opensOn = parseDay(f.opent);
  const closesOn = parseDay(f.sluit);
  if (!opensOn) errors.opent = 'Vul de datum in waarop de vragenlijst opent, als DD-MM-JJJJ.';
  if (!closesOn) errors.sluit = 'Vul de datum in waarop de vragenlijst sluit, als DD-MM-JJJJ.';
  if (opensOn && closesOn && closesOn < opensOn)
    errors.sluit = 'De sluitdatum ligt voor de opendatum. Kies een sluitdatum op of na de opendatum.';
  const chosenYear = years.find((y) => y.id === schoolYearId);
  if (chosenYear && opensOn && !errors.opent) {
    // A round is answered during its school year; a board's round may run into the next one
    // (the annual report over a calendar year is due on 1 July of the year after).
    if (opensOn < addMonths(chosenYear.starts_on, -3) || opensOn > chosenYear.ends_on)
      errors.opent = `De opendatum valt buiten schooljaar ${chosenYear.label}. Kies een datum in dat schooljaar (of vlak ervoor).`;
  }
  if (chosenYear && closesOn && !errors.sluit && closesOn > addMonths(chosenYear.ends_on, 12))
    errors.sluit = `De sluitdatum ligt meer dan een jaar na het einde van schooljaar ${chosenYear.label}. Kies een eerdere datum.`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title,
      intro,
      schoolYearId: schoolYearId!,
      audience: audience!,
      slug,
      opensOn: opensOn!,
      closesOn: closesOn!,
    },
  };
}

/** 'YYYY-MM-DD' → 'DD-MM-JJJJ', the way the form shows a date. */
export function dayForForm(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

export function metaFormOf(m: Meta): MetaForm {
  return {
    titel: m.title,
    inleiding: m.intro,
    schooljaar: String(m.schoolYearId),
    doelgroep: m.audience,
    'korte-naam': m.slug,
    opent: dayForForm(m.opensOn),
    sluit: dayForForm(m.closesOn),
  };
}
