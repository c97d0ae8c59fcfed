// Funding suite: importing the shipped DUO and CBS files: idempotent re-import, history, provisional board names, a broken file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importDuoFile } from '../../duo-import/services/importer.ts';
import { provisionalBoardName } from '../../duo-import/services/organisation-writes.ts';
import { readShipped, shippedDuoFiles } from '../../duo-import/services/shipped.ts';
import { DuoFileError } from '../../duo-import/services/parse/parse.ts';
import { today, poFile, type FundingSuite } from './shared.ts';

export function importTests(ctx: FundingSuite) {
  test('all schools, boards and pupil counts arrive; boards get a provisional name', async () => {
    const db = ctx.database().db;
    const counts = await db
      .selectFrom('organisation')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('code', 'not like', 'T%')
      .groupBy('kind')
      .execute();
    const n = Object.fromEntries(counts.map((c) => [c.kind, Number(c.n)]));
    assert.ok(n.school! > 8500 && n.school! < 9500, `schools: ${n.school}`);
    assert.ok(n.bestuur! > 1000 && n.bestuur! < 1300, `boards: ${n.bestuur}`);
    const board = await db
      .selectFrom('organisation')
      .select(['name', 'name_provisional'])
      .where('kind', '=', 'bestuur')
      .where('code', '=', '41646')
      .executeTakeFirstOrThrow();
    assert.deepEqual(board, { name: 'Bestuur 41646 (naam nog onbekend)', name_provisional: true });
    const c = await db
      .selectFrom('pupil_count as p')
      .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
      .select('p.pupils')
      .where('o.code', '=', '00AP00')
      .where('p.teldatum', '=', '2020-10-01')
      .executeTakeFirstOrThrow();
    assert.equal(c.pupils, 103);
    // National PO + (V)SO pupils on 1 October 2020 as DUO publishes them.
    const sum = await db
      .selectFrom('pupil_count')
      .select((eb) => eb.fn.sum<number>('pupils').as('s'))
      .where('teldatum', '=', '2020-10-01')
      .where('category', '=', 'totaal')
      .executeTakeFirstOrThrow();
    assert.equal(Number(sum.s), 1_491_897);
    const history = await db
      .selectFrom('organisation_change')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('change', '=', 'nieuw')
      .executeTakeFirstOrThrow();
    assert.ok(Number(history.n) > 9000);
  });

  test('re-importing the same file changes nothing', async () => {
    const db = ctx.database().db;
    const s = await importDuoFile(db, readShipped(poFile), { fileName: 'opnieuw.csv', today });
    assert.deepEqual(
      [
        s.schoolsAdded,
        s.schoolsChanged,
        s.schoolsClosed,
        s.schoolsReopened,
        s.boardsAdded,
        s.schoolsUnchanged,
      ],
      [0, 0, 0, 0, 0, 6122],
    );
    const pupils = shippedDuoFiles.find((f) => f.includes('06.-'))!;
    const p = await importDuoFile(db, readShipped(pupils), { fileName: 'opnieuw.csv', today });
    assert.deepEqual([p.pupilCountsAdded, p.pupilCountsChanged, p.schoolsAdded], [0, 0, 0]);
  });

  test('a school whose board changed and a vestiging that vanished are recorded with history; both come back', async () => {
    const db = ctx.database().db;
    const text = readShipped(poFile).toString('latin1');
    const lines = text.split('\r\n');
    const i = lines.findIndex((l) => l.includes(';32JK00;'));
    const j = lines.findIndex((l) => l.includes(';03WU00;'));
    lines[i] = lines[i]!.replace(';20091;', ';99999;');
    lines.splice(j, 1);
    // A corrected copy of the same publication (same peildatum), so the original may undo it.
    const s = await importDuoFile(db, Buffer.from(lines.join('\r\n'), 'latin1'), {
      fileName: 'gewijzigd.csv',
      peildatum: '2026-08-04',
      today,
    });
    assert.deepEqual([s.schoolsChanged, s.schoolsClosed, s.boardsAdded], [1, 1, 1]);
    const changed = await db
      .selectFrom('organisation_change as c')
      .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
      .select(['o.code', 'c.change', 'c.field', 'c.old_value', 'c.new_value'])
      .where('c.import_id', '=', s.importId)
      .orderBy('c.id')
      .execute();
    assert.deepEqual(
      changed.map((c) => [c.code, c.change, c.field, c.old_value, c.new_value]),
      [
        ['99999', 'nieuw', null, null, provisionalBoardName('99999')],
        ['32JK00', 'gewijzigd', 'bestuur', '20091', '99999'],
        ['03WU00', 'gesloten', null, null, today],
      ],
    );
    const closed = await db
      .selectFrom('organisation')
      .select('closed_on')
      .where('code', '=', '03WU00')
      .executeTakeFirstOrThrow();
    assert.equal(closed.closed_on, today);
    const back = await importDuoFile(db, readShipped(poFile), { fileName: 'terug.csv', today });
    assert.deepEqual([back.schoolsChanged, back.schoolsReopened, back.schoolsClosed], [1, 1, 0]);
    const row = await db
      .selectFrom('organisation as o')
      .innerJoin('organisation as b', 'b.id', 'o.parent_id')
      .select(['b.code', 'o.closed_on'])
      .where('o.code', '=', '32JK00')
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { code: '20091', closed_on: null });
  });

  test('a board file names provisional boards but never overwrites a corrected name', async () => {
    const db = ctx.database().db;
    await db
      .updateTable('organisation')
      .set({ name: 'Stichting Gecorrigeerd' })
      .where('kind', '=', 'bestuur')
      .where('code', '=', '10249')
      .execute();
    const file = Buffer.from(
      'BEVOEGD GEZAG NUMMER;BEVOEGD GEZAG NAAM;PLAATSNAAM;GEMEENTENUMMER\n41646;Vereniging WereldWijs;ZOETERMEER;637\n10249;Naam uit bestand;EMMEN;114\n7777777;Fout;X;1\n',
    );
    const s = await importDuoFile(db, file, { fileName: 'besturen.csv', today });
    assert.deepEqual([s.boardsRenamed, s.boardNamesKept, s.problems.length], [1, 1, 1]);
    assert.deepEqual(s.problems[0], { line: 4, reason: 'Het bevoegd-gezagnummer "7777777" is geen nummer.' });
    const names = await db
      .selectFrom('organisation')
      .select(['code', 'name', 'name_provisional'])
      .where('kind', '=', 'bestuur')
      .where('code', 'in', ['41646', '10249'])
      .orderBy('code')
      .execute();
    assert.deepEqual(names, [
      // A name a person corrected is a real name: not provisional once the board file confirms the board.
      { code: '10249', name: 'Stichting Gecorrigeerd', name_provisional: false },
      { code: '41646', name: 'Vereniging WereldWijs', name_provisional: false },
    ]);
  });

  test('a file of the wrong kind changes nothing and its import is recorded as failed', async () => {
    const db = ctx.database().db;
    const before = await db
      .selectFrom('organisation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const pupils = shippedDuoFiles.find((f) => f.includes('06.-'))!;
    await assert.rejects(
      importDuoFile(db, readShipped(pupils), { fileName: 'fout.csv', today, expected: 'scholen' }),
      DuoFileError,
    );
    const afterCount = await db
      .selectFrom('organisation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n));
    const row = await db
      .selectFrom('duo_import')
      .select(['status', 'message'])
      .where('file_name', '=', 'fout.csv')
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'mislukt');
    assert.match(row.message!, /leerlingenbestand/);
  });
}
