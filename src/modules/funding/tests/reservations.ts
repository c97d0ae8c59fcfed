// Funding suite: board reservations (own schools, known money, what is left, MR consent), also at the same moment.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAs, TestClient } from '../../../../test/support/app.ts';
import { allocationsFor } from '../repository/allocations.ts';
import { reservationsOfBoard, reservedPerSchool } from '../repository/reservations.ts';
import { findSchoolByCode } from '../repository/schools.ts';
import { listFundingYears } from '../repository/years.ts';
import type { FundingSuite } from './shared.ts';

export function reservationTests(ctx: FundingSuite) {
  test('reservations: only own schools, only known money, never more than is left, with prior MR consent; boards are sealed', async () => {
    const db = ctx.database().db;
    const y = (await listFundingYears(db, 1)).find((x) => x.label === '2021-2022')!;
    const board = await db
      .selectFrom('organisation')
      .select('id')
      .where('kind', '=', 'bestuur')
      .where('code', '=', '41646')
      .executeTakeFirstOrThrow();
    const school = (await findSchoolByCode(db, '00AP00'))!;
    const other = (await findSchoolByCode(db, '32JK00'))!;
    const [alloc] = await allocationsFor(db, [y.currentRunId!], [school.id]);
    const a = await signInAs(ctx.database(), 'bestuur', board.id);
    const client = new TestClient(ctx.app, a.cookie);
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
    const reservations = await reservationsOfBoard(db, board.id, y.schoolYearId);
    assert.equal(reservations.length, 2);

    // Board B sees nothing of board A and cannot withdraw A's reservation.
    const b = await signInAs(ctx.database(), 'bestuur', ctx.fx.otherBoardId);
    const bClient = new TestClient(ctx.app, b.cookie);
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
          `/besturen/${ctx.fx.otherBoardId}/bekostiging/reserveringen/${reservations[0]!.id}/intrekken`,
          {},
        )
      ).statusCode,
      404,
    );
    const own = await bClient.get(`/besturen/${ctx.fx.otherBoardId}/bekostiging`);
    assert.equal(own.statusCode, 200);
    assert.doesNotMatch(own.body, /Bovenschoolse taalklas/);
    assert.equal(
      (await reservationsOfBoard(db, board.id, y.schoolYearId)).filter((r) => r.withdrawn_at).length,
      0,
    );

    const withdraw = await client.post(
      `/besturen/${board.id}/bekostiging/reserveringen/${reservations[0]!.id}/intrekken`,
      { schooljaar: '2021-2022' },
    );
    assert.equal(withdraw.statusCode, 303);
    assert.equal((await reservedPerSchool(db, board.id, y.schoolYearId)).get(school.id), 100_000);
  });

  test('an MR consent date that does not exist (2021-02-31, 2021-13-45, 0000-01-01) is refused next to the field and nothing is stored', async () => {
    const db = ctx.database().db;
    const y = (await listFundingYears(db, 1)).find((x) => x.label === '2021-2022')!;
    const school = (await findSchoolByCode(db, '00AP00'))!;
    const { cookie } = await signInAs(ctx.database(), 'bestuur', school.boardId!);
    const client = new TestClient(ctx.app, cookie);
    const before = (await reservationsOfBoard(db, school.boardId!, y.schoolYearId)).length;
    for (const date of ['2021-02-31', '2021-13-45', '0000-01-01']) {
      const res = await client.post(`/besturen/${school.boardId}/bekostiging/reserveringen`, {
        schooljaar: '2021-2022',
        school: String(school.id),
        bedrag: '1,00',
        doel: 'Bovenschoolse taalklas',
        mrInstemming: date,
      });
      assert.equal(res.statusCode, 422, date);
      assert.match(res.body, /Vul een bestaande datum in waarop de MR/, date);
      assert.match(res.body, new RegExp(`value="${date}"`), 'the value typed is kept');
    }
    assert.equal((await reservationsOfBoard(db, school.boardId!, y.schoolYearId)).length, before);
  });

  test('two identical posts of one reservation form at the same moment create one reservation; both see its result', async () => {
    const db = ctx.database().db;
    const y = (await listFundingYears(db, 1)).find((x) => x.label === '2021-2022')!;
    const school = (await findSchoolByCode(db, '00AP00'))!;
    const { cookie } = await signInAs(ctx.database(), 'bestuur', school.boardId!);
    const client = new TestClient(ctx.app, cookie);
    const page = await client.get(`/besturen/${school.boardId}/bekostiging?schooljaar=2021-2022`);
    const key = /name="_sleutel" value="([\w-]+)"/.exec(page.body)?.[1];
    assert.ok(key, 'the form carries an idempotency key');
    const before = (await reservationsOfBoard(db, school.boardId!, y.schoolYearId)).length;
    const form = {
      _sleutel: key,
      schooljaar: '2021-2022',
      school: String(school.id),
      bedrag: '0,05',
      doel: 'Dubbel verstuurd formulier',
      mrInstemming: '2021-06-01',
    };
    const url = `/besturen/${school.boardId}/bekostiging/reserveringen`;
    const results = await Promise.all([
      client.post(url, form),
      client.post(url, form),
      client.post(url, form),
    ]);
    assert.deepEqual(
      results.map((r) => r.statusCode),
      [303, 303, 303],
    );
    assert.equal(new Set(results.map((r) => r.headers.location)).size, 1, 'all see the first result');
    const after = await reservationsOfBoard(db, school.boardId!, y.schoolYearId);
    assert.equal(after.length, before + 1);
    // Sent again later (the back button and "resend"): still one.
    assert.equal((await client.post(url, form)).statusCode, 303);
    assert.equal((await reservationsOfBoard(db, school.boardId!, y.schoolYearId)).length, before + 1);
    // A new form (a new key) creates a new reservation.
    const next = await client.get(`/besturen/${school.boardId}/bekostiging?schooljaar=2021-2022`);
    const key2 = /name="_sleutel" value="([\w-]+)"/.exec(next.body)![1]!;
    assert.notEqual(key2, key);
    assert.equal((await client.post(url, { ...form, _sleutel: key2 })).statusCode, 303);
    assert.equal((await reservationsOfBoard(db, school.boardId!, y.schoolYearId)).length, before + 2);
  });

  test('two reservations at the same moment cannot together take more than the school has', async () => {
    const db = ctx.database().db;
    const y = (await listFundingYears(db, 1)).find((x) => x.label === '2021-2022')!;
    const pick = await db
      .selectFrom('allocation as a')
      .innerJoin('organisation as o', 'o.id', 'a.school_id')
      .select('o.code')
      .where('a.run_id', '=', y.currentRunId!)
      .where('a.total_cents', '>', 0)
      .where('o.code', '=', '16AH00')
      .executeTakeFirstOrThrow();
    const school = (await findSchoolByCode(db, pick.code!))!;
    const [alloc] = await allocationsFor(db, [y.currentRunId!], [school.id]);
    assert.ok(alloc!.totalCents! > 0);
    const { cookie } = await signInAs(ctx.database(), 'bestuur', school.boardId!);
    const client = new TestClient(ctx.app, cookie);
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
    assert.equal((await reservedPerSchool(db, school.boardId!, y.schoolYearId)).get(school.id), share);
  });
}
