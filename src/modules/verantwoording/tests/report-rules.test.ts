// The annual report's pure rules: the share of a school year in a calendar year, planned money
// rounded once per school and category, spending and PNIL, consent and scan per school, the
// texts' checks and the platform's prefill of the bovenschools items, and the text block.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildReportFigures, percentage, yearShare, type ReportInput } from '../services/report-figures.ts';
import { missingForConfirmation, parseTexts, prefillTexts, textValues } from '../services/report-texts.ts';
import { reportText } from '../services/report-text.ts';

const y2122 = { id: 1, label: '2021-2022', starts_on: '2021-08-01', ends_on: '2022-07-31' };
const y2223 = { id: 2, label: '2022-2023', starts_on: '2022-08-01', ends_on: '2023-07-31' };

const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  year: 2022,
  now: new Date('2023-02-01T10:00:00Z'),
  categories: [{ code: 'A', name: 'Uitbreiding onderwijstijd' }],
  schoolYears: [y2122, y2223],
  schools: [
    { id: 10, name: 'De Linde', code: '01AB' },
    { id: 11, name: 'De Eik', code: null },
  ],
  scans: [
    { schoolId: 10, yearLabel: '2021-2022' },
    { schoolId: 10, yearLabel: '2022-2023' },
  ],
  consents: [{ schoolId: 10, versionNumber: 2, decision: 'instemming', meetingOn: '2022-03-01' }],
  interventions: [
    { schoolId: 10, category: 'B', code: 'B1' },
    { schoolId: 10, category: 'A', code: 'A3' },
    { schoolId: 11, category: 'B', code: 'B2' },
  ],
  planned: [
    { schoolId: 10, schoolYearId: 1, category: 'A', cents: 365_00 },
    { schoolId: 10, schoolYearId: 2, category: 'A', cents: 365_00 },
    { schoolId: 99, schoolYearId: 1, category: 'A', cents: 1_000_00 },
  ],
  spent: [
    { schoolId: 10, category: 'A', external: true, cents: 300_00 },
    { schoolId: 10, category: 'A', external: false, cents: 100_00 },
    { schoolId: 11, category: 'B', external: false, cents: 400_00 },
  ],
  evaluations: [
    {
      schoolId: 10,
      code: 'A3',
      name: 'Zomerschool',
      evaluatedOn: '2022-06-30',
      decision: 'doorgaan',
      results: 'Goed.',
    },
    {
      schoolId: 11,
      code: 'B2',
      name: 'Feedback',
      evaluatedOn: '2022-11-30',
      decision: null,
      results: 'Nog vroeg.',
    },
  ],
  boardPlan: null,
  ...over,
});

test('a school year counts in a calendar year by its share of days', () => {
  assert.equal(yearShare(y2122, 2021), 153 / 365, 'August to December 2021');
  assert.equal(yearShare(y2122, 2022), 212 / 365, 'January to July 2022');
  assert.equal(yearShare(y2122, 2023), 0);
  assert.equal(yearShare(y2122, 2021) + yearShare(y2122, 2022), 1);
});

test('a percentage has one decimal, and none without a whole', () => {
  assert.equal(percentage(1, 3), 33.3);
  assert.equal(percentage(3, 4), 75);
  assert.equal(percentage(0, 0), null);
});

test('the figures: planned by share of days rounded once per school and category, spending exact, only own schools', () => {
  const f = buildReportFigures(input());
  const linde = f.schools.find((s) => s.id === 10)!;
  // 365,00 × 212/365 + 365,00 × 153/365 = 212,00 + 153,00
  assert.equal(linde.plannedCents.A, 365_00);
  assert.equal(linde.spentTotal, 400_00);
  assert.equal(linde.externalSpentCents, 300_00);
  assert.equal(linde.scan, '2022-2023', 'the newest completed scan');
  assert.deepEqual(linde.categories, ['A', 'B']);
  assert.deepEqual(linde.consent, { status: 'instemming', version: 2, meetingOn: '2022-03-01' });
  const eik = f.schools.find((s) => s.id === 11)!;
  assert.equal(eik.scan, null);
  assert.equal(eik.consent.status, 'niet-voorgelegd');
  assert.equal(f.totals.plannedCents, 365_00, 'school 99 is not the board’s');
  assert.equal(f.totals.spentCents, 800_00);
  assert.equal(f.totals.externalSpentCents, 300_00);
  assert.equal(f.totals.withScan, 1);
  assert.equal(f.totals.withConsent, 1);
  assert.deepEqual(f.totals.decisions, { doorgaan: 1, bijstellen: 0, stoppen: 0 });
  const b = f.perCategory.find((c) => c.code === 'B')!;
  assert.deepEqual([b.schools, b.interventions, b.spentCents], [2, 2, 400_00]);
  assert.deepEqual(
    f.perCategory.map((c) => c.code),
    ['A', 'B', 'C', 'D', 'E', 'F'],
    'every category A–F, even without a name from the menu',
  );
  assert.equal(f.categories.find((c) => c.code === 'C')!.name, 'Categorie C');
  assert.equal(f.evaluations[1]!.school, 'De Eik');
});

test('a waiting or refused consent reads as such', () => {
  const f = buildReportFigures(
    input({
      consents: [
        { schoolId: 10, versionNumber: 1, decision: null, meetingOn: null },
        { schoolId: 11, versionNumber: 3, decision: 'geen-instemming', meetingOn: '2022-05-01' },
      ],
    }),
  );
  assert.equal(f.schools[0]!.consent.status, 'wacht');
  assert.equal(f.schools[1]!.consent.status, 'geen-instemming');
  assert.equal(f.totals.withConsent, 0);
});

test('texts: trimmed, too long refused per field; the required ones are only needed to confirm', () => {
  const ok = parseTexts({ betrokkenheid: '  Samen.  ', 'eerste-resultaten': '' });
  assert.ok(ok.ok);
  assert.equal(ok.texts.betrokkenheid, 'Samen.');
  assert.equal(ok.texts.gmr, '');
  const long = parseTexts({ gmr: 'x'.repeat(5001) });
  assert.ok(!long.ok);
  assert.match(long.errors.gmr!, /ten hoogste 5000 tekens \(nu 5001\)/);
  assert.deepEqual(Object.keys(missingForConfirmation({ betrokkenheid: 'Ja' })), ['eerste-resultaten']);
  assert.deepEqual(missingForConfirmation({ betrokkenheid: 'Ja', 'eerste-resultaten': 'Goed' }), {});
});

test('the bovenschools items are prefilled from the board plan until the board saves its own', () => {
  const plan = {
    versionNumber: 1,
    submittedOn: '2021-06-20',
    decision: 'instemming' as const,
    meetingOn: '2021-07-05',
    interventions: [{ category: 'A', title: 'Zomerschool' }],
  };
  assert.deepEqual(prefillTexts(null), {});
  assert.deepEqual(prefillTexts(plan), {
    gmr: 'De GMR heeft op 5 juli 2021 ingestemd met versie 1 van het bovenschools plan.',
    bovenschools: 'Zomerschool (categorie A)',
  });
  assert.match(prefillTexts({ ...plan, decision: null }).gmr!, /nog niet besloten/);
  assert.match(prefillTexts({ ...plan, versionNumber: null }).gmr!, /nog niet aan de GMR voorgelegd/);
  const fresh = textValues(null, plan);
  assert.deepEqual([...fresh.prefilled].sort(), ['bovenschools', 'gmr']);
  const own = textValues({ gmr: '' }, plan);
  assert.equal(own.values.gmr, '', 'a text the board emptied stays empty');
  assert.deepEqual([...own.prefilled], ['bovenschools']);
});

test('the text block names every item of the bestuursverslag, in Dutch notation', () => {
  const f = buildReportFigures(input());
  const texts = { betrokkenheid: 'Via de MR.', 'eerste-resultaten': '', bovenschools: '', gmr: '' };
  const t = reportText(f, texts, { boardName: 'Stichting Test', confirmedAt: null }).replace(/\u00a0/g, ' ');
  assert.match(t, /^Nationaal Programma Onderwijs: verantwoording over 2022\nStichting Test\nConcept/);
  assert.match(t, /1 van de 2 scholen had een afgeronde schoolscan/);
  assert.match(t, /- De Linde \(01AB\): Ja, versie 2 \(1 maart 2022\)/);
  assert.match(t, /- A: gepland € 365,00, uitgegeven € 400,00/);
  assert.match(t, /37,5% van het uitgegeven geld \(€ 300,00 van € 800,00\)/);
  assert.match(t, /Eerste resultaten\nIn 2022 legden de scholen 2 evaluaties/);
  assert.match(t, /Instemming van de GMR\nNiet ingevuld\./);
});
