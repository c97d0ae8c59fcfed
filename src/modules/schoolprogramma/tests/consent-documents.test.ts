// The documents and signals around a version, on both engines: the tagged PDF with extractable
// text, the public summary (published on the school's public page, withdrawn, stale saves
// refused), the six-week reminder (sent once), and the dashboard lines of MR and school leader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consentSuite, submit } from './consent-kit.ts';
import { sendDecisionReminders } from '../services/reminders.ts';
import { consentDashboard } from '../services/dashboard-consent.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { consentDemo } from '../services/demo-consent.ts';
import { pdfText } from '../../../../test/support/pdf-text.ts';

consentSuite('schoolprogramma consent: documents, reminders, dashboard', (t) => {
  test('the PDF of a version is tagged, in Dutch, titled, and its text can be extracted', async () => {
    const s = await t.school();
    await submit(s.as.schoolleider, s.base);
    const res = await s.as.teamlid.get(`${s.base}/versies/1/pdf`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    const pdf = res.rawPayload;
    const raw = pdf.toString('latin1');
    assert.match(raw, /^%PDF-1\.7/);
    assert.match(raw, /\/Marked true/, 'Tagged: yes');
    assert.match(raw, /\/StructTreeRoot \d+ 0 R/);
    assert.match(raw, /\/Lang \(nl-NL\)/);
    assert.match(raw, /\/DisplayDocTitle true/);
    for (const tag of ['/S /H1', '/S /H2', '/S /Table', '/S /TH', '/S /TD'])
      assert.ok(raw.includes(tag) || raw.includes(tag.replace(' /', '/')), tag);
    const text = pdfText(pdf);
    assert.match(text, /Schoolprogramma Testschool A, versie 1/);
    assert.match(text, /Doelen/);
    assert.match(text, /Begroting/);
    assert.match(text, /Intern begeleider/);
    assert.match(text, /80\.000,00/, 'the total of the budget');
    // Another school's leader gets no PDF.
    assert.ok([403, 404].includes((await s.as.otherLeader.get(`${s.base}/versies/1/pdf`)).statusCode));
  });

  test('the public summary: saved, published on the public school page, withdrawn; stale saves refused', async () => {
    const s = await t.school();
    const code = (
      await t
        .database()
        .db.selectFrom('organisation')
        .select('code')
        .where('id', '=', s.fx.schoolId)
        .executeTakeFirstOrThrow()
    ).code!;
    const url = `${s.base}/samenvatting`;
    const page = await s.as.schoolleider.get(url);
    const revision = /name="revisie" value="(\d+)"/.exec(page.body)![1]!;
    const text = 'Wij geven extra leesles in groep 4 en 5.';
    let res = await s.as.schoolleider.post(url, {
      samenvatting: text,
      revisie: revision,
      actie: 'publiceren',
    });
    assert.equal(res.statusCode, 303);
    let pub = await t.app.inject({ method: 'GET', url: `/bedragen/scholen/${encodeURIComponent(code)}` });
    assert.equal(pub.statusCode, 200);
    assert.ok(pub.body.includes(text));
    // A save from a page opened before that save is refused; the text typed is kept.
    res = await s.as.schoolleider.post(url, {
      samenvatting: 'Oude tekst',
      revisie: revision,
      actie: 'opslaan',
    });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Iemand anders heeft de samenvatting opgeslagen/);
    assert.match(res.body, /Oude tekst/);
    assert.ok(res.body.includes(text));
    // Team members read it but cannot change it.
    const team = await s.as.teamlid.get(url);
    assert.ok(team.body.includes(text));
    assert.doesNotMatch(team.body, /name="samenvatting"/);
    assert.equal((await s.as.teamlid.post(`${url}/intrekken`, {})).statusCode, 403);
    // Withdrawn: gone from the public page.
    assert.equal((await s.as.schoolleider.get(`${url}/intrekken`)).statusCode, 200);
    assert.equal((await s.as.schoolleider.post(`${url}/intrekken`, {})).statusCode, 303);
    pub = await t.app.inject({ method: 'GET', url: `/bedragen/scholen/${encodeURIComponent(code)}` });
    assert.ok(!pub.body.includes(text));
    const tooLong = await s.as.schoolleider.post(url, {
      samenvatting: 'x'.repeat(2001),
      revisie: '99',
      actie: 'publiceren',
    });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /te lang/);
  });

  test('a version waiting more than six weeks gets one reminder to the MR and the school leader', async () => {
    const s = await t.school();
    await submit(s.as.schoolleider, s.base);
    const db = t.database().db;
    const mail = { mailer: t.app.platform.mailer, baseUrl: 'https://npo.example' };
    const countFor = async () =>
      (
        await Promise.all(
          (['mr', 'mr2', 'schoolleider', 'teamlid'] as const).map(
            async (w) => (await t.outbox(s.emails[w])).filter((m) => /Herinnering/.test(m.subject)).length,
          ),
        )
      ).join(',');
    await sendDecisionReminders(db, mail, new Date('2021-12-10T09:00:00Z'));
    assert.equal(await countFor(), '0,0,0,0', 'not yet: under six weeks');
    await sendDecisionReminders(db, mail, new Date('2021-12-14T09:00:00Z'));
    assert.equal(await countFor(), '1,1,1,0');
    const reminder = (await t.outbox(s.emails.mr)).find((m) => /Herinnering/.test(m.subject))!;
    assert.ok(reminder.text.includes(`https://npo.example${s.base}/versies/1/besluit`));
    await sendDecisionReminders(db, mail, new Date('2021-12-15T09:00:00Z'));
    await sendDecisionReminders(db, mail, new Date('2022-01-15T09:00:00Z'));
    assert.equal(await countFor(), '1,1,1,0', 'sent once');
  });

  test("the dashboard's consent part: the MR sees the version awaiting its decision, the leader its status", async () => {
    const s = await t.school();
    const input = (role: 'mr-lid' | 'schoolleider') => ({
      membership: {
        organisationId: s.fx.schoolId,
        organisationKind: 'school' as const,
        organisationName: 'Testschool A',
        parentId: s.fx.boardId,
        role,
      },
      principal: {} as Principal,
      db: t.database().db,
      now: t.clock,
    });
    assert.deepEqual(await consentDashboard(input('mr-lid')), []);
    await submit(s.as.schoolleider, s.base);
    const mr = await consentDashboard(input('mr-lid'));
    assert.equal(mr[0]?.label, 'Versie 1 wacht op uw besluit');
    assert.equal(mr[0]?.urgent, true);
    assert.equal(mr[0]?.href, `${s.base}/versies/1`);
    const leader = await consentDashboard(input('schoolleider'));
    assert.equal(leader[0]?.label, 'Versie 1 wacht op het besluit van de MR');
    await s.as.mr.post(`${s.base}/versies/1/besluit`, {
      besluit: 'instemming',
      redenen: '',
      vergaderdatum: '2021-11-01',
    });
    assert.deepEqual(await consentDashboard(input('mr-lid')), []);
    assert.equal(
      (await consentDashboard(input('schoolleider')))[0]?.label,
      'De MR heeft ingestemd met versie 1',
    );
  });

  test('the demo part: version 1 adopted, version 2 awaiting the decision with one comment; once', async () => {
    const s = await t.school();
    const db = t.database().db;
    const orgs = {
      ministryId: s.fx.ministryId,
      boardId: s.fx.boardId,
      schools: { bo: s.fx.schoolId, so: s.fx.otherSchoolId, vo: s.fx.otherSchoolId },
    };
    assert.equal((await consentDemo(db, orgs)).length, 1);
    assert.deepEqual(await consentDemo(db, orgs), [], 'a second run adds nothing');
    const list = await s.as.mr.get(`${s.base}/versies`);
    assert.match(list.body, /Versie 2 wacht op het besluit van de MR/);
    const v2 = await s.as.mr.get(`${s.base}/versies/2`);
    assert.match(v2.body, /Hoe wordt de extra inzet voor lezen betaald/);
    const diff = await s.as.mr.get(`${s.base}/versies/2/verschil`);
    assert.match(diff.body, /Aantal leerlingen/);
  });
});
