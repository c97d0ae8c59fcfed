// The real shipped DUO and CBS files imported once per engine, then: idempotent re-import,
// changed board and vanished vestiging with history, a broken file that changes nothing,
// the 2021-22 amounts, recompute with history (in a pg-boss job), reservations and sealing,
// and the public lookup with its CSV.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  TestClient,
  type Fixtures,
} from '../../../test/support/app.ts';
import { startJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { importCbsFile, importDuoFile, linkScores, provisionalBoardName } from '../duo-import/importer.ts';
import { readShipped, shippedCbsFiles, shippedDuoFiles } from '../duo-import/shipped.ts';
import { DuoFileError } from '../duo-import/parse.ts';
import { recomputeAll, recomputeYear } from './service.ts';
import { registerFundingWorkers } from './workers.ts';
import * as repo from './repository.ts';

const today = '2026-11-28';
const poFile = shippedDuoFiles.find((f) => f.includes('02.-alle'))!;

eachEngine('funding with the real DUO and CBS files', (database) => {
  // A nested suite, so its after() (jobs, app) runs before the database is closed.
  describe('shipped open data', () => suite(database));
});

function suite(database: () => import('../../platform/db/database.ts').Database) {
  let fx: Fixtures;
  let app: FastifyInstance;
  let jobs: Jobs;
  const initial: Record<string, number>[] = [];

  before(async () => {
    const db = database().db;
    for (const f of shippedDuoFiles) {
      const s = await importDuoFile(db, readShipped(f), { fileName: path.basename(f), today });
      initial.push({ ...s, problems: s.problems.length } as any);
    }
    for (const f of shippedCbsFiles)
      await importCbsFile(db, readShipped(f), { fileName: path.basename(f), today });
    await linkScores(db);
    await recomputeAll(db, 1, 'test');
    fx = await createFixtures(database());
    jobs = await startJobs(database().pool, { schedule: false, pollingIntervalSeconds: 0.5 });
    app = await createTestApp(database(), { jobs });
    await registerFundingWorkers(jobs, app.platform);
  });
  after(async () => {
    await app?.close();
    await jobs?.stop();
  });

  test('all schools, boards and pupil counts arrive; boards get a provisional name', async () => {
    const db = database().db;
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
    const db = database().db;
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
    const db = database().db;
    const text = readShipped(poFile).toString('latin1');
    const lines = text.split('\r\n');
    const i = lines.findIndex((l) => l.includes(';32JK00;'));
    const j = lines.findIndex((l) => l.includes(';03WU00;'));
    lines[i] = lines[i]!.replace(';20091;', ';99999;');
    lines.splice(j, 1);
    const s = await importDuoFile(db, Buffer.from(lines.join('\r\n'), 'latin1'), {
      fileName: 'gewijzigd.csv',
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
    const db = database().db;
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
      { code: '10249', name: 'Stichting Gecorrigeerd', name_provisional: true },
      { code: '41646', name: 'Vereniging WereldWijs', name_provisional: false },
    ]);
  });

  test('a file of the wrong kind changes nothing and its import is recorded as failed', async () => {
    const db = database().db;
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

  test('2021-22: a school gets its pupils times € 701,16 plus 251,16 per unit of achterstandsscore, to the cent', async () => {
    const db = database().db;
    const years = await repo.listFundingYears(db, 1);
    const y = years.find((x) => x.label === '2021-2022')!;
    const school = await repo.findSchoolByCode(db, '00AP00');
    const [a] = await repo.allocationsFor(db, [y.currentRunId!], [school!.id], true);
    // 103 pupils on 1 October 2020; CBS score 33,02 (peildatum 2019, the newest shipped).
    assert.equal(a!.baseCents, 103 * 70116);
    assert.equal(a!.supplementCents, Math.round((3302 * 25116) / 100));
    assert.equal(a!.totalCents, 8_051_278);
    assert.equal(a!.status, 'onvolledig');
    const vo = await repo.findSchoolByCode(db, '18BR00');
    const [v] = await repo.allocationsFor(db, [y.currentRunId!], [vo!.id], true);
    assert.equal(v!.lines[0]!.rateCents, 70116);
    assert.equal(v!.lines[1]!.rateCents, 105174);
    assert.ok(v!.lines[1]!.quantity! > 0, 'a praktijkschool has pupils at the higher rate');
    assert.equal(v!.baseCents, v!.lines[0]!.quantity! * 70116 + v!.lines[1]!.quantity! * 105174);
  });

  test('the public lookup finds schools by name, place and code and shows how the amount was computed', async () => {
    const client = new TestClient(app);
    const search = await client.get('/bedragen?q=wereldwijs');
    assert.equal(search.statusCode, 200);
    assert.match(search.body, /WereldWijs/);
    assert.match(search.body, /€\s?80\.512,78/);
    const byCode = await client.get('/bedragen?q=00AP00');
    assert.match(byCode.body, /\/bedragen\/scholen\/00AP00/);
    const again = await client.get('/bedragen?q=wereldwijs', {
      'if-none-match': search.headers.etag as string,
    });
    assert.equal(again.statusCode, 304);
    const page = await client.get('/bedragen/scholen/00AP00');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Bedrag per leerling basisonderwijs/);
    assert.match(page.body, /33,02/);
    assert.match(page.body, /€\s?8\.293,30/);
    assert.match(page.body, /Geen nieuwe toekenning|geen nieuw bedrag/i);
    assert.equal((await client.get('/bedragen/scholen/ZZZZ99')).statusCode, 404);
    const mun = await client.get('/bedragen/gemeenten/0637');
    assert.equal(mun.statusCode, 200);
    assert.match(mun.body, /Zoetermeer/i);
    assert.equal((await client.get('/bedragen/gemeenten/9999')).statusCode, 404);
    const list = await client.get('/bedragen/gemeenten');
    assert.match(list.body, /\/bedragen\/gemeenten\/0637/);
    const board = await client.get('/bedragen/besturen/41646');
    assert.equal(board.statusCode, 200);
    assert.match(board.body, /WereldWijs/);
  });

  test('the open-data CSV has every allocation with exact decimal amounts', async () => {
    const client = new TestClient(app);
    const res = await client.get('/bedragen/open-data.csv?schooljaar=2021-2022');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/csv/);
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(
      lines[0],
      'schooljaar;vestigingscode;naam;plaats;gemeentecode;gemeente;bevoegd_gezag_nummer;soort;status;leerlingen;basisbedrag_euro;toeslagen_euro;totaal_euro',
    );
    const row = lines.find((l) => l.includes(';00AP00;'))!;
    assert.match(row, /;103;72219\.48;8293\.30;80512\.78$/);
    const run = await database()
      .db.selectFrom('funding_year as f')
      .innerJoin('allocation_run as r', 'r.id', 'f.current_run_id')
      .innerJoin('school_year as y', 'y.id', 'f.school_year_id')
      .select('r.school_count')
      .where('y.label', '=', '2021-2022')
      .executeTakeFirstOrThrow();
    assert.equal(lines.length - 1, run.school_count);
    assert.equal((await client.get('/bedragen/open-data.csv?schooljaar=1999-2000')).statusCode, 404);
    const exports = await database()
      .db.selectFrom('audit_event')
      .select(['action', 'object_id'])
      .where('action', '=', 'export.bedragen-per-school')
      .execute();
    assert.deepEqual(exports, [{ action: 'export.bedragen-per-school', object_id: '2021-2022' }]);
  });

  test('an analist changes a rate: a job recomputes every allocation, keeps the previous run and shows the differences', async () => {
    const db = database().db;
    const y = (await repo.listFundingYears(db, 1)).find((x) => x.label === '2021-2022')!;
    const rate = (await repo.listRates(db, [y.schoolYearId])).find((r) => r.code === 'BO')!;
    const { cookie } = await signInAs(database(), 'analist', fx.ministryId);
    const client = new TestClient(app, cookie);
    const bad = await client.post(`/beheer/bekostiging/tarieven/${rate.id}`, {
      bedrag: '-3',
      status: 'definitief',
      reden: 'Test',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /lager zijn dan nul/);
    assert.match(bad.body, /minstens 5 tekens/);
    const ok = await client.post(`/beheer/bekostiging/tarieven/${rate.id}`, {
      bedrag: '702,16',
      status: 'definitief',
      reden: 'Proef: één euro meer per leerling',
    });
    assert.equal(ok.statusCode, 303);
    let now = y;
    for (let i = 0; i < 120 && now.currentRunId === y.currentRunId; i++) {
      await new Promise((r) => setTimeout(r, 250));
      now = (await repo.findFundingYear(db, y.schoolYearId))!;
    }
    assert.notEqual(now.currentRunId, y.currentRunId, 'the job made a new run');
    assert.equal(now.previousRunId, y.currentRunId, 'the previous run is kept');
    const school = await repo.findSchoolByCode(db, '00AP00');
    const [before, afterA] = await Promise.all([
      repo.allocationsFor(db, [y.currentRunId!], [school!.id]),
      repo.allocationsFor(db, [now.currentRunId!], [school!.id]),
    ]);
    assert.equal(afterA[0]!.totalCents! - before[0]!.totalCents!, 103 * 100);
    const diffs = await repo.runDifferences(db, now.currentRunId!, now.previousRunId!);
    assert.ok(diffs.length > 6000);
    const page = await client.get('/beheer/bekostiging/verschillen?schooljaar=2021-2022');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /WereldWijs/);
    assert.match(page.body, /\+€\s?103,00/);
    const history = await db
      .selectFrom('funding_rate_change')
      .selectAll()
      .where('rate_id', '=', rate.id)
      .execute();
    assert.deepEqual([history[0]!.old_amount_cents, history[0]!.new_amount_cents], [70116, 70216]);
    const audit = await db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'bekostiging.tarief.gewijzigd')
      .execute();
    assert.equal(audit.length, 1);
    // A further recompute keeps the last two runs' rows; older runs keep only their summary.
    const third = await recomputeYear(db, y.schoolYearId, 'test');
    const rowsOf = async (runId: number) =>
      Number(
        (
          await db
            .selectFrom('allocation')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('run_id', '=', runId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    assert.equal(await rowsOf(y.currentRunId!), 0);
    assert.ok((await rowsOf(now.currentRunId!)) > 8000);
    assert.ok((await rowsOf(third.runId!)) > 8000);
    assert.ok(
      await db.selectFrom('allocation_run').select('id').where('id', '=', y.currentRunId!).executeTakeFirst(),
    );
    // Not for a board member.
    const board = await signInAs(database(), 'bestuur', fx.boardId);
    assert.equal((await new TestClient(app, board.cookie).get('/beheer/bekostiging')).statusCode, 403);
  });

  test('reservations: only own schools, only known money, never more than is left, with prior MR consent; boards are sealed', async () => {
    const db = database().db;
    const y = (await repo.listFundingYears(db, 1)).find((x) => x.label === '2021-2022')!;
    const board = await db
      .selectFrom('organisation')
      .select('id')
      .where('kind', '=', 'bestuur')
      .where('code', '=', '41646')
      .executeTakeFirstOrThrow();
    const school = (await repo.findSchoolByCode(db, '00AP00'))!;
    const other = (await repo.findSchoolByCode(db, '32JK00'))!;
    const [alloc] = await repo.allocationsFor(db, [y.currentRunId!], [school.id]);
    const a = await signInAs(database(), 'bestuur', board.id);
    const client = new TestClient(app, a.cookie);
    const page = await client.get(`/besturen/${board.id}/bekostiging`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /WereldWijs/);
    const post = (form: Record<string, string>) =>
      client.post(`/besturen/${board.id}/bekostiging/reserveringen`, {
        schooljaar: '2021-2022',
        school: String(school.id),
        bedrag: '1.000,00',
        doel: 'Bovenschoolse taalklas',
        mrInstemming: '2021-06-01',
        ...form,
      });
    const tooMuch = await post({ bedrag: String((alloc!.totalCents! + 1) / 100).replace('.', ',') });
    assert.equal(tooMuch.statusCode, 422);
    assert.match(tooMuch.body, /meer dan er voor deze school over is/);
    const future = await post({ mrInstemming: '2099-01-01' });
    assert.equal(future.statusCode, 422);
    assert.match(future.body, /vooraf instemmen/);
    const notOwn = await post({ school: String(other.id) });
    assert.equal(notOwn.statusCode, 422);
    assert.match(notOwn.body, /eigen bestuur/);
    const ok = await post({});
    assert.equal(ok.statusCode, 303);
    const rest = await post({ bedrag: String((alloc!.totalCents! - 100_000) / 100).replace('.', ',') });
    assert.equal(rest.statusCode, 303);
    const oneMore = await post({ bedrag: '0,01' });
    assert.equal(oneMore.statusCode, 422, 'everything is reserved now');
    const view = await client.get(`/besturen/${board.id}/bekostiging?schooljaar=2021-2022`);
    assert.match(view.body, /Bovenschoolse taalklas/);
    const reservations = await repo.reservationsOfBoard(db, board.id, y.schoolYearId);
    assert.equal(reservations.length, 2);

    // Board B sees nothing of board A and cannot withdraw A's reservation.
    const b = await signInAs(database(), 'bestuur', fx.otherBoardId);
    const bClient = new TestClient(app, b.cookie);
    assert.equal((await bClient.get(`/besturen/${board.id}/bekostiging`)).statusCode, 403);
    assert.equal(
      (
        await bClient.post(
          `/besturen/${board.id}/bekostiging/reserveringen/${reservations[0]!.id}/intrekken`,
          {},
        )
      ).statusCode,
      403,
    );
    assert.equal(
      (
        await bClient.post(
          `/besturen/${fx.otherBoardId}/bekostiging/reserveringen/${reservations[0]!.id}/intrekken`,
          {},
        )
      ).statusCode,
      404,
    );
    const own = await bClient.get(`/besturen/${fx.otherBoardId}/bekostiging`);
    assert.equal(own.statusCode, 200);
    assert.doesNotMatch(own.body, /Bovenschoolse taalklas/);
    assert.equal(
      (await repo.reservationsOfBoard(db, board.id, y.schoolYearId)).filter((r) => r.withdrawn_at).length,
      0,
    );

    const withdraw = await client.post(
      `/besturen/${board.id}/bekostiging/reserveringen/${reservations[0]!.id}/intrekken`,
      { schooljaar: '2021-2022' },
    );
    assert.equal(withdraw.statusCode, 303);
    assert.equal((await repo.reservedPerSchool(db, board.id, y.schoolYearId)).get(school.id), 100_000);
  });

  test('two reservations at the same moment cannot together take more than the school has', async () => {
    const db = database().db;
    const y = (await repo.listFundingYears(db, 1)).find((x) => x.label === '2021-2022')!;
    const pick = await db
      .selectFrom('allocation as a')
      .innerJoin('organisation as o', 'o.id', 'a.school_id')
      .select('o.code')
      .where('a.run_id', '=', y.currentRunId!)
      .where('a.total_cents', '>', 0)
      .where('o.code', '=', '16AH00')
      .executeTakeFirstOrThrow();
    const school = (await repo.findSchoolByCode(db, pick.code!))!;
    const [alloc] = await repo.allocationsFor(db, [y.currentRunId!], [school.id]);
    assert.ok(alloc!.totalCents! > 0);
    const { cookie } = await signInAs(database(), 'bestuur', school.boardId!);
    const client = new TestClient(app, cookie);
    const share = Math.ceil(alloc!.totalCents! * 0.6);
    const form = {
      schooljaar: '2021-2022',
      school: String(school.id),
      bedrag: (share / 100).toFixed(2).replace('.', ','),
      doel: 'Gezamenlijke remedial teacher',
      mrInstemming: '2021-06-01',
    };
    const results = await Promise.all([
      client.post(`/besturen/${school.boardId}/bekostiging/reserveringen`, form),
      client.post(`/besturen/${school.boardId}/bekostiging/reserveringen`, form),
    ]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [303, 422]);
    assert.equal((await repo.reservedPerSchool(db, school.boardId!, y.schoolYearId)).get(school.id), share);
  });

  test('the beheerder uploads a file: a wrong kind is reported, a good file is imported with a report', async () => {
    const { cookie } = await signInAs(database(), 'beheerder', fx.ministryId);
    const client = new TestClient(app, cookie);
    assert.equal((await client.get('/beheer/imports')).statusCode, 200);
    const upload = async (soort: string, name: string, content: Buffer) => {
      const boundary = '----npo-test';
      const parts = [
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.csrfToken()}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="soort"\r\n\r\n${soort}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ];
      const body = Buffer.concat([
        Buffer.from(parts.join('')),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return app.inject({
        method: 'POST',
        url: '/beheer/imports',
        payload: body,
        headers: { cookie: client.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    const waitDone = async (url: string) => {
      for (let i = 0; i < 120; i++) {
        const r = await client.get(url);
        if (!/data-vernieuw/.test(r.body)) return r;
        await new Promise((res) => setTimeout(res, 250));
      }
      throw new Error('import did not finish');
    };
    const wrong = await upload(
      'scholen',
      'leerlingen.csv',
      Buffer.from(
        '\ufeffINSTELLINGSCODE;VESTIGINGSCODE;NAAM_VESTIGING;SOORT_VESTIGING;DENOMINATIE_VESTIGING;BEVOEGD_GEZAG_NUMMER;GEMEENTECODE_VESTIGING;GEMEENTENAAM_VESTIGING;LEERLINGEN_2020\r\n',
      ),
    );
    assert.equal(wrong.statusCode, 303);
    const report = await waitDone(wrong.headers.location as string);
    assert.match(report.body, /Mislukt/);
    assert.match(report.body, /leerlingenbestand/);
    const good = await upload(
      'leerlingen',
      'leerlingen.csv',
      Buffer.from(
        '\ufeffINSTELLINGSCODE;VESTIGINGSCODE;NAAM_VESTIGING;SOORT_VESTIGING;DENOMINATIE_VESTIGING;BEVOEGD_GEZAG_NUMMER;GEMEENTECODE_VESTIGING;GEMEENTENAAM_VESTIGING;LEERLINGEN_2020\r\n00AP;00AP00;WereldWijs;BO;Gereformeerd vrijgemaakt;41646;637;ZOETERMEER;104\r\n00AR;00AR00;X;BO;Openbaar;41797;1641;MAASGOUW;veel\r\n',
      ),
    );
    const ok = await waitDone(good.headers.location as string);
    assert.match(ok.body, /geïmporteerd/);
    assert.match(ok.body, /Gewijzigde leerlingtellingen/);
    assert.match(
      ok.body,
      /WereldWijs \(00AP00\)<\/td><td[^>]*>Gewijzigd<\/td><td[^>]*>leerlingen 2020-10-01<\/td><td[^>]*>103<\/td><td[^>]*>104</,
    );
    assert.match(ok.body, /<td[^>]*>3<\/td>\s*<td[^>]*>Het aantal leerlingen &quot;veel&quot;/);
    const missing = await client.post('/beheer/imports', { soort: 'scholen' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /Kies een bestand/);
    const noCsrf = await client.post('/beheer/imports', { soort: 'scholen' }, { csrf: false });
    assert.equal(noCsrf.statusCode, 403);
  });
}
