// Submitting versions over HTTP on both engines: a version is frozen (the draft changing later
// never changes it), numbered, mailed to every MR member, audited; the rules refuse a plan
// without interventions, a second version while one awaits a decision, and a draft that changed
// after the page was opened; another school's leader gets nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consentSuite, fingerprintIn, submit } from './consent-kit.ts';
import { submitAuditAction } from '../routes/consent-submit.tsx';

consentSuite('schoolprogramma consent: submitting', (t) => {
  test('a submitted version is frozen: changing the draft never changes it', async () => {
    const s = await t.school();
    const db = t.database().db;
    const res = await submit(s.as.schoolleider, s.base);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${s.base}/versies/1?ingediend=1`);
    const before = await s.as.mr.get(`${s.base}/versies/1`);
    assert.equal(before.statusCode, 200);
    assert.match(before.body, /Technisch lezen groep 4 en 5 op niveau/);

    // The school leader rewrites a goal, removes an intervention and changes the budget.
    await db
      .updateTable('school_plan_goal')
      .set({ what: 'Begrijpend lezen voor iedereen' })
      .where('id', '=', s.plan.goalIds[0]!)
      .execute();
    await db
      .deleteFrom('school_plan_intervention')
      .where('id', '=', s.plan.planInterventionIds[1]!)
      .execute();
    await db
      .updateTable('school_plan_budget')
      .set({ planned_cents: 99_900 })
      .where('plan_intervention_id', '=', s.plan.planInterventionIds[0]!)
      .execute();

    const after = await s.as.mr.get(`${s.base}/versies/1`);
    assert.match(after.body, /Technisch lezen groep 4 en 5 op niveau/);
    assert.doesNotMatch(after.body, /Begrijpend lezen voor iedereen/);
    const stored = await db
      .selectFrom('school_plan_version')
      .select('snapshot')
      .where('plan_id', '=', s.plan.planId)
      .executeTakeFirstOrThrow();
    const snap = stored.snapshot as { interventions: unknown[]; totalPlannedCents: number };
    assert.equal(snap.interventions.length, 2);
    assert.equal(snap.totalPlannedCents, 8_000_000);
    // And the database refuses to change it at all.
    await assert.rejects(
      db
        .updateTable('school_plan_version')
        .set({ note: 'anders' })
        .where('plan_id', '=', s.plan.planId)
        .execute(),
    );
  });

  test('there is no way to edit a frozen version over HTTP', async () => {
    const s = await t.school();
    await submit(s.as.schoolleider, s.base);
    const writes = t.app.platform.routes.filter(
      (r) => r.method !== 'GET' && r.url.includes('/schoolprogramma/versies/:number'),
    );
    assert.deepEqual(writes.map((r) => r.url).sort(), [
      '/scholen/:schoolId/schoolprogramma/versies/:number/besluit',
      '/scholen/:schoolId/schoolprogramma/versies/:number/reacties',
    ]);
    const res = await s.as.schoolleider.post(`${s.base}/versies/1`, { snapshot: '{}' });
    assert.equal(res.statusCode, 404);
  });

  test('every MR member gets a mail with a link to the version; others do not', async () => {
    const s = await t.school();
    await submit(s.as.schoolleider, s.base, 'Nieuw: extra inzet voor groep 6.');
    for (const who of ['mr', 'mr2'] as const) {
      const mails = await t.outbox(s.emails[who]);
      assert.equal(mails.length, 1, who);
      assert.match(mails[0]!.subject, /versie 1 wacht op het besluit van de MR/);
      assert.ok(mails[0]!.text.includes(`${s.base}/versies/1`));
      assert.match(mails[0]!.text, /extra inzet voor groep 6/);
    }
    assert.equal((await t.outbox(s.emails.teamlid)).length, 0);
    assert.equal((await t.outbox(s.emails.schoolleider)).length, 0);
    const rows = await t.auditRows(submitAuditAction, s.fx.schoolId);
    assert.deepEqual(
      rows.map((r) => r.result),
      ['ok'],
    );
  });

  test('no new version while the latest awaits a decision; numbers follow 1, 2', async () => {
    const s = await t.school();
    assert.equal((await submit(s.as.schoolleider, s.base)).statusCode, 303);
    const page = await s.as.schoolleider.get(`${s.base}/indienen`);
    assert.match(page.body, /Versie 1 wacht nog op het besluit van de MR/);
    assert.doesNotMatch(page.body, /name="inhoud"/);
    const res = await s.as.schoolleider.post(`${s.base}/indienen`, { toelichting: '', inhoud: 'x' });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Versie 1 wacht nog op het besluit van de MR/);
    const count = await t
      .database()
      .db.selectFrom('school_plan_version')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('plan_id', '=', s.plan.planId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1);
    assert.ok((await t.auditRows(submitAuditAction, s.fx.schoolId)).some((r) => r.result === 'mislukt'));
  });

  test('a plan without interventions cannot be submitted', async () => {
    const s = await t.school();
    await t
      .database()
      .db.deleteFrom('school_plan_intervention')
      .where('plan_id', '=', s.plan.planId)
      .execute();
    const page = await s.as.schoolleider.get(`${s.base}/indienen`);
    assert.match(page.body, /nog geen interventies/);
    const res = await s.as.schoolleider.post(`${s.base}/indienen`, { toelichting: '', inhoud: 'x' });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /nog geen interventies/);
  });

  test('a draft that changed after the page was opened is not submitted; the note is kept', async () => {
    const s = await t.school();
    const page = await s.as.schoolleider.get(`${s.base}/indienen`);
    await t
      .database()
      .db.updateTable('school_plan')
      .set({ intro: 'Een nieuwe inleiding' })
      .where('id', '=', s.plan.planId)
      .execute();
    const res = await s.as.schoolleider.post(`${s.base}/indienen`, {
      toelichting: 'Mijn toelichting',
      inhoud: fingerprintIn(page.body),
    });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Het concept is gewijzigd nadat u deze pagina opende/);
    assert.match(res.body, /Mijn toelichting/);
    assert.match(res.body, /Een nieuwe inleiding/);
    assert.notEqual(fingerprintIn(res.body), fingerprintIn(page.body));
    assert.equal((await t.outbox(s.emails.mr)).length, 0);
  });

  test('only the school leader submits; other tenants get nothing', async () => {
    const s = await t.school();
    for (const who of ['mr', 'teamlid', 'bestuur', 'otherLeader'] as const) {
      const res = await s.as[who].post(`${s.base}/indienen`, { toelichting: '', inhoud: 'x' });
      assert.equal(res.statusCode, 403, who);
    }
    await submit(s.as.schoolleider, s.base);
    for (const path of ['/versies', '/versies/1', '/versies/1/verschil', '/versies/1/pdf', '/samenvatting']) {
      const res = await s.as.otherLeader.get(`${s.base}${path}`);
      assert.ok([403, 404].includes(res.statusCode), `${path}: ${res.statusCode}`);
    }
    // The other school's own plan has no version 1: its leader finds nothing there either.
    const own = await s.as.otherLeader.get(`/scholen/${s.fx.otherSchoolId}/schoolprogramma/versies/1`);
    assert.equal(own.statusCode, 404);
  });
});
