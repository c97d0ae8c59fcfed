// Answering a questionnaire on both engines: the school leader opens it with prefilled answers,
// saves per section (audited), gets Dutch messages that keep what was typed, sees a conditional
// question appear, meets a colleague's save (409), submits and resubmits (numbered, monitoring
// rows replaced, receipt mail and PDF), and after the close date can only read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerSuite, inWindow, type AnswerKit } from './answer-kit.ts';

const sectionUrl = (t: AnswerKit, key: string) => `${t.schoolBase}/onderdelen/${key}`;
const revisionOf = async (t: AnswerKit, orgId: number, questionnaireId: number) =>
  (
    await t
      .database()
      .db.selectFrom('questionnaire_response')
      .select('revision')
      .where('organisation_id', '=', orgId)
      .where('questionnaire_id', '=', questionnaireId)
      .executeTakeFirst()
  )?.revision ?? 0;

const firstSection = {
  'v-schoolscan-gedaan': 'ja',
  'v-bronnen': ['lvs', 'team'],
  'v-aandachtsgebieden': 'cognitief',
};
const secondSection = {
  'v-interventies': 'A1',
  'v-mr-instemming': 'ja',
  'v-team-betrokken': 'geraadpleegd',
  'v-besteding-A': '1.234,56',
  'v-besteding-totaal': '1.234,56',
  'v-toelichting': 'Het team koos samen.',
};

answerSuite('verantwoording: answering', (t) => {
  test('the list and the overview show the open questionnaire; the first section shows the platform’s prefill', async () => {
    const { client } = await t.as('schoolleider', t.fx.schoolId);
    const list = await client.get(`/scholen/${t.fx.schoolId}/verantwoording`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Vragenlijst voor schoolleiders \(test\)/);
    assert.match(list.body, /Nog niet begonnen/);
    const overview = await client.get(t.schoolBase);
    assert.equal(overview.statusCode, 200);
    assert.match(overview.body, /De schoolscan/);
    const section = await client.get(sectionUrl(t, 'schoolscan'));
    assert.equal(section.statusCode, 200);
    // No completed scan: the platform says "nee", marked and changeable.
    assert.match(section.body, /value="nee" checked/);
    assert.match(section.body, /Ingevuld vanuit het platform/);
  });

  test('a completed scan with a focus point prefills "ja" and its domain', async () => {
    const db = t.database().db;
    const scan = await db
      .insertInto('schoolscan')
      .values({
        school_id: t.fx.otherSchoolId,
        school_year_id: t.school.schoolYearId,
        status: 'afgerond',
        completed_at: new Date(),
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('schoolscan_focus_point')
      .values({
        scan_id: scan.id,
        domain: 'welbevinden',
        grades: [5],
        pupils: 20,
        severity: 'zorg',
        evidence: 'Uit de vragenlijst voor leerlingen.',
        evidence_links: '[]',
        goal: 'Leerlingen voelen zich weer veilig.',
        position: 1,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
    const { client } = await t.as('schoolleider', t.fx.otherSchoolId);
    const page = await client.get(
      `/scholen/${t.fx.otherSchoolId}/verantwoording/${t.school.id}/onderdelen/schoolscan`,
    );
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /value="ja" checked/);
    assert.match(page.body, /value="welbevinden" checked/);
  });

  test('saving as complete with a required question open is refused in Dutch, keeps the input and is audited', async () => {
    const { client } = await t.as('schoolleider', t.fx.schoolId);
    const res = await client.post(sectionUrl(t, 'programma'), {
      'v-toelichting': 'Mijn getypte tekst',
      'v-besteding-A': '100',
      'v-besteding-totaal': '250',
      revisie: '0',
      actie: 'klaar',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Fout: /);
    assert.match(res.body, /Mijn getypte tekst/);
    assert.match(res.body, /tellen op tot/);
    assert.match(res.body, /Deze vraag is verplicht/);
    assert.equal(await revisionOf(t, t.fx.schoolId, t.school.id), 0, 'nothing saved');
    const rows = await t.auditRows('verantwoording.onderdeel-opgeslagen', t.fx.schoolId);
    assert.equal(rows.at(-1)!.result, 'mislukt');
  });

  test('a section saves (audited) and moves on; a question that appears through the answer is shown first', async () => {
    const { client } = await t.as('schoolleider', t.fx.schoolId);
    const draft = await client.post(sectionUrl(t, 'schoolscan'), {
      'v-schoolscan-gedaan': 'nee',
      'v-aandachtsgebieden': 'cognitief',
      revisie: '0',
      actie: 'klaar',
    });
    assert.equal(draft.statusCode, 303);
    assert.equal(draft.headers.location, sectionUrl(t, 'programma'));
    const appears = await client.post(sectionUrl(t, 'schoolscan'), {
      'v-schoolscan-gedaan': 'ja',
      'v-aandachtsgebieden': 'cognitief',
      revisie: String(await revisionOf(t, t.fx.schoolId, t.school.id)),
      actie: 'klaar',
    });
    assert.equal(appears.statusCode, 303);
    assert.equal(appears.headers.location, `${sectionUrl(t, 'schoolscan')}?melding=erbij`);
    const page = await client.get(appears.headers.location as string);
    assert.match(page.body, /Welke bronnen gebruikte de school\?/);
    assert.doesNotMatch(page.body, /id="vraag-bronnen"[^>]*hidden/);
    const done = await client.post(sectionUrl(t, 'schoolscan'), {
      ...firstSection,
      revisie: String(await revisionOf(t, t.fx.schoolId, t.school.id)),
      actie: 'klaar',
    });
    assert.equal(done.statusCode, 303);
    const saved = await t
      .database()
      .db.selectFrom('questionnaire_response')
      .select(['answers', 'sections_saved'])
      .where('organisation_id', '=', t.fx.schoolId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(saved.answers.bronnen, ['lvs', 'team']);
    assert.deepEqual(saved.sections_saved, ['schoolscan']);
    const ok = (await t.auditRows('verantwoording.onderdeel-opgeslagen', t.fx.schoolId)).filter(
      (r) => r.result === 'ok',
    );
    assert.equal(ok.length, 3);
  });

  test('two people at once: the later save is a 409 that keeps the typed input and shows what the other saved', async () => {
    const { client } = await t.as('schoolleider', t.fx.schoolId);
    const stale = String((await revisionOf(t, t.fx.schoolId, t.school.id)) - 1);
    const res = await client.post(sectionUrl(t, 'schoolscan'), {
      'v-schoolscan-gedaan': 'ja',
      'v-bronnen': 'leerlingen',
      'v-aandachtsgebieden': 'welbevinden',
      revisie: stale,
      actie: 'klaar',
    });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Iemand anders heeft dit onderdeel opgeslagen/);
    assert.match(res.body, /value="welbevinden" checked/, 'own input kept');
    assert.match(res.body, /Gesprekken met het team/, 'their answer shown');
    const saved = await t
      .database()
      .db.selectFrom('questionnaire_response')
      .select('answers')
      .where('organisation_id', '=', t.fx.schoolId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(saved.answers.aandachtsgebieden, ['cognitief'], 'nothing overwritten');
  });

  test('submitting with a required question open is refused; a complete submit is numbered, spread over monitoring rows, mailed and audited', async () => {
    const leader = await t.as('schoolleider', t.fx.schoolId);
    const client = leader.client;
    const early = await client.post(`${t.schoolBase}/indienen`, {
      revisie: String(await revisionOf(t, t.fx.schoolId, t.school.id)),
    });
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /Beantwoord eerst deze verplichte vragen/);
    const second = await client.post(sectionUrl(t, 'programma'), {
      ...secondSection,
      revisie: String(await revisionOf(t, t.fx.schoolId, t.school.id)),
      actie: 'klaar',
    });
    assert.equal(second.statusCode, 303);
    assert.equal(second.headers.location, `${t.schoolBase}/controleren`);
    const check = await client.get(`${t.schoolBase}/controleren`);
    assert.match(check.body, /Het team is geraadpleegd/);
    assert.match(check.body, /Categorie A: €\s1\.234,56/);
    assert.match(check.body, /onderdelen\/programma#vraag-team-betrokken/);
    const res = await client.post(`${t.schoolBase}/indienen`, {
      revisie: String(await revisionOf(t, t.fx.schoolId, t.school.id)),
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${t.schoolBase}?gedaan=ingediend`);
    const db = t.database().db;
    const subs = await db
      .selectFrom('questionnaire_submission')
      .selectAll()
      .where('organisation_id', '=', t.fx.schoolId)
      .execute();
    assert.deepEqual(
      subs.map((s) => s.number),
      [1],
    );
    const rows = await db
      .selectFrom('questionnaire_answer')
      .select(['question_key', 'item', 'submission_id'])
      .where('organisation_id', '=', t.fx.schoolId)
      .orderBy('question_key')
      .orderBy('item')
      .execute();
    assert.ok(rows.every((r) => r.submission_id === subs[0]!.id));
    assert.deepEqual(
      rows.map((r) => `${r.question_key}/${r.item}`),
      [
        'aandachtsgebieden/cognitief',
        'besteding/A',
        'bronnen/lvs',
        'bronnen/team',
        'interventies/A1',
        'mr-instemming/',
        'schoolscan-gedaan/',
        'team-betrokken/',
        'toelichting/',
      ],
    );
    const mails = await t.outbox(leader.email);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, /Ontvangstbevestiging/);
    assert.ok(mails[0]!.text.includes(t.schoolBase));
    const audits = await t.auditRows('verantwoording.ingediend', t.fx.schoolId);
    assert.deepEqual(
      audits.map((a) => a.result),
      ['mislukt', 'ok'],
    );
    const overview = await client.get(res.headers.location as string);
    assert.match(overview.body, /Uw antwoorden zijn ingediend/);
    assert.match(overview.body, /inzendingen\/1\.pdf/);
  });

  test('reopen and resubmit: a second numbered submission, the first kept, the monitoring rows replaced', async () => {
    const { client } = await t.as('schoolleider', t.fx.schoolId);
    const changed = await client.post(sectionUrl(t, 'schoolscan'), {
      'v-schoolscan-gedaan': 'nee',
      'v-aandachtsgebieden': 'welbevinden',
      revisie: String(await revisionOf(t, t.fx.schoolId, t.school.id)),
      actie: 'klaar',
    });
    assert.equal(changed.statusCode, 303);
    const res = await client.post(`${t.schoolBase}/indienen`, {
      revisie: String(await revisionOf(t, t.fx.schoolId, t.school.id)),
    });
    assert.equal(res.statusCode, 303);
    const db = t.database().db;
    const subs = await db
      .selectFrom('questionnaire_submission')
      .select(['id', 'number', 'answers'])
      .where('organisation_id', '=', t.fx.schoolId)
      .orderBy('number')
      .execute();
    assert.deepEqual(
      subs.map((s) => s.number),
      [1, 2],
    );
    assert.deepEqual(subs[0]!.answers.bronnen, ['lvs', 'team'], 'the first submission is kept as it was');
    assert.equal(subs[1]!.answers.bronnen, undefined);
    const rows = await db
      .selectFrom('questionnaire_answer')
      .select(['question_key', 'submission_id'])
      .where('organisation_id', '=', t.fx.schoolId)
      .execute();
    assert.ok(rows.every((r) => r.submission_id === subs[1]!.id));
    assert.ok(!rows.some((r) => r.question_key === 'bronnen'));
  });

  test('a submission is never changed: the database refuses an update', async () => {
    await assert.rejects(
      t
        .database()
        .db.updateTable('questionnaire_submission')
        .set({ number: 9 })
        .where('organisation_id', '=', t.fx.schoolId)
        .execute(),
      /nooit gewijzigd/,
    );
  });

  test('the receipt is a tagged PDF for the school leader and the school’s board, not for another school', async () => {
    const { client } = await t.as('schoolleider', t.fx.schoolId);
    const pdf = await client.get(`${t.schoolBase}/inzendingen/1.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.match(pdf.rawPayload.toString('latin1'), /\/MarkInfo/);
    const board = await t.as('bestuur', t.fx.boardId);
    assert.equal((await board.client.get(`${t.schoolBase}/inzendingen/2.pdf`)).statusCode, 200);
    assert.equal((await client.get(`${t.schoolBase}/inzendingen/3.pdf`)).statusCode, 404);
    const other = await t.as('schoolleider', t.fx.otherSchoolId);
    assert.equal((await other.client.get(`${t.schoolBase}/inzendingen/1.pdf`)).statusCode, 403);
    // Another school's submission under one's own school path is not found.
    assert.equal(
      (
        await other.client.get(
          `/scholen/${t.fx.otherSchoolId}/verantwoording/${t.school.id}/inzendingen/1.pdf`,
        )
      ).statusCode,
      404,
    );
  });

  test('only the school leader answers: team member, MR member, board and analist get no answering page', async () => {
    for (const [role, org] of [
      ['teamlid', t.fx.schoolId],
      ['mr-lid', t.fx.schoolId],
      ['bestuur', t.fx.boardId],
      ['analist', t.fx.ministryId],
    ] as const) {
      const { client } = await t.as(role, org);
      assert.equal((await client.get(sectionUrl(t, 'schoolscan'))).statusCode, 403, role);
      assert.equal((await client.get(`${t.schoolBase}/controleren`)).statusCode, 403, role);
    }
    const analist = await t.as('analist', t.fx.ministryId);
    assert.equal((await analist.client.get(`${t.schoolBase}/inzendingen/1.pdf`)).statusCode, 403);
  });

  test('a concept questionnaire, another audience’s questionnaire or an unknown section is not found', async () => {
    const { client } = await t.as('schoolleider', t.fx.schoolId);
    assert.equal(
      (await client.get(`/scholen/${t.fx.schoolId}/verantwoording/${t.board.id}`)).statusCode,
      404,
    );
    assert.equal((await client.get(`${t.schoolBase}/onderdelen/bestaat-niet`)).statusCode, 404);
  });

  test('after the close date the answers are read-only with a clear message; a save or submit changes nothing', async () => {
    const { client } = await t.as('schoolleider', t.fx.schoolId);
    const revision = await revisionOf(t, t.fx.schoolId, t.school.id);
    t.clock = new Date('2021-09-18T09:00:00Z');
    try {
      const page = await client.get(sectionUrl(t, 'schoolscan'));
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /gesloten sinds/);
      assert.doesNotMatch(page.body, /<form method="post" action="[^"]*onderdelen/);
      const save = await client.post(sectionUrl(t, 'schoolscan'), {
        ...firstSection,
        revisie: String(revision),
        actie: 'klaar',
      });
      assert.equal(save.statusCode, 303);
      assert.equal(await revisionOf(t, t.fx.schoolId, t.school.id), revision);
      const submit = await client.post(`${t.schoolBase}/indienen`, { revisie: String(revision) });
      assert.equal(submit.statusCode, 400);
      assert.match(submit.body, /De vragenlijst is gesloten/);
      const rows = await t.auditRows('verantwoording.onderdeel-opgeslagen', t.fx.schoolId);
      assert.equal(rows.at(-1)!.result, 'mislukt');
    } finally {
      t.clock = inWindow;
    }
  });

  test('the board answers its own questionnaire under /besturen and submits it', async () => {
    const { client } = await t.as('bestuur', t.fx.boardId);
    const answers = { ...firstSection, revisie: '0', actie: 'klaar' };
    assert.equal((await client.post(`${t.boardBase}/onderdelen/schoolscan`, answers)).statusCode, 303);
    const rev = await revisionOf(t, t.fx.boardId, t.board.id);
    assert.equal(
      (
        await client.post(`${t.boardBase}/onderdelen/programma`, {
          ...secondSection,
          revisie: String(rev),
          actie: 'klaar',
        })
      ).statusCode,
      303,
    );
    const res = await client.post(`${t.boardBase}/indienen`, { revisie: String(rev + 1) });
    assert.equal(res.statusCode, 303);
    const other = await t.as('bestuur', t.fx.otherBoardId);
    assert.equal((await other.client.get(t.boardBase)).statusCode, 403);
    const leader = await t.as('schoolleider', t.fx.schoolId);
    assert.equal((await leader.client.get(t.boardBase)).statusCode, 403);
  });
});
