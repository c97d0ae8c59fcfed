// The mapping form as rules (no HTTP, no SQL): from a file's profile or a saved mapping to the
// form's state, and from a posted form back to a mapping, or to the errors that say what to fix.
// The uploaded file is never kept: the form carries only its column names and, per column with
// few different values, those values (codes such as "RW-3" or "B"), so the value rows can be
// shown again after an error.
import { z } from 'zod';
import { providers, type ColumnKey } from './parse/lvs-format.ts';
import {
  fieldLabels,
  guessColumns,
  headerSignature,
  mappingFields,
  maxDistinct,
  skipValue,
  unknownValues,
  valueFields,
  valueTargets,
  type FileProfile,
  type LvsMapping,
  type ValueField,
} from './parse/lvs-mapping.ts';
import { compactValue } from './parse/lvs-parse.ts';

/** The option of the school-year select that derives the year from the test date. */
export const yearFromDateOption = '#afnamedatum';
export const maxNameLength = 100;

export interface ValueRow {
  raw: string;
  target: string;
}

export interface MappingFormState {
  naam: string;
  aanbieder: string;
  /** Field → chosen column ('' = not in the file); schooljaar may be yearFromDateOption. */
  kolommen: Partial<Record<ColumnKey, string>>;
  rows: Record<ValueField, ValueRow[]>;
  /** The empty row per field where a value not in the file yet can be added. */
  extra: Record<ValueField, ValueRow>;
  /** Errors by the id of the field they belong to. */
  errors: Record<string, string>;
}

/** What the form maps: the columns it offers, and (when a file was read) their values. */
export interface MappingContext {
  headers: string[];
  profile?: FileProfile;
}

const emptyRows = (): Record<ValueField, ValueRow[]> => ({ toetsaanbieder: [], vakgebied: [], moment: [] });
const emptyExtra = (): Record<ValueField, ValueRow> => ({
  toetsaanbieder: { raw: '', target: '' },
  vakgebied: { raw: '', target: '' },
  moment: { raw: '', target: '' },
});

/** The values of the chosen column that need a mapping (only known when a file was read). */
function unknownOf(ctx: MappingContext, column: string | undefined, field: ValueField): string[] | null {
  if (!ctx.profile || !column) return null;
  const p = ctx.profile.profiles.find((x) => x.header === column);
  if (!p || p.distinct === null) return null;
  return unknownValues(field, p.distinct);
}

/** The value rows of a field: the unknown values of its column, with the choice made for each. */
function rowsFor(
  ctx: MappingContext,
  column: string | undefined,
  field: ValueField,
  chosen: ValueRow[],
): ValueRow[] {
  const byKey = new Map(chosen.map((r) => [compactValue(r.raw), r.target]));
  const unknown = unknownOf(ctx, column, field);
  if (unknown === null) return chosen.filter((r) => r.raw.trim() !== '');
  const rows = unknown.map((raw) => ({ raw, target: byKey.get(compactValue(raw)) ?? '' }));
  // Values added by hand (not in the file read) stay.
  const inFile = new Set(unknown.map(compactValue));
  const profile = ctx.profile!.profiles.find((x) => x.header === column)!;
  const known = new Set((profile.distinct ?? []).map(compactValue));
  for (const r of chosen)
    if (r.raw.trim() !== '' && !inFile.has(compactValue(r.raw)) && !known.has(compactValue(r.raw)))
      rows.push(r);
  return rows;
}

/** The form for a file just read: columns guessed, every unknown value still to choose. */
export function formForFile(profile: FileProfile): MappingFormState {
  const ctx = { headers: profile.headers, profile };
  const kolommen = guessColumns(profile.headers);
  const rows = emptyRows();
  for (const f of valueFields) rows[f] = rowsFor(ctx, kolommen[f], f, []);
  return { naam: '', aanbieder: '', kolommen, rows, extra: emptyExtra(), errors: {} };
}

/** The form of a saved mapping; with a file's profile, that file's unknown codes are added to choose. */
export function formForMapping(m: LvsMapping, profile?: FileProfile): MappingFormState {
  const rows = emptyRows();
  const kolommen: Partial<Record<ColumnKey, string>> = { ...m.columns };
  for (const f of valueFields) {
    rows[f] = Object.entries(m.values[f] ?? {}).map(([raw, target]) => ({ raw, target }));
    if (profile) rows[f] = rowsFor({ headers: m.headers, profile }, kolommen[f], f, rows[f]);
  }
  if (!kolommen.schooljaar && m.yearFromDate) kolommen.schooljaar = yearFromDateOption;
  return { naam: m.name, aanbieder: m.provider, kolommen, rows, extra: emptyExtra(), errors: {} };
}

/** The posted form, as the route's schema delivers it. */
export interface MappingFormInput {
  naam: string;
  aanbieder: string;
  kolommen: Partial<Record<ColumnKey, string>>;
  van: Record<ValueField, string[]>;
  naar: Record<ValueField, string[]>;
  /** The row per field for a value that is not in the list yet. */
  extra: Record<ValueField, ValueRow>;
}

const targetCodes = (f: ValueField) => [...valueTargets[f].map((t) => t.code), skipValue];

/** Checks a posted mapping form: the mapping, or the form back with an error per field. */
export function readMappingForm(
  input: MappingFormInput,
  ctx: MappingContext,
): { ok: true; mapping: LvsMapping; signature: string } | { ok: false; state: MappingFormState } {
  const errors: Record<string, string> = {};
  const naam = input.naam.trim();
  if (naam === '')
    errors.naam = 'Geef de koppeling een naam, bijvoorbeeld "Export rekenen en lezen groep 3 tot en met 8".';
  else if (naam.length > maxNameLength)
    errors.naam = `De naam is te lang: hoogstens ${maxNameLength} tekens.`;
  if (!providers.some((p) => p.code === input.aanbieder))
    errors.aanbieder = 'Kies de toetsaanbieder waaronder u de koppeling bewaart.';

  const kolommen: Partial<Record<ColumnKey, string>> = {};
  const usedBy = new Map<string, ColumnKey>();
  for (const f of mappingFields) {
    const v = (input.kolommen[f.key] ?? '').trim();
    const id = `kolom-${f.key}`;
    if (v === '') {
      if (f.required)
        errors[id] = `Kies de kolom met ${fieldLabels[f.key].toLowerCase()}; dit gegeven is verplicht.`;
      continue;
    }
    kolommen[f.key] = v;
    if (f.key === 'schooljaar' && v === yearFromDateOption) continue;
    if (!ctx.headers.includes(v)) {
      errors[id] = `Kies een kolom die in het bestand staat.`;
      continue;
    }
    const other = usedBy.get(v);
    if (other)
      errors[id] =
        `De kolom "${v}" is al gekozen voor ${fieldLabels[other].toLowerCase()}. Kies voor elk gegeven een eigen kolom.`;
    else usedBy.set(v, f.key);
  }
  if (kolommen.schooljaar === yearFromDateOption && !kolommen.afnamedatum)
    errors['kolom-schooljaar'] =
      'Het schooljaar kan alleen uit de afnamedatum komen als u ook de kolom met de afnamedatum kiest.';

  const rows = emptyRows();
  const extra = emptyExtra();
  const values: LvsMapping['values'] = {};
  for (const f of valueFields) {
    const van = input.van[f];
    const naar = input.naar[f];
    const pairs = van.map((raw, i) => ({ raw: raw.trim(), target: (naar[i] ?? '').trim() }));
    const added = { raw: input.extra[f].raw.trim(), target: input.extra[f].target.trim() };
    const column = kolommen[f];
    rows[f] = column || f !== 'toetsaanbieder' ? rowsFor(ctx, column, f, pairs) : [];
    extra[f] = added;
    const map: Record<string, string> = {};
    rows[f].forEach((r, i) => {
      if (!targetCodes(f).includes(r.target))
        errors[`waarde-${f}-${i}`] =
          `Kies wat er met ${fieldLabels[f].toLowerCase()} "${r.raw}" moet gebeuren: een bekende waarde of overslaan.`;
      else map[r.raw] = r.target;
    });
    if (added.raw !== '' || added.target !== '') {
      if (added.raw === '') errors[`nieuw-${f}`] = 'Vul de waarde in zoals die in het bestand staat.';
      else if (added.raw.length > 60) errors[`nieuw-${f}`] = 'De waarde is te lang: hoogstens 60 tekens.';
      else if (!targetCodes(f).includes(added.target))
        errors[`nieuw-${f}-naar`] = `Kies wat er met "${added.raw}" moet gebeuren.`;
      else if (rows[f].some((r) => compactValue(r.raw) === compactValue(added.raw)))
        errors[`nieuw-${f}`] = `De waarde "${added.raw}" staat al in de lijst hierboven.`;
      else map[added.raw] = added.target;
    }
    if (Object.keys(map).length) values[f] = map;
  }

  if (Object.keys(errors).length)
    return {
      ok: false,
      state: { naam: input.naam, aanbieder: input.aanbieder, kolommen, rows, extra, errors },
    };
  const yearFromDate = kolommen.schooljaar === yearFromDateOption;
  if (yearFromDate) delete kolommen.schooljaar;
  return {
    ok: true,
    signature: headerSignature(ctx.headers),
    mapping: {
      name: naam,
      provider: input.aanbieder,
      headers: ctx.headers,
      columns: kolommen,
      yearFromDate,
      values,
    },
  };
}

/** The file's profile as carried in the form (a hidden field), checked: it comes from the browser. */
export const fileProfileSchema = z.object({
  fileName: z.string().max(200),
  headers: z.array(z.string().min(1).max(200)).min(1).max(100),
  dropped: z.array(z.string().max(200)).max(100),
  profiles: z
    .array(
      z.object({
        header: z.string().max(200),
        distinct: z.array(z.string().max(60)).max(maxDistinct).nullable(),
        samples: z.array(z.string().max(60)).max(3),
      }),
    )
    .max(100),
  lines: z.number().int().min(0),
});

/** Reads the carried profile; null when it is missing or was changed into something else. */
export function readCarriedProfile(json: string): FileProfile | null {
  try {
    const r = fileProfileSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
