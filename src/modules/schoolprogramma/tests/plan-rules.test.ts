// The plan's rules as pure functions: a goal's fields and Dutch date, which focus points and goals
// may be linked, an intervention only from the menu in force and within the programme period.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkGoal,
  checkIntervention,
  checkIntro,
  goalFormOf,
  gradesOf,
  notOnMenuMessage,
  parseRevision,
  supportOnlyProblem,
  leavesFAloneProblem,
  toDutchDate,
  type GoalForm,
  type InterventionForm,
} from '../services/plan-rules.ts';
import { fitsSector } from '../services/plan-menu.ts';

const goal = (over: Partial<GoalForm> = {}): GoalForm => ({
  wat: 'Groep 5 leest weer vlot.',
  voorwie: 'Groep 5',
  datum: '15-07-2022',
  meting: 'Toets in juni.',
  aandachtspunten: ['7'],
  ...over,
});

const intervention = (over: Partial<InterventionForm> = {}): InterventionForm => ({
  interventie: 'B1',
  aandachtspunten: ['7'],
  doelen: ['3'],
  groepen: ['4', '5'],
  leerlingen: '48',
  start: '1-10-2021',
  einde: '31-07-2025',
  verantwoordelijke: 'Intern begeleider',
  aanpak: '',
  professionalisering: '',
  evaluatie: 'In januari en juni.',
  ...over,
});

const choices = {
  menu: new Map([['B1', 101]]),
  focusPointIds: new Set([7]),
  goalIds: new Set([3]),
  grades: [1, 2, 3, 4, 5, 6, 7, 8],
};

test('a goal with a Dutch date inside the programme period is accepted and stored as ISO', () => {
  const r = checkGoal(goal(), new Set([7]));
  assert.ok(r.ok);
  assert.deepEqual(r.values, {
    what: 'Groep 5 leest weer vlot.',
    forWhom: 'Groep 5',
    dueOn: '2022-07-15',
    measure: 'Toets in juni.',
    focusPointIds: [7],
  });
  assert.equal(toDutchDate('2022-07-15'), '15-07-2022');
  assert.deepEqual(
    goalFormOf({ what: 'a', for_whom: 'b', due_on: '2022-07-15', measure: 'c', focus_point_ids: [7] }).datum,
    '15-07-2022',
  );
});

test('a goal: missing fields, impossible or out-of-period dates and foreign focus points each get a message', () => {
  const r = checkGoal(
    goal({ wat: ' ', voorwie: '', meting: '', datum: '31-02-2022', aandachtspunten: ['8'] }),
    new Set([7]),
  );
  assert.ok(!r.ok);
  assert.deepEqual(Object.keys(r.errors).sort(), ['aandachtspunten', 'datum', 'meting', 'voorwie', 'wat']);
  for (const d of ['31-07-2021', '01-08-2025', 'morgen', ''])
    assert.ok(!checkGoal(goal({ datum: d }), new Set([7])).ok, d);
  assert.ok(checkGoal(goal({ datum: '31-07-2025' }), new Set([7])).ok);
  assert.ok(checkGoal(goal({ datum: '01-08-2021' }), new Set([7])).ok);
});

test('an intervention must be on the menu in force; when editing, the menu is not asked', () => {
  const ok = checkIntervention(intervention(), choices);
  assert.ok(ok.ok);
  assert.equal(ok.values.interventionId, 101);
  assert.equal(ok.values.startsOn, '2021-10-01');
  const off = checkIntervention(intervention({ interventie: 'Z9' }), choices);
  assert.ok(!off.ok);
  assert.equal(off.errors.interventie, notOnMenuMessage);
  const edit = checkIntervention(intervention({ interventie: 'Z9' }), { ...choices, menu: null });
  assert.ok(edit.ok);
  assert.equal(edit.values.interventionId, null);
});

test('an intervention: period, pupils, groups, links and required texts are checked', () => {
  const bad = checkIntervention(
    intervention({
      start: '01-10-2022',
      einde: '01-09-2022',
      leerlingen: '0',
      groepen: ['9'],
      doelen: ['4'],
      aandachtspunten: ['8'],
      verantwoordelijke: '',
      evaluatie: '',
    }),
    choices,
  );
  assert.ok(!bad.ok);
  assert.deepEqual(Object.keys(bad.errors).sort(), [
    'aandachtspunten',
    'doelen',
    'einde',
    'evaluatie',
    'groepen',
    'leerlingen',
    'verantwoordelijke',
  ]);
  assert.ok(!checkIntervention(intervention({ einde: '01-08-2025' }), choices).ok);
  assert.ok(!checkIntervention(intervention({ leerlingen: '5001' }), choices).ok);
  assert.ok(!checkIntervention(intervention({ leerlingen: '1,5' }), choices).ok);
  assert.ok(!checkIntervention(intervention({ groepen: [] }), choices).ok);
});

test('sectors, grades, revisions and the intro', () => {
  assert.ok(fitsSector(['PO'], 'BO'));
  assert.ok(fitsSector(['PO'], 'SBO'));
  assert.ok(!fitsSector(['VO'], 'BO'));
  assert.ok(fitsSector(['(V)SO'], 'VSO'));
  assert.ok(fitsSector(['VO'], null));
  assert.equal(gradesOf('VO').word, 'Leerjaar');
  assert.equal(gradesOf('BO').grades.length, 8);
  assert.equal(parseRevision('3'), 3);
  assert.equal(parseRevision('x'), 0);
  assert.ok(checkIntro('Tekst').ok);
  assert.ok(!checkIntro('x'.repeat(8001)).ok);
});

test('an intervention from F (support only) needs one from A–E in the plan; other categories need nothing', () => {
  assert.match(supportOnlyProblem('F2', [])!, /Kies eerst een interventie uit A tot en met E/);
  assert.match(supportOnlyProblem(' f1 ', ['F'])!, /A tot en met E/, 'another F does not count');
  assert.equal(supportOnlyProblem('F2', ['F', 'C']), null);
  assert.equal(supportOnlyProblem('A3', []), null);
});

test('removing the last A–E intervention is refused while one from F stays; any other removal is fine', () => {
  assert.match(leavesFAloneProblem('B', ['B', 'F'])!, /Verwijder eerst de interventies uit F/);
  assert.match(leavesFAloneProblem('C', ['F', 'C', 'F'])!, /laatste uit A tot en met E/);
  assert.equal(leavesFAloneProblem('B', ['B', 'C', 'F']), null, 'another A–E one stays');
  assert.equal(leavesFAloneProblem('F', ['B', 'F']), null, 'removing F itself');
  assert.equal(leavesFAloneProblem('B', ['B']), null, 'no F in the plan');
});
