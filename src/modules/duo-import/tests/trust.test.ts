// Damaged and surprising files on a real database (both engines): every line of a damaged
// schools file is imported or reported and nothing is closed; a truncated file needs
// confirmation to close en masse; an older snapshot never closes or renames current schools;
// empty, all-rejected, corrupt and inflating files fail with nothing changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { eachEngine } from '../../../../test/support/db.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { importCbsFile, importDuoFile } from '../services/importer.ts';
import { DuoFileError } from '../services/parse/parse.ts';
import { AllLinesRejected, CloseNeedsConfirmation } from '../services/import-failure.ts';
import { failInterruptedImports } from '../services/run-import.ts';
import { cbsTable1, workbook, zip } from './test-workbook.ts';

const today = '2026-11-28';
const header =
  'PROVINCIE;BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;PLAATSNAAM;GEMEENTENUMMER;GEMEENTENAAM;DENOMINATIE';
const code = (i: number) => `Q${String(i).padStart(3, '0')}00`;
const row = (i: number, name = `School ${i}`) =>
  `Utrecht;500;${code(i).slice(0, 4)};${code(i)};${name};UTRECHT;0344;UTRECHT;Openbaar`;
/** Data lines for schools from..to; line n of the file is school n - 1 (the header is line 1). */
const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => row(from + k));
const csv = (lines: string[]) => Buffer.from(`${[header, ...lines].join('\r\n')}\r\n`, 'latin1');
const good = () => rows(1, 200);

async function openSchools(db: Kysely<DB>, closed = false) {
  const r = await db
    .selectFrom('organisation')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'school')
    .where('code', 'like', 'Q%')
    .where('closed_on', closed ? 'is not' : 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function importRow(db: Kysely<DB>, fileName: string) {
  return db
    .selectFrom('duo_import')
    .select(['status', 'message', 'problem_count', 'problems', 'content'])
    .where('file_name', '=', fileName)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
}

eachEngine('duo-import with damaged files', (database) => {
  test('a 200-line schools file with an unclosed quote, a short line and a duplicate: every line imported or reported, none closed over a good copy', async () => {
    const db = database().db;
    const first = await importDuoFile(db, csv(good()), {
      fileName: 'goed.csv',
      peildatum: '2026-01-01',
      today,
    });
    assert.equal(first.schoolsAdded, 200);
    const damaged = good();
    damaged[49] = row(50, '"De Linde'); // line 51: a quote that is never closed
    damaged[118] = 'Utrecht;500;Q119;Q11900;School 119'; // line 120: cut short
    damaged[148] = damaged[147]!; // line 150: the school of line 149 again
    const s = await importDuoFile(db, csv(damaged), {
      fileName: 'beschadigd.csv',
      peildatum: '2026-01-01',
      today,
    });
    assert.equal(s.dataRows, 200);
    assert.deepEqual(
      s.problems.map((p) => p.line),
      [51, 120, 150],
    );
    assert.match(s.problems[0]!.reason, /aanhalingsteken \("\) wordt op deze regel niet gesloten/);
    assert.match(s.problems[1]!.reason, /5 kolommen in plaats van 9/);
    assert.match(s.problems[2]!.reason, /Vestiging Q14800 staat al eerder in het bestand/);
    // All 200 lines accounted for: 197 schools read (unchanged), 3 lines rejected with their reason.
    assert.equal(s.schoolsUnchanged + s.problems.length, 200);
    assert.equal(s.schoolsClosed, 0);
    assert.equal(s.schoolsNotClosed, 3); // Q05000, Q11900 (rejected lines) and Q14900 (replaced by the duplicate)
    assert.equal(await openSchools(db), 200);
  });

  test('a truncated schools file closes nothing without confirmation and says so; confirmed, it closes', async () => {
    const db = database().db;
    const truncated = csv(rows(1, 59));
    await assert.rejects(
      importDuoFile(db, truncated, { fileName: 'afgekapt.csv', peildatum: '2026-01-01', today }),
      (e: unknown) =>
        e instanceof CloseNeedsConfirmation &&
        /141 van de 200 open scholen in het basisonderwijs \(71 %\)/.test(e.message) &&
        /--sluiten-toestaan/.test(e.message),
    );
    assert.equal(await openSchools(db), 200);
    assert.equal((await importRow(db, 'afgekapt.csv')).status, 'mislukt');
    // Cut in the middle of a line, the file is not clean: nothing is closed, nothing is asked.
    const cut = Buffer.concat([truncated, Buffer.from('Utrecht;500;Q060;Q06', 'latin1')]);
    const s = await importDuoFile(db, cut, { fileName: 'halverwege.csv', peildatum: '2026-01-01', today });
    assert.deepEqual([s.schoolsClosed, s.schoolsNotClosed, s.problems[0]?.line], [0, 141, 61]);
    const confirmed = await importDuoFile(db, truncated, {
      fileName: 'afgekapt-bevestigd.csv',
      peildatum: '2026-01-01',
      allowMassClose: true,
      today,
    });
    assert.equal(confirmed.schoolsClosed, 141);
    assert.equal(await openSchools(db), 59);
    const back = await importDuoFile(db, csv(good()), {
      fileName: 'terug.csv',
      peildatum: '2026-01-01',
      today,
    });
    assert.equal(back.schoolsReopened, 141);
  });

  test('an older snapshot after a newer one adds history but never closes or renames current schools', async () => {
    const db = database().db;
    // December 2020: school 1 had another name, schools 191-200 did not exist, 201-205 still did.
    const older = [row(1, 'Oude naam'), ...rows(2, 190), ...rows(201, 205)];
    const s = await importDuoFile(db, csv(older), {
      fileName: 'scholen-2020-12-01.csv',
      today,
    });
    assert.equal(s.peildatum, '2020-12-01');
    assert.deepEqual(
      [s.schoolsClosed, s.schoolsChanged, s.schoolsKeptNewer, s.schoolsAddedClosed],
      [0, 0, 190, 5],
    );
    assert.equal(await openSchools(db), 200);
    const one = await db
      .selectFrom('organisation')
      .select('name')
      .where('code', '=', code(1))
      .executeTakeFirstOrThrow();
    assert.equal(one.name, 'School 1');
    const gone = await db
      .selectFrom('organisation')
      .select(['code', 'closed_on'])
      .where('code', 'in', [code(201), code(205)])
      .orderBy('code')
      .execute();
    assert.deepEqual(
      gone.map((g) => g.closed_on),
      ['2026-01-01', '2026-01-01'],
    );
  });

  test('an empty or header-only file "bevat geen gegevens": failed, nothing changed', async () => {
    const db = database().db;
    const before = await openSchools(db);
    for (const [name, content] of [
      ['leeg.csv', Buffer.alloc(0)],
      ['witregels.csv', Buffer.from('\r\n \r\n')],
      ['alleen-kop.csv', Buffer.from(`${header}\r\n\r\n`)],
    ] as const) {
      await assert.rejects(
        importDuoFile(db, content, { fileName: name, today }),
        (e: unknown) => e instanceof DuoFileError && /bevat geen gegevens/.test(e.message),
        name,
      );
      const r = await importRow(db, name);
      assert.equal(r.status, 'mislukt', name);
    }
    await assert.rejects(
      importCbsFile(db, workbook({ 'Tabel 1': cbsTable1([]) }), {
        fileName: 'achterstandsscores-scholen-2021.xlsx',
        today,
      }),
      /bevat geen gegevens/,
    );
    assert.equal(await openSchools(db), before);
  });

  test('a file whose lines are all rejected is not imported: failed, every line reported, nothing changed', async () => {
    const db = database().db;
    const bad = ['Utrecht;x;Q900;Q90000;Een;UTRECHT;0344;UTRECHT;Openbaar', 'Utrecht;500;Q901;Q90100;"Twee'];
    await assert.rejects(
      importDuoFile(db, csv(bad), { fileName: 'alles-fout.csv', peildatum: '2026-01-01', today }),
      AllLinesRejected,
    );
    const r = await importRow(db, 'alles-fout.csv');
    assert.equal(r.status, 'mislukt');
    assert.match(r.message!, /Geen enkele regel/);
    assert.deepEqual(
      r.problems.map((p) => p.line),
      [2, 3],
    );
    assert.equal(await openSchools(db), 200);
  });

  test('a corrupt XLSX, a damaged part and a sheet that inflates past the limit all end as failed, nothing changed', async () => {
    const db = database().db;
    // 80 MB of spaces deflate to about 80 kB: a small upload that would take 80 MB to read.
    const bomb = workbook({ 'Tabel 1': Buffer.alloc(80 * 1024 * 1024, 0x20) });
    assert.ok(bomb.length < 200_000, `bomb is ${bomb.length} bytes`);
    const good = zip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]);
    // The deflated bytes of the part replaced by 0xff: an invalid deflate block type.
    const damaged = Buffer.from(good);
    const start = 30 + damaged.readUInt16LE(26);
    damaged.fill(0xff, start, start + damaged.readUInt32LE(18));
    // The central directory said to start far beyond the end of the file.
    const pointsOutside = Buffer.from(good);
    pointsOutside.writeUInt32LE(0x7fffff00, pointsOutside.length - 6);
    const cases: [string, Buffer, RegExp][] = [
      ['bom-2021.xlsx', bomb, /pakt uit tot meer dan 50 MB/],
      ['kapot-2021.xlsx', Buffer.from('dit is geen zip'), /geen geldig zip-archief/],
      ['beschadigd-2021.xlsx', damaged, /beschadigd/],
      ['afgekapt-2021.xlsx', good.subarray(0, good.length - 30), /zip-archief|beschadigd/],
      ['buiten-bestand-2021.xlsx', pointsOutside, /beschadigd/],
    ];
    for (const [name, content, message] of cases) {
      await assert.rejects(importCbsFile(db, content, { fileName: name, today }), message, name);
      const r = await importRow(db, name);
      assert.deepEqual([r.status, message.test(r.message ?? '')], ['mislukt', true], name);
    }
    const scores = await db
      .selectFrom('achterstandsscore')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(scores.n), 0);
  });

  test('an import left "bezig" by a crash is marked failed at start, and its file is dropped', async () => {
    const db = database().db;
    await db
      .insertInto('duo_import')
      .values({
        source: 'duo',
        file_name: 'onderbroken.csv',
        sha256: '0',
        size_bytes: 3,
        status: 'bezig',
        options: '{}',
        counts: '{}',
        problems: '[]',
        content: Buffer.from('abc'),
      })
      .execute();
    assert.equal(await failInterruptedImports(db), 1);
    const r = await importRow(db, 'onderbroken.csv');
    assert.equal(r.status, 'mislukt');
    assert.match(r.message!, /onderbroken.*niets veranderd/);
    assert.equal(r.content, null);
  });
});
