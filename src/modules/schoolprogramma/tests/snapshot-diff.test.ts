// Unit tests of the consent rules without a database: the snapshot's shape and content key, the
// word diff and the diff per section, the plan's state in words, decisions, comments, reminders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentKey, parseSnapshot, totalsOf, type PlanSnapshot } from '../services/snapshot.ts';
import { diffSnapshots } from '../services/diff.ts';
import { wordDiff } from '../../../platform/text/word-diff.ts';
import { checkComment, checkDecision, consentSentence, parseDay, reminderDue } from '../services/consent.ts';

function snapshot(): PlanSnapshot {
  const budget = [
    {
      planInterventionId: 10,
      schoolYearId: 1,
      costType: 'eigen-personeel' as const,
      plannedCents: 150_000,
      committedCents: 0,
    },
    {
      planInterventionId: 10,
      schoolYearId: 2,
      costType: 'extern-personeel' as const,
      plannedCents: 50_000,
      committedCents: 0,
    },
  ];
  return {
    schema: 1,
    takenAt: '2021-11-01T09:00:00.000Z',
    school: { id: 1, name: 'De Regenboog' },
    programme: { id: 1, name: 'Nationaal Programma Onderwijs' },
    intro: 'Na de schoolscan kiezen wij voor lezen.',
    goals: [
      {
        id: 1,
        what: 'Technisch lezen op niveau',
        forWhom: 'Groep 4',
        dueOn: '2022-07-15',
        measure: 'Toets in juni',
        focusPointIds: [7],
      },
    ],
    focusPoints: [{ id: 7, label: 'Technisch lezen, groep 4: weer op niveau' }],
    interventions: [
      {
        id: 10,
        interventionId: 3,
        code: 'B6',
        name: 'Lezen in kleine groepjes',
        categoryCode: 'B',
        categoryName: 'Extra instructie',
        withdrawn: false,
        focusPointIds: [7],
        goalIds: [1],
        grades: [4],
        pupils: 24,
        startsOn: '2021-10-01',
        endsOn: '2022-07-15',
        responsible: 'Intern begeleider',
        approach: 'Drie keer per week in kleine groepjes.',
        professionalDevelopment: '',
        evaluationPlan: 'In juni',
      },
    ],
    schoolYears: [
      { id: 1, label: '2021-2022' },
      { id: 2, label: '2022-2023' },
    ],
    budget,
    ...totalsOf(budget),
  };
}

test('a snapshot has a versioned shape: unknown shapes are refused, stored JSON is read back', () => {
  const s = snapshot();
  assert.deepEqual(parseSnapshot(JSON.stringify(s)), s);
  assert.throws(() => parseSnapshot({ ...s, schema: 2 }));
  assert.throws(() => parseSnapshot({ ...s, budget: [{ ...s.budget[0], costType: 'snoep' }] }));
});

test('totals per school year and cost type add up the lines', () => {
  const s = snapshot();
  assert.equal(s.totalPlannedCents, 200_000);
  assert.deepEqual(
    s.totals.map((t) => [t.schoolYearId, t.costType, t.plannedCents]),
    [
      [1, 'eigen-personeel', 150_000],
      [2, 'extern-personeel', 50_000],
    ],
  );
});

test('the content key ignores when it was taken and the menu withdrawing an intervention', () => {
  const a = snapshot();
  const b = { ...snapshot(), takenAt: '2022-01-01T00:00:00.000Z' };
  b.interventions[0]!.withdrawn = true;
  assert.equal(contentKey(a), contentKey(b));
  b.interventions[0]!.pupils = 25;
  assert.notEqual(contentKey(a), contentKey(b));
});

test('word diff marks added and removed words and keeps the rest', () => {
  assert.deepEqual(wordDiff('drie keer per week', 'vier keer per week'), [
    { kind: 'removed', text: 'drie' },
    { kind: 'added', text: 'vier' },
    { kind: 'same', text: ' keer per week' },
  ]);
  assert.deepEqual(wordDiff('', 'nieuw'), [{ kind: 'added', text: 'nieuw' }]);
  assert.deepEqual(wordDiff('weg', ''), [{ kind: 'removed', text: 'weg' }]);
  assert.deepEqual(wordDiff('gelijk', 'gelijk'), [{ kind: 'same', text: 'gelijk' }]);
  const joined = (ps: { kind: string; text: string }[], skip: string) =>
    ps
      .filter((p) => p.kind !== skip)
      .map((p) => p.text)
      .join('');
  const before = 'De leerkracht werkt met groep 4 aan lezen en rekenen.';
  const after = 'De intern begeleider werkt met groep 4 en 5 aan lezen.';
  const d = wordDiff(before, after);
  assert.equal(joined(d, 'added'), before);
  assert.equal(joined(d, 'removed'), after);
});

test('the diff per section: changed fields, added and removed items, amounts old → new', () => {
  const prev = snapshot();
  const next = snapshot();
  next.intro = 'Na de schoolscan kiezen wij voor lezen en rekenen.';
  next.interventions[0]!.pupils = 30;
  next.goals.push({
    id: 2,
    what: 'Rust in groep 6',
    forWhom: 'Groep 6',
    dueOn: '2022-07-15',
    measure: 'Observatie',
    focusPointIds: [],
  });
  next.budget[0]!.plannedCents = 175_000;
  Object.assign(next, totalsOf(next.budget));
  const d = diffSnapshots(prev, next);
  assert.equal(d.same, false);
  assert.ok(d.intro?.parts.some((p) => p.kind === 'added' && p.text.includes('rekenen')));
  assert.deepEqual(
    d.goals.map((g) => [g.title, g.status]),
    [['Rust in groep 6', 'toegevoegd']],
  );
  assert.deepEqual(
    d.interventions.map((i) => [i.title, i.status, i.fields.map((f) => f.label)]),
    [['B6 Lezen in kleine groepjes', 'gewijzigd', ['Aantal leerlingen']]],
  );
  assert.deepEqual(d.budget, [
    {
      label: 'B6 Lezen in kleine groepjes, 2021-2022, eigen personeel',
      beforeCents: 150_000,
      afterCents: 175_000,
    },
  ]);
  assert.deepEqual(
    d.totals.map((t) => [t.label, t.beforeCents, t.afterCents]),
    [
      ['Totaal 2021-2022', 150_000, 175_000],
      ['Totaal alle schooljaren', 200_000, 225_000],
    ],
  );
  const removed = snapshot();
  removed.interventions = [];
  removed.budget = [];
  Object.assign(removed, totalsOf([]));
  const gone = diffSnapshots(prev, removed);
  assert.equal(gone.interventions[0]?.status, 'verwijderd');
  assert.equal(gone.budget[0]?.afterCents, null);
  assert.equal(diffSnapshots(prev, { ...snapshot(), takenAt: 'later' }).same, true);
  assert.equal(diffSnapshots(null, prev).interventions[0]?.status, 'toegevoegd');
});

test('the plan state in words', () => {
  assert.match(consentSentence([]), /nog niet ingediend/);
  assert.match(consentSentence([{ number: 1, decision: null }]), /Versie 1 wacht op het besluit/);
  const adopted = [
    { number: 2, decision: 'instemming' as const },
    { number: 1, decision: 'geen-instemming' as const },
  ];
  assert.match(consentSentence(adopted, false), /ingestemd met versie 2\. Het concept is gelijk/);
  assert.match(consentSentence(adopted, true), /Het concept wijkt af van versie 2/);
  assert.match(
    consentSentence([{ number: 3, decision: 'geen-instemming' }, ...adopted], true),
    /niet ingestemd met versie 3\. Versie 2 heeft instemming en blijft van kracht/,
  );
});

test('a decision needs a choice, reasons when refusing, and a meeting date between submission and today', () => {
  const submitted = new Date('2021-11-01T09:00:00Z');
  const now = new Date('2021-11-20T09:00:00Z');
  const ok = checkDecision(
    { besluit: 'instemming', redenen: '', vergaderdatum: '15-11-2021' },
    submitted,
    now,
  );
  assert.deepEqual(ok, { ok: true, decision: 'instemming', reasons: '', meetingOn: '2021-11-15' });
  const errors = (i: { besluit?: string; redenen: string; vergaderdatum: string }) => {
    const r = checkDecision(i, submitted, now);
    return r.ok ? {} : r.errors;
  };
  assert.ok(errors({ redenen: '', vergaderdatum: '2021-11-15' }).besluit);
  assert.ok(errors({ besluit: 'geen-instemming', redenen: '  ', vergaderdatum: '2021-11-15' }).redenen);
  assert.ok(errors({ besluit: 'instemming', redenen: '', vergaderdatum: '2021-11-21' }).vergaderdatum);
  assert.ok(errors({ besluit: 'instemming', redenen: '', vergaderdatum: '2021-10-31' }).vergaderdatum);
  assert.ok(errors({ besluit: 'instemming', redenen: '', vergaderdatum: 'gisteren' }).vergaderdatum);
  assert.ok(
    errors({ besluit: 'instemming', redenen: 'x'.repeat(4001), vergaderdatum: '2021-11-15' }).redenen,
  );
  assert.equal(parseDay('29-02-2021'), null);
  assert.equal(parseDay('2024-02-29'), '2024-02-29');
  assert.equal(parseDay('1/3/2022'), '2022-03-01');
});

test('comments and reminders', () => {
  assert.ok(checkComment(' '));
  assert.ok(checkComment('x'.repeat(4001)));
  assert.equal(checkComment('Goed plan'), null);
  const submitted = new Date('2021-11-01T09:00:00Z');
  assert.equal(reminderDue(submitted, new Date('2021-12-13T08:00:00Z')), false);
  assert.equal(reminderDue(submitted, new Date('2021-12-13T10:00:00Z')), true);
});
