// Funding suite: an analist changes a rate; a job recomputes and the differences are shown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAs, TestClient } from '../../../../test/support/app.ts';
import { recomputeYear } from '../services/recompute.ts';
import { allocationsFor } from '../repository/allocations.ts';
import { listRates } from '../repository/rates.ts';
import { runDifferences } from '../repository/runs.ts';
import { findSchoolByCode } from '../repository/schools.ts';
import { findFundingYear, listFundingYears } from '../repository/years.ts';
import type { FundingSuite } from './shared.ts';

export function rateTests(ctx: FundingSuite) {
  test('an analist changes a definitive rate: it waits for a second analist, then a job recomputes every allocation, keeps the previous run and shows the differences', async () => {
    const db = ctx.database().db;
    const y = (await listFundingYears(db, 1)).find((x) => x.label === '2021-2022')!;
    const rate = (await listRates(db, [y.schoolYearId])).find((r) => r.code === 'BO')!;
    const { cookie } = await signInAs(ctx.database(), 'analist', ctx.fx.ministryId);
    const client = new TestClient(ctx.app, cookie);
    const bad = await client.post(`/beheer/bekostiging/tarieven/${rate.id}`, {
      bedrag: '-3',
      status: 'definitief',
      reden: 'Test',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /lager zijn dan nul/);
    assert.match(bad.body, /minstens 5 tekens/);
    // Step one shows what the change does and saves nothing.
    const preview = await client.get(
      `/beheer/bekostiging/tarieven/${rate.id}/gevolgen?bedrag=702,16&status=definitief&reden=${encodeURIComponent('Proef: één euro meer per leerling')}`,
    );
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /scholen krijgen een ander bedrag/);
    assert.match(preview.body, /Voorleggen aan een tweede analist/);
    assert.equal((await listRates(db, [y.schoolYearId])).find((r) => r.id === rate.id)!.amountCents, 70116);
    const proposed = await client.post(`/beheer/bekostiging/tarieven/${rate.id}`, {
      bedrag: '702,16',
      status: 'definitief',
      reden: 'Proef: één euro meer per leerling',
    });
    assert.equal(proposed.statusCode, 303);
    assert.match(proposed.headers.location as string, /opgeslagen=voorstel/);
    const proposal = await db
      .selectFrom('funding_rate_proposal')
      .selectAll()
      .where('rate_id', '=', rate.id)
      .executeTakeFirstOrThrow();
    // Not changed yet: a definitive amount needs four eyes.
    assert.equal((await listRates(db, [y.schoolYearId])).find((r) => r.id === rate.id)!.amountCents, 70116);
    const own = await client.post(`/beheer/bekostiging/voorstellen/${proposal.id}/goedkeuren`);
    assert.equal(own.statusCode, 403);
    assert.match(own.body, /eigen voorstel niet goedkeuren/);
    const refusal = await db
      .selectFrom('audit_event')
      .select('result')
      .where('action', '=', 'bekostiging.tarief.goedkeuring-geweigerd')
      .executeTakeFirst();
    assert.equal(refusal?.result, 'geweigerd');
    const second = new TestClient(
      ctx.app,
      (await signInAs(ctx.database(), 'analist', ctx.fx.ministryId)).cookie,
    );
    const ok = await second.post(`/beheer/bekostiging/voorstellen/${proposal.id}/goedkeuren`);
    assert.equal(ok.statusCode, 303);
    let now = y;
    for (let i = 0; i < 120 && now.currentRunId === y.currentRunId; i++) {
      await new Promise((r) => setTimeout(r, 250));
      now = (await findFundingYear(db, y.schoolYearId))!;
    }
    assert.notEqual(now.currentRunId, y.currentRunId, 'the job made a new run');
    assert.equal(now.previousRunId, y.currentRunId, 'the previous run is kept');
    const school = await findSchoolByCode(db, '00AP00');
    const [before, afterA] = await Promise.all([
      allocationsFor(db, [y.currentRunId!], [school!.id]),
      allocationsFor(db, [now.currentRunId!], [school!.id]),
    ]);
    assert.equal(afterA[0]!.totalCents! - before[0]!.totalCents!, 103 * 100);
    const diffs = await runDifferences(db, now.currentRunId!, now.previousRunId!);
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
    const board = await signInAs(ctx.database(), 'bestuur', ctx.fx.boardId);
    assert.equal((await new TestClient(ctx.app, board.cookie).get('/beheer/bekostiging')).statusCode, 403);
  });
}
