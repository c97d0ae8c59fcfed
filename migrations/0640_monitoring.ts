// Monitoring: what the national dashboard needs to stay fast at 8,000 schools × 4 years, and the
// province of each municipality (organisations keep only their municipality code).
//
// The province comes from DUO's shipped address files (resources/open-data/duo), where every
// vestiging carries both PROVINCIE and GEMEENTENUMMER; one row per municipality is enough to
// filter schools by province without a column on organisation.
import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { fromRoot } from '../src/paths.ts';

const provinces = new Set([
  'Drenthe',
  'Flevoland',
  'Friesland',
  'Gelderland',
  'Groningen',
  'Limburg',
  'Noord-Brabant',
  'Noord-Holland',
  'Overijssel',
  'Utrecht',
  'Zeeland',
  'Zuid-Holland',
]);

const files = [
  'alle-vestigingen-vo.csv',
  'alle-vestigingen-bo.csv',
  '02.-alle-schoolvestigingen-basisonderwijs.csv',
];

/** Municipality code (4 digits) → province, from the header-named columns of the DUO files. */
export function municipalityProvinces(texts: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const text of texts) {
    const lines = text.split(/\r?\n/);
    const header = (lines[0] ?? '').split(';').map((h) => h.trim().replace(/^"|"$/g, ''));
    const iProv = header.indexOf('PROVINCIE');
    const iMun = header.indexOf('GEMEENTENUMMER');
    if (iProv < 0 || iMun < 0) continue;
    for (const line of lines.slice(1)) {
      const f = line.split(';').map((v) => v.trim().replace(/^"|"$/g, ''));
      const province = f[iProv] ?? '';
      const mun = f[iMun] ?? '';
      // A quoted field with a semicolon shifts the columns: such a line is skipped, not guessed.
      if (!provinces.has(province) || !/^\d{1,4}$/.test(mun)) continue;
      out.set(mun.padStart(4, '0'), province);
    }
  }
  return out;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('municipality_province')
    .addColumn('municipality_code', 'text', (c) => c.primaryKey())
    .addColumn('province', 'text', (c) => c.notNull())
    .execute();
  const texts = files.flatMap((f) => {
    const p = fromRoot('resources', 'open-data', 'duo', f);
    // DUO's files are Latin-1; province names are plain ASCII either way.
    return fs.existsSync(p) ? [fs.readFileSync(p, 'latin1')] : [];
  });
  const pairs = [...municipalityProvinces(texts)];
  if (pairs.length > 0)
    await sql`insert into municipality_province (municipality_code, province)
      select * from unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[])`.execute(db);

  // The dashboard counts answers per round and question over the schools of a filter: with the
  // values in the index it reads no table rows (an index-only scan once vacuumed).
  await sql`create index questionnaire_answer_monitoring_idx on questionnaire_answer
    (questionnaire_id, question_key, organisation_id) include (item, choice, cents, number)`.execute(db);
  // The CSV export pages through a round's submissions by id.
  await sql`create index questionnaire_submission_export_idx on questionnaire_submission (questionnaire_id, id)`.execute(
    db,
  );
  // Confirmed annual reports per calendar year, for the spending figures.
  await sql`create index board_report_confirmed_idx on board_report (programme_id, calendar_year)
    where status = 'bevestigd'`.execute(db);
  // Schools per board and per municipality, for the filters (board size, province).
  await sql`create index organisation_open_school_idx on organisation (parent_id, sector)
    where kind = 'school'`.execute(db);
}
