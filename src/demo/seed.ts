// Demo data for a fresh platform: the ministry, one board and three schools (BO, SO, VO).
// Idempotent: running it twice changes nothing. Modules extend the demo through their descriptor's `demo` step.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { modules } from '../modules/index.ts';
import type { DemoOrganisations } from '../platform/demo-step.ts';

async function upsertOrganisation(
  db: Kysely<DB>,
  values: {
    kind: 'ministerie' | 'bestuur' | 'school';
    code: string;
    name: string;
    parent_id?: number;
    sector?: 'BO' | 'SBO' | 'SO' | 'VSO' | 'VO';
    instellingscode?: string;
    municipality_code?: string;
    municipality_name?: string;
    place?: string;
    denomination?: string;
  },
): Promise<number> {
  const existing = await db
    .selectFrom('organisation')
    .select('id')
    .where('kind', '=', values.kind)
    .where('code', '=', values.code)
    .executeTakeFirst();
  if (existing) return existing.id;
  const row = await db.insertInto('organisation').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Demo organisations use codes that cannot clash with real DUO codes (they start with 'DEMO'). */
export async function seedDemoOrganisations(db: Kysely<DB>): Promise<DemoOrganisations> {
  const ministryId = await upsertOrganisation(db, {
    kind: 'ministerie',
    code: 'OCW',
    name: 'Ministerie van Onderwijs, Cultuur en Wetenschap',
  });
  const boardId = await upsertOrganisation(db, {
    kind: 'bestuur',
    code: 'DEMO1',
    name: 'Stichting Demo Scholengroep Rivierenland',
    municipality_name: 'Zaltbommel',
    place: 'ZALTBOMMEL',
  });
  const common = {
    parent_id: boardId,
    municipality_code: '0297',
    municipality_name: 'Zaltbommel',
    place: 'ZALTBOMMEL',
  };
  const bo = await upsertOrganisation(db, {
    ...common,
    kind: 'school',
    code: 'DEMO0100',
    instellingscode: 'DEMO01',
    sector: 'BO',
    name: 'Demo basisschool De Uiterwaard',
    denomination: 'Openbaar',
  });
  const so = await upsertOrganisation(db, {
    ...common,
    kind: 'school',
    code: 'DEMO0200',
    instellingscode: 'DEMO02',
    sector: 'SO',
    name: 'Demo school voor speciaal onderwijs De Brug',
    denomination: 'Openbaar',
  });
  const vo = await upsertOrganisation(db, {
    ...common,
    kind: 'school',
    code: 'DEMO0300',
    instellingscode: 'DEMO03',
    sector: 'VO',
    name: 'Demo scholengemeenschap Waalkade',
    denomination: 'Algemeen bijzonder',
  });
  return { ministryId, boardId, schools: { bo, so, vo } };
}

export async function seedDemo(db: Kysely<DB>): Promise<string[]> {
  const orgs = await seedDemoOrganisations(db);
  const lines: string[] = [];
  for (const m of modules) if (m.demo) lines.push(...(await m.demo.run(db, orgs)));
  return lines;
}
