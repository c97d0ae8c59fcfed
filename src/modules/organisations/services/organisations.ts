// Rules for creating and editing boards and schools: required fields, the shape of codes,
// a school belongs to an existing board, and codes are unique per kind.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Sector } from '../../../platform/db/tables.ts';
import * as repo from '../repository/organisations.ts';

export const sectors: Sector[] = ['BO', 'SBO', 'SO', 'VSO', 'VO'];

export type OrganisationForm = Record<string, string>;

export type Validated =
  { ok: true; input: repo.OrganisationInput } | { ok: false; errors: Record<string, string> };

const opt = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** Checks a form; `selfId` is the organisation being edited (its own code is no duplicate). */
export async function validateOrganisation(
  db: Kysely<DB>,
  f: OrganisationForm,
  selfId: number | null,
): Promise<Validated> {
  const errors: Record<string, string> = {};
  const kind = f.soort === 'bestuur' || f.soort === 'school' ? f.soort : null;
  if (!kind) errors.soort = 'Kies of het een bestuur of een school is.';
  const name = (f.naam ?? '').trim();
  if (name.length < 2 || name.length > 200) errors.naam = 'Vul de naam in (2 tot 200 tekens).';
  const code = (f.code ?? '').trim().toUpperCase();
  if (!/^[0-9A-Z]{2,12}$/.test(code)) {
    errors.code =
      kind === 'school'
        ? 'Vul de vestigingscode in: BRIN plus twee cijfers, bijvoorbeeld 00AA00.'
        : 'Vul het bestuursnummer (bevoegd gezag) in, bijvoorbeeld 41234.';
  }
  let parentId: number | null = null;
  let sector: Sector | null = null;
  if (kind === 'school') {
    sector = sectors.find((s) => s === f.sector) ?? null;
    if (!sector) errors.sector = 'Kies de sector van de school.';
    const parent = (f.bestuurscode ?? '').trim();
    const board = parent ? await repo.findByCode(db, 'bestuur', parent) : undefined;
    if (!board)
      errors.bestuurscode = 'Vul het bestuursnummer in van een bestuur dat al in het platform staat.';
    else parentId = board.id;
  }
  if (kind && !errors.code) {
    const existing = await repo.findByCode(db, kind, code);
    if (existing && existing.id !== selfId) errors.code = `Deze code is al in gebruik door ${existing.name}.`;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      kind: kind!,
      name,
      code,
      parentId,
      sector,
      instellingscode: kind === 'school' ? (opt(f.instellingscode)?.toUpperCase() ?? code.slice(0, 4)) : null,
      municipalityCode: opt(f.gemeentecode),
      municipalityName: opt(f.gemeente),
      place: opt(f.plaats),
      denomination: opt(f.denominatie),
    },
  };
}
