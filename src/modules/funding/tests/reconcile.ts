// Funding suite: with the shipped open data, the national 2021-22 total, split into exact and
// estimated money, on the analist's reconciliation page next to the published envelope.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAs, TestClient } from '../../../../test/support/app.ts';
import { reconcileRows } from '../repository/reconcile.ts';
import { loadEnvelopes, rowsOf, shares } from '../services/envelopes.ts';
import type { FundingSuite } from './shared.ts';

export function reconcileTests(ctx: FundingSuite) {
  test('2021-22 with the shipped open data: about € 1,96 bn, base exact, the supplement estimated, reconciled with the envelopes', async () => {
    const db = ctx.database().db;
    const rows = await reconcileRows(db, 1);
    const y2021 = rows.filter((r) => r.label === '2021-2022');
    const total = shares(y2021);
    assert.ok(
      total.computedCents > 190_000_000_000 && total.computedCents < 200_000_000_000,
      `2021-22 total ${total.computedCents}`,
    );
    // PO pupils are counted on 1 October 2020 itself; the shipped VO split is of 2019 (estimated).
    const poBase = shares(y2021.filter((r) => r.part === 'basis' && r.sector !== 'VO'));
    assert.ok(poBase.exactShare > 0.99, `PO base exact share ${poBase.exactShare}`);
    const voBase = y2021.find((r) => r.sector === 'VO' && r.part === 'basis')!;
    assert.ok(voBase.estimatedCents > 0, 'the VO base from the 2019 split is estimated');
    const bo = y2021.find((r) => r.sector === 'BO' && r.part === 'toeslag')!;
    assert.ok(
      bo.estimatedCents > 0 && bo.exactCents === 0,
      'the PO supplement from the 2019 score is estimated',
    );
    const vo2022 = rows.filter((r) => r.label === '2022-2023' && r.sector === 'VO');
    assert.ok(vo2022.length > 0, 'VO appears in 2022-23');
    const supplementEnvelope = loadEnvelopes().find((e) => e.code === 'ACHTERSTAND_2021_2022')!;
    const s = shares(rowsOf(supplementEnvelope, rows), supplementEnvelope.amountCents);
    assert.ok(s.computedCents > 0);
    // Printed for the operator's notes (the figures quoted in docs/funding.md).
    process.stdout.write(
      `# 2021-22: total ${total.computedCents}, exact ${total.exactCents}, estimated ${total.estimatedCents}; supplement ${s.computedCents} of ${supplementEnvelope.amountCents}\n`,
    );

    const { cookie } = await signInAs(ctx.database(), 'analist', ctx.fx.ministryId);
    const page = await new TestClient(ctx.app, cookie).get('/beheer/bekostiging/aansluiting');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Aansluiting met de gepubliceerde bedragen/);
    assert.match(page.body, /€\s?3\.800\.000\.000,00/);
    assert.match(page.body, /Schooljaar 2021-2022/);
    assert.match(page.body, /waarvan €\s?[\d.]+,\d\d exact \(\d+,\d %\)/);
    const board = await signInAs(ctx.database(), 'bestuur', ctx.fx.boardId);
    assert.equal(
      (await new TestClient(ctx.app, board.cookie).get('/beheer/bekostiging/aansluiting')).statusCode,
      403,
    );
  });
}
