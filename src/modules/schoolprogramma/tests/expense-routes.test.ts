// Spending on both engines: booking by hand (bad input keeps the values and books nothing), a
// correction as a new row shown under the expense it corrects, another school's expense is a
// 404, and the bookkeeping import: all or nothing with a reason per line, the mapping step for
// other headers and unknown values, and the import recorded without the file.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  TestClient,
  type Fixtures,
} from '../../../../test/support/app.ts';
import { seedPlan, type SeededPlan } from './kit.ts';

eachEngine('schoolprogramma spending', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let plan: SeededPlan;
  let other: SeededPlan;
  let leader: TestClient;
  let codes: string[];

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
    plan = await seedPlan(database().db, fx.schoolId);
    other = await seedPlan(database().db, fx.otherSchoolId);
    leader = new TestClient(app, (await signInAs(database(), 'schoolleider', fx.schoolId)).cookie);
    codes = (
      await database()
        .db.selectFrom('menukaart_intervention')
        .select(['id', 'code'])
        .where('id', 'in', plan.interventionIds)
        .execute()
    )
      .sort((a, b) => plan.interventionIds.indexOf(a.id) - plan.interventionIds.indexOf(b.id))
      .map((r) => r.code);
  });

  const db = () => database().db;
  const base = () => `/scholen/${fx.schoolId}/schoolprogramma/uitgaven`;
  const expenses = () =>
    db()
      .selectFrom('school_plan_expense')
      .select([
        'id',
        'amount_cents',
        'description',
        'corrects_id',
        'import_id',
        'school_year_id',
        'cost_type',
      ])
      .where('plan_id', '=', plan.planId)
      .orderBy('id')
      .execute();
  const lastAudit = async (action: string) =>
    db()
      .selectFrom('audit_event')
      .select(['result', 'object_id', 'details'])
      .where('action', '=', action)
      .where('organisation_id', '=', fx.schoolId)
      .orderBy('id', 'desc')
      .executeTakeFirst();

  test('booking an expense: bad input keeps every value and books nothing; a good one is booked, audited and listed', async () => {
    const before = await expenses();
    const bad = await leader.post(`${base()}/nieuw`, {
      datum: '31-02-2022',
      bedrag: '-12,50',
      omschrijving: 'Leesboeken',
      interventie: String(other.planInterventionIds[0]),
      kostensoort: 'materialen-ict',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /De uitgave is niet geboekt/);
    assert.match(bad.body, /De datum bestaat niet/);
    assert.match(bad.body, /Een uitgave kan niet negatief zijn/);
    assert.match(bad.body, /Kies een interventie van het plan/);
    assert.match(bad.body, /value="31-02-2022"/);
    assert.match(bad.body, /value="-12,50"/);
    assert.match(bad.body, /value="Leesboeken"/);
    assert.deepEqual(await expenses(), before);
    assert.equal((await lastAudit('schoolprogramma.uitgave-geboekt'))?.result, 'mislukt');

    const ok = await leader.post(`${base()}/nieuw`, {
      datum: '15-03-2023',
      bedrag: '1.250,75',
      omschrijving: 'Leesboeken groep 4',
      interventie: String(plan.planInterventionIds[1]),
      kostensoort: 'materialen-ict',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `${base()}?geboekt=uitgave`);
    const added = (await expenses()).at(-1)!;
    assert.equal(Number(added.amount_cents), 125075);
    // 15 March 2023 lies in 2022-2023.
    assert.equal(added.school_year_id, plan.schoolYearIds[1]);
    const audit = await lastAudit('schoolprogramma.uitgave-geboekt');
    assert.equal(audit?.result, 'ok');
    assert.equal(audit?.object_id, String(added.id));
    const list = await leader.get(`${base()}?geboekt=uitgave&jaar=${plan.schoolYearIds[1]}`);
    assert.match(list.body, /De uitgave is geboekt/);
    assert.match(list.body, /Leesboeken groep 4/);
    assert.doesNotMatch(list.body, /Inhuur leesspecialist/);
  });

  test('a correction is a new row under the expense it corrects; the expense never changes', async () => {
    const url = `${base()}/${plan.expenseId}/correctie`;
    const form = await leader.get(url);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Inhuur leesspecialist, november/);
    const res = await leader.post(url, {
      datum: '20-11-2021',
      bedrag: '-250,00',
      omschrijving: 'Creditnota: een uur te veel',
      interventie: String(plan.planInterventionIds[0]),
      kostensoort: 'extern-personeel',
    });
    assert.equal(res.statusCode, 303);
    const rows = await expenses();
    const original = rows.find((r) => r.id === plan.expenseId)!;
    const correction = rows.at(-1)!;
    assert.equal(Number(original.amount_cents), 250000);
    assert.equal(correction.corrects_id, plan.expenseId);
    assert.equal(Number(correction.amount_cents), -25000);
    assert.equal((await lastAudit('schoolprogramma.correctie-geboekt'))?.result, 'ok');
    const list = await leader.get(base());
    const i = list.body.indexOf('Inhuur leesspecialist, november');
    const j = list.body.indexOf('Correctie op de uitgave hierboven');
    assert.ok(i > 0 && j > i, 'the correction follows the expense it corrects');
    assert.match(list.body.slice(j, j + 200), /Creditnota: een uur te veel/);
    // The database refuses to change an expense.
    await assert.rejects(
      db()
        .updateTable('school_plan_expense')
        .set({ description: 'anders' })
        .where('id', '=', plan.expenseId)
        .execute(),
    );
  });

  test("another school's expense is a 404; team members read the list but cannot book", async () => {
    const theirs = `${base()}/${other.expenseId}/correctie`;
    assert.equal((await leader.get(theirs)).statusCode, 404);
    const before = await db().selectFrom('school_plan_expense').select('id').execute();
    const res = await leader.post(theirs, {
      datum: '20-11-2021',
      bedrag: '-1',
      omschrijving: 'x',
      interventie: String(other.planInterventionIds[0]),
      kostensoort: 'overig',
    });
    assert.equal(res.statusCode, 404);
    assert.equal((await db().selectFrom('school_plan_expense').select('id').execute()).length, before.length);
    const team = new TestClient(app, (await signInAs(database(), 'teamlid', fx.schoolId)).cookie);
    const list = await team.get(base());
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /Corrigeren/);
    assert.equal((await team.get(`${base()}/nieuw`)).statusCode, 403);
    const beheerder = new TestClient(app, (await signInAs(database(), 'beheerder', fx.ministryId)).cookie);
    assert.equal((await beheerder.get(base())).statusCode, 403);
  });

  test('an import with one wrong line books nothing and names every wrong line with its reason', async () => {
    const before = await expenses();
    const res = await leader.post(`${base()}/importeren`, {
      regels: [
        'datum;bedrag;omschrijving;interventie;kostensoort',
        `01-12-2021;1.500,00;Inhuur december;${codes[0]};extern personeel`,
        `02-12-2021;veel;Boeken;${codes[0]};materialen`,
        `03-12-2030;10,00;Pennen;${codes[1]};overig`,
      ].join('\n'),
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /2 regels kloppen niet\. Er is niets geboekt/);
    assert.match(
      res.body,
      /<td class="utrecht-table__cell utrecht-table__cell--numeric-data npo-numeric">3<\/td><td class="utrecht-table__cell">Het bedrag is geen bedrag/,
    );
    assert.match(res.body, />4<\/td><td class="utrecht-table__cell">De datum ligt in de toekomst/);
    assert.deepEqual(await expenses(), before);
    assert.equal((await lastAudit('schoolprogramma.uitgaven-geimporteerd'))?.result, 'mislukt');
  });

  test('other headers and unknown values go through the mapping step; then all lines are booked at once', async () => {
    const file = [
      'Boekdatum,Euro,Tekst,Project,Soort',
      `05-01-2022,"2.000,00",Leescoach januari,Leesproject,Inhuur`,
      `06-01-2022,150,Werkboeken,Leesproject,Kantoor`,
    ].join('\r\n');
    // Uploaded as a file (multipart), in Windows-1252.
    const boundary = '----toets';
    const csrf = leader.csrfToken();
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="boekhouding jan.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(file, 'latin1'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const step1 = await app.inject({
      method: 'POST',
      url: `${base()}/importeren`,
      payload: body,
      headers: { cookie: leader.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    assert.equal(step1.statusCode, 200);
    assert.match(step1.body, /Koppelen: boekhouding jan\.csv/);
    // Columns not recognised stay to be chosen; the hidden field carries the file.
    assert.match(step1.body, /name="kolom-datum"/);
    const content64 = /name="bestand64" value="([^"]+)"/.exec(step1.body)![1]!;
    const mapping = {
      stap: 'koppelen',
      bestandsnaam: 'boekhouding jan.csv',
      bestand64: content64,
      'kolom-datum': '0',
      'kolom-bedrag': '1',
      'kolom-omschrijving': '2',
      'kolom-interventie': '3',
      'kolom-kostensoort': '4',
    };
    const step2 = await leader.post(`${base()}/importeren`, mapping);
    assert.equal(step2.statusCode, 422);
    assert.match(step2.body, /Kies voor elke onbekende interventie en kostensoort/);
    assert.match(step2.body, /name="iv-leesproject"/);
    assert.match(step2.body, /name="ks-kantoor"/);
    const before = await expenses();
    // Refusing a value refuses its lines, and so the whole file.
    const refused = await leader.post(`${base()}/importeren`, {
      ...mapping,
      'iv-leesproject': String(plan.planInterventionIds[0]),
      'ks-kantoor': 'weigeren',
    });
    assert.equal(refused.statusCode, 422);
    assert.match(
      refused.body,
      /De kostensoort &quot;Kantoor&quot; is bij het koppelen geweigerd|De kostensoort "Kantoor" is bij het koppelen geweigerd/,
    );
    assert.deepEqual(await expenses(), before);
    const done = await leader.post(`${base()}/importeren`, {
      ...mapping,
      'iv-leesproject': String(plan.planInterventionIds[0]),
      'ks-kantoor': 'materialen-ict',
    });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `${base()}?geboekt=import`);
    const added = (await expenses()).slice(before.length);
    assert.deepEqual(
      added.map((x) => [Number(x.amount_cents), x.cost_type]),
      [
        [200000, 'extern-personeel'],
        [15000, 'materialen-ict'],
      ],
    );
    const imp = await db()
      .selectFrom('school_plan_expense_import')
      .selectAll()
      .where('id', '=', added[0]!.import_id!)
      .executeTakeFirstOrThrow();
    assert.equal(imp.file_name, 'boekhouding jan.csv');
    assert.equal(imp.rows, 2);
    assert.equal(Number(imp.total_cents), 215000);
    const audit = await lastAudit('schoolprogramma.uitgaven-geimporteerd');
    assert.equal(audit?.result, 'ok');
    assert.equal(audit?.object_id, String(imp.id));
    const page = await leader.get(`${base()}/importeren`);
    assert.match(page.body, /boekhouding jan\.csv/);
  });

  test("a mapping to another school's intervention is not accepted", async () => {
    const text = 'datum;bedrag;omschrijving;interventie;kostensoort\n01-12-2021;10;x;Onbekend;overig\n';
    const before = await expenses();
    const res = await leader.post(`${base()}/importeren`, {
      stap: 'koppelen',
      bestandsnaam: 'a.csv',
      bestand64: Buffer.from(text).toString('base64'),
      'kolom-datum': '0',
      'kolom-bedrag': '1',
      'kolom-omschrijving': '2',
      'kolom-interventie': '3',
      'kolom-kostensoort': '4',
      'iv-onbekend': String(other.planInterventionIds[0]),
    });
    assert.equal(res.statusCode, 422);
    assert.deepEqual(await expenses(), before);
  });

  test('the spending list and import page of a school without a plan send the reader to the plan home, which says to start the plan first', async () => {
    const fresh = await createFixtures(database());
    const reader = new TestClient(app, (await signInAs(database(), 'schoolleider', fresh.schoolId)).cookie);
    const res = await reader.get(`/scholen/${fresh.schoolId}/schoolprogramma/uitgaven`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/scholen/${fresh.schoolId}/schoolprogramma?gedaan=eerst-plan`);
    const home = await reader.get(String(res.headers.location));
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /Start eerst het schoolprogramma/);
    assert.match(home.body, /Schoolprogramma starten/);
    const upload = await reader.get(`/scholen/${fresh.schoolId}/schoolprogramma/uitgaven/importeren`);
    assert.equal(upload.headers.location, res.headers.location, 'the import page too');
    // Writes still need a plan: nothing to book on.
    const write = await reader.post(`/scholen/${fresh.schoolId}/schoolprogramma/uitgaven/nieuw`, {});
    assert.equal(write.statusCode, 404);
  });
});
