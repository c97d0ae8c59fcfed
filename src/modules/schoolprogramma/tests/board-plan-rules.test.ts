// The rules of the board-level plan and of what a reservation funds, as pure functions: only the
// menu in force and a fitting category; a GMR decision needs reasons when it refuses and a meeting
// date that is possible; only the newest version can be decided, once; the status the school sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPurpose, type PurposeMenu } from '../../funding/services/reservation-purpose.ts';
import {
  checkDecisionForm,
  checkInterventionForm,
  decidable,
  planStatus,
  statusPerReservation,
} from '../services/board-plan-rules.ts';
import { diffSnapshots, sameContent, type BoardPlanSnapshot } from '../services/board-plan-snapshot.ts';

const menu: PurposeMenu = {
  versionId: 7,
  title: 'Menukaart april 2022',
  categories: [
    { code: 'A', name: 'Meer tijd' },
    { code: 'B', name: 'Instructie' },
    { code: 'F', name: 'Randvoorwaarden' },
  ],
  interventions: [
    { id: 3, code: 'A3', name: 'Zomerschool', categoryCode: 'A', withdrawn: false },
    { id: 13, code: 'B3', name: 'Kleine groepen', categoryCode: 'B', withdrawn: false },
    { id: 1, code: 'A1', name: 'Voor- en vroegschools', categoryCode: 'A', withdrawn: true },
  ],
};
const plan = [{ id: 40, title: 'Zomerschool', categoryCode: 'A', interventionId: 3 }];
const none = { categoryCode: '', interventionCode: '', planInterventionId: null };

test('a reservation may leave its purpose empty (older forms); a category must be on the menu in force', () => {
  assert.deepEqual(checkPurpose(menu, plan, none).errors, {});
  assert.equal(checkPurpose(menu, plan, none).purpose.categoryCode, null);
  assert.match(checkPurpose(menu, plan, { ...none, categoryCode: 'Q' }).errors.categorie!, /A, B, F/);
  const ok = checkPurpose(menu, plan, { ...none, categoryCode: 'b' });
  assert.deepEqual(ok.errors, {});
  assert.deepEqual(ok.purpose, {
    categoryCode: 'B',
    interventionId: null,
    menuVersionId: 7,
    planInterventionId: null,
  });
});

test('an intervention must be on the menu in force, not withdrawn, and in the chosen category', () => {
  assert.match(
    checkPurpose(menu, [], { ...none, categoryCode: 'B', interventionCode: 'Z9' }).errors.interventie!,
    /niet op de menukaart/,
  );
  assert.match(
    checkPurpose(menu, [], { ...none, categoryCode: 'A', interventionCode: 'A1' }).errors.interventie!,
    /van de menukaart gehaald/,
  );
  assert.match(
    checkPurpose(menu, [], { ...none, categoryCode: 'A', interventionCode: 'B3' }).errors.interventie!,
    /hoort bij categorie B, niet bij A/,
  );
  const derived = checkPurpose(menu, [], { ...none, interventionCode: 'B3' });
  assert.deepEqual(derived.errors, {});
  assert.equal(derived.purpose.categoryCode, 'B');
  assert.equal(derived.purpose.interventionId, 13);
  assert.match(checkPurpose(null, [], { ...none, categoryCode: 'A' }).errors.categorie!, /geen menukaart/);
});

test("a board-level intervention must be the board's own and fund the same category; its values fill empty fields", () => {
  assert.match(
    checkPurpose(menu, plan, { ...none, planInterventionId: 99 }).errors.bovenschoolsPlan!,
    /eigen bestuur/,
  );
  assert.match(
    checkPurpose(menu, plan, { ...none, planInterventionId: 'ongeldig' }).errors.bovenschoolsPlan!,
    /eigen bestuur/,
  );
  assert.match(
    checkPurpose(menu, plan, { ...none, categoryCode: 'B', planInterventionId: 40 }).errors.bovenschoolsPlan!,
    /categorie A, niet onder B/,
  );
  const filled = checkPurpose(menu, plan, { ...none, planInterventionId: 40 });
  assert.deepEqual(filled.errors, {});
  assert.deepEqual(filled.purpose, {
    categoryCode: 'A',
    interventionId: 3,
    menuVersionId: 7,
    planInterventionId: 40,
  });
});

test('a board-level intervention needs a name, a category of the menu and a responsible person', () => {
  const f = {
    titel: 'Zomerschool',
    categorie: '',
    interventie: '',
    beschrijving: '',
    verantwoordelijke: 'Coördinator',
  };
  assert.match(checkInterventionForm(menu, f).errors.categorie!, /Kies de categorie/);
  assert.equal(checkInterventionForm(menu, f).values, null);
  assert.ok(checkInterventionForm(menu, { ...f, titel: 'x' }).errors.titel);
  assert.ok(checkInterventionForm(menu, { ...f, verantwoordelijke: '' }).errors.verantwoordelijke);
  assert.match(
    checkInterventionForm(menu, { ...f, categorie: 'B', interventie: 'A3' }).errors.interventie!,
    /hoort bij categorie A/,
  );
  assert.deepEqual(checkInterventionForm(menu, { ...f, categorie: 'A', interventie: 'A3' }).values, {
    categoryCode: 'A',
    interventionId: 3,
    menuVersionId: 7,
    title: 'Zomerschool',
    description: '',
    responsible: 'Coördinator',
  });
});

test('a GMR decision: a choice, reasons when it does not consent, a meeting between submission and today', () => {
  const f = { besluit: 'instemming', redenen: '', vergaderdatum: '2021-10-12' };
  assert.deepEqual(checkDecisionForm(f, '2021-11-01', '2021-09-01').value, {
    decision: 'instemming',
    reasons: '',
    meetingOn: '2021-10-12',
  });
  assert.ok(checkDecisionForm({ ...f, besluit: 'misschien' }, '2021-11-01', '2021-09-01').errors.besluit);
  assert.ok(
    checkDecisionForm({ ...f, besluit: 'geen-instemming' }, '2021-11-01', '2021-09-01').errors.redenen,
  );
  assert.equal(
    checkDecisionForm(
      { ...f, besluit: 'geen-instemming', redenen: 'Te weinig draagvlak bij de scholen' },
      '2021-11-01',
      '2021-09-01',
    ).value?.decision,
    'geen-instemming',
  );
  assert.match(checkDecisionForm(f, '2021-10-01', '2021-09-01').errors.vergaderdatum!, /toekomst/);
  assert.match(checkDecisionForm(f, '2021-11-01', '2021-10-20').errors.vergaderdatum!, /vóór deze versie/);
  assert.ok(
    checkDecisionForm({ ...f, vergaderdatum: '2021-02-30' }, '2021-11-01', '2021-09-01').errors.vergaderdatum,
  );
});

test('only the newest version without a decision can be decided; the status follows the newest version', () => {
  const v = (number: number, decision: 'instemming' | 'geen-instemming' | null = null) => ({
    number,
    decision,
    meeting_on: decision ? '2021-10-12' : null,
  });
  assert.equal(decidable(v(2), 2), 'ja');
  assert.equal(decidable(v(1), 2), 'vervangen');
  assert.equal(decidable(v(2, 'instemming'), 2), 'al-besloten');
  assert.deepEqual(planStatus([]), { kind: 'geen-versie' });
  assert.deepEqual(planStatus([v(2), v(1, 'instemming')]), { kind: 'wacht', number: 2 });
  assert.deepEqual(planStatus([v(3, 'geen-instemming')]), {
    kind: 'geen-instemming',
    number: 3,
    meetingOn: '2021-10-12',
  });
});

const snap = (
  amount: number,
  extra: Partial<BoardPlanSnapshot['interventions'][number]> = {},
): BoardPlanSnapshot => ({
  interventions: [
    {
      id: 40,
      categoryCode: 'A',
      categoryName: 'Meer tijd',
      interventionCode: 'A3',
      interventionName: 'Zomerschool',
      title: 'Zomerschool',
      description: 'Twee weken',
      responsible: 'Coördinator',
      contributions: [
        {
          reservationId: 5,
          schoolId: 1,
          schoolName: 'De Linde',
          schoolYear: '2021-2022',
          amountCents: amount,
          mrConsentOn: '2021-06-15',
        },
      ],
      ...extra,
    },
  ],
});

test('the school sees, per reservation, the decision on the newest version that holds it', () => {
  const versions = [
    { number: 2, decision: null, meeting_on: null, snapshot: { interventions: [] } },
    { number: 1, decision: 'instemming' as const, meeting_on: '2021-07-08', snapshot: snap(100) },
  ];
  const s = statusPerReservation(versions);
  assert.deepEqual(s.get(5), { kind: 'instemming', number: 1, meetingOn: '2021-07-08' });
  assert.equal(s.get(6), undefined);
  const pending = statusPerReservation([
    { number: 2, decision: null, meeting_on: null, snapshot: snap(200) },
    ...versions.slice(1),
  ]);
  assert.deepEqual(pending.get(5), { kind: 'wacht', number: 2 });
});

test('the difference between versions names what is new, gone and changed', () => {
  assert.deepEqual(diffSnapshots(null, snap(100)), [{ title: 'Zomerschool', kind: 'nieuw', changes: [] }]);
  assert.deepEqual(diffSnapshots(snap(100), snap(100)), []);
  assert.ok(sameContent(snap(100), snap(100)));
  // As jsonb gives it back: the same plan with its keys in another order.
  const reordered = JSON.parse(
    JSON.stringify(
      snap(100),
      Object.keys(snap(100).interventions[0]!)
        .concat(
          'interventions',
          'reservationId',
          'schoolId',
          'schoolName',
          'schoolYear',
          'amountCents',
          'mrConsentOn',
        )
        .reverse(),
    ),
  );
  assert.ok(sameContent(reordered, snap(100)));
  assert.ok(!sameContent(snap(100), snap(101)));
  const changed = diffSnapshots(snap(100), snap(250, { responsible: 'Directeur' }));
  assert.equal(changed[0]!.kind, 'gewijzigd');
  assert.deepEqual(
    changed[0]!.changes.map((c) => c.field),
    ['Verantwoordelijke', 'Bijdragen van scholen'],
  );
  assert.match(changed[0]!.changes[1]!.after, /2,50 euro/);
  assert.deepEqual(diffSnapshots(snap(100), { interventions: [] }), [
    { title: 'Zomerschool', kind: 'vervallen', changes: [] },
  ]);
});
