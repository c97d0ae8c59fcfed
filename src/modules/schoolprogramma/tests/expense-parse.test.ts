// Reading amounts, dates and bookkeeping exports: Dutch notation, both delimiters, Windows-1252,
// columns recognised or mapped, unknown values mapped or refused, and a reason per wrong line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expenseDate, parseDutchDate, parseExpenseAmount } from '../services/budget-amounts.ts';
import { completeColumns, guessColumns, readExpenseFile, readExpenseText } from '../services/expense-file.ts';
import {
  checkExpenseRecords,
  recogniseCostType,
  recogniseIntervention,
  unknownValues,
} from '../services/expense-import.ts';
import { checkExpenseFields } from '../services/expense-entry.ts';

const years = [
  { id: 1, label: '2021-2022', startsOn: '2021-08-01', endsOn: '2022-07-31' },
  { id: 2, label: '2022-2023', startsOn: '2022-08-01', endsOn: '2023-07-31' },
];
const plan = [
  { id: 7, code: 'B6', name: 'Tutoring' },
  { id: 8, code: 'D1', name: 'Sociaal-emotioneel leren' },
];
const today = '2023-01-15';

test('expense amounts: Dutch notation, negative only for corrections, never 0 or absurd', () => {
  assert.deepEqual(parseExpenseAmount('1.234,56', false), { ok: true, cents: 123456 });
  assert.deepEqual(parseExpenseAmount('€ 12,5', false), { ok: true, cents: 1250 });
  assert.deepEqual(parseExpenseAmount('-250,00', true), { ok: true, cents: -25000 });
  assert.match((parseExpenseAmount('-250,00', false) as { message: string }).message, /als correctie/);
  assert.match((parseExpenseAmount('twaalf', false) as { message: string }).message, /geen bedrag/);
  assert.match((parseExpenseAmount('0,00', true) as { message: string }).message, /niet 0/);
  assert.match((parseExpenseAmount('', true) as { message: string }).message, /Vul het bedrag in/);
  assert.match(
    (parseExpenseAmount('-20.000.000', true) as { message: string }).message,
    /Controleer het bedrag/,
  );
  assert.match((parseExpenseAmount('1,234', false) as { message: string }).message, /geen bedrag/);
});

test('dates: Dutch and ISO notation; the school year follows from the date', () => {
  assert.equal(parseDutchDate('15-11-2021'), '2021-11-15');
  assert.equal(parseDutchDate('5/1/2022'), '2022-01-05');
  assert.equal(parseDutchDate('05.01.2022'), '2022-01-05');
  assert.equal(parseDutchDate('2022-01-05'), '2022-01-05');
  assert.equal(parseDutchDate('31-02-2022'), null);
  assert.equal(parseDutchDate('gisteren'), null);
  assert.deepEqual(expenseDate('1-8-2022', years, today), { ok: true, date: '2022-08-01', schoolYearId: 2 });
  assert.deepEqual(expenseDate('31-07-2022', years, today), {
    ok: true,
    date: '2022-07-31',
    schoolYearId: 1,
  });
  assert.match(
    (expenseDate('31-07-2021', years, today) as { message: string }).message,
    /buiten de schooljaren/,
  );
  assert.match((expenseDate('16-01-2023', years, today) as { message: string }).message, /toekomst/);
});

test('the form: a message per field, or a checked expense', () => {
  const base = { planInterventionIds: [7, 8], years, today, correction: false };
  const bad = checkExpenseFields(
    { datum: '', bedrag: 'x', omschrijving: ' ', interventie: '99', kostensoort: 'bier' },
    base,
  );
  assert.ok(!bad.ok);
  if (!bad.ok)
    assert.deepEqual(Object.keys(bad.errors).sort(), [
      'bedrag',
      'datum',
      'interventie',
      'kostensoort',
      'omschrijving',
    ]);
  const ok = checkExpenseFields(
    {
      datum: '15-11-2021',
      bedrag: '1.000',
      omschrijving: 'Boeken',
      interventie: '8',
      kostensoort: 'materialen-ict',
    },
    base,
  );
  assert.deepEqual(ok, {
    ok: true,
    expense: {
      spentOn: '2021-11-15',
      schoolYearId: 1,
      amountCents: 100000,
      description: 'Boeken',
      planInterventionId: 8,
      costType: 'materialen-ict',
    },
  });
});

test('a file with ; and Windows-1252 is read with its line numbers; its columns are recognised', () => {
  const text =
    'Boekdatum;Bedrag;Omschrijving;Interventie;Kostensoort\r\n15-11-2021;1.500,00;Caf\xe9 overleg;B6;PNIL\r\n\r\n01-12-2021;250;Boeken;d1;materialen\r\n';
  const r = readExpenseFile(Buffer.from(text, 'latin1'));
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.equal(r.delimiter, ';');
  assert.deepEqual(
    r.records.map((x) => x.line),
    [2, 4],
  );
  assert.equal(r.records[0]!.cells[2], 'Café overleg');
  const columns = guessColumns(r.headers);
  assert.ok(completeColumns(columns, r.headers.length));
  if (!completeColumns(columns, r.headers.length)) return;
  assert.deepEqual(unknownValues(r.records, columns, plan), { interventions: [], costTypes: [] });
  const checked = checkExpenseRecords({
    records: r.records,
    columns,
    mapping: { interventions: {}, costTypes: {} },
    plan,
    years,
    today,
  });
  assert.ok(checked.ok);
  if (checked.ok) {
    assert.equal(checked.totalCents, 175000);
    assert.deepEqual(
      checked.rows.map((x) => [x.line, x.planInterventionId, x.costType, x.schoolYearId]),
      [
        [2, 7, 'extern-personeel', 1],
        [4, 8, 'materialen-ict', 1],
      ],
    );
  }
});

test('other headers need a mapping; unknown values are mapped or refused; one wrong line stops all', () => {
  const r = readExpenseText(
    'Dag,Euro,Tekst,Project,Soort\n15-11-2021,"1.500,00",Inhuur,Leesproject,Inhuur\n16-11-2021,12,Pennen,Leesproject,Kantoor\n',
  );
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.equal(r.delimiter, ',');
  assert.deepEqual(guessColumns(r.headers), { omschrijving: 2, interventie: 3, kostensoort: 4 });
  assert.ok(!completeColumns({ datum: 0, bedrag: 0, omschrijving: 2, interventie: 3, kostensoort: 4 }, 5));
  const columns = { datum: 0, bedrag: 1, omschrijving: 2, interventie: 3, kostensoort: 4 };
  const unknown = unknownValues(r.records, columns, plan);
  assert.deepEqual(unknown.interventions, [{ key: 'leesproject', text: 'Leesproject', lines: 2 }]);
  assert.deepEqual(
    unknown.costTypes.map((u) => u.key),
    ['kantoor'],
  );
  const refused = checkExpenseRecords({
    records: r.records,
    columns,
    mapping: { interventions: { leesproject: 7 }, costTypes: { kantoor: 'weigeren' } },
    plan,
    years,
    today,
  });
  assert.deepEqual(refused, {
    ok: false,
    problems: [{ line: 3, reason: 'De kostensoort "Kantoor" is bij het koppelen geweigerd.' }],
  });
  const mapped = checkExpenseRecords({
    records: r.records,
    columns,
    mapping: { interventions: { leesproject: 7 }, costTypes: { kantoor: 'overig' } },
    plan,
    years,
    today,
  });
  assert.ok(mapped.ok);
});

test('each wrong line gets its reasons', () => {
  const r = readExpenseText(
    'datum;bedrag;omschrijving;interventie;kostensoort\n32-01-2022;10;A;B6;overig\n01-01-2022;tien;;X9;overig\n01-01-2022;10;C;B6;\n',
  );
  assert.ok(r.ok);
  if (!r.ok) return;
  const columns = guessColumns(r.headers);
  if (!completeColumns(columns, r.headers.length)) return assert.fail('columns');
  const checked = checkExpenseRecords({
    records: r.records,
    columns,
    mapping: { interventions: {}, costTypes: {} },
    plan,
    years,
    today,
  });
  assert.ok(!checked.ok);
  if (checked.ok) return;
  assert.deepEqual(
    checked.problems.map((p) => p.line),
    [2, 3, 4],
  );
  assert.match(checked.problems[0]!.reason, /datum bestaat niet/);
  assert.match(checked.problems[1]!.reason, /geen bedrag.*omschrijving is leeg.*"X9" staat niet in het plan/);
  assert.match(checked.problems[2]!.reason, /kostensoort is leeg/);
});

test('files that cannot be read say why', () => {
  assert.match((readExpenseText('datum;bedrag\n') as { problem: string }).problem, /geen regels/);
  assert.match((readExpenseText('a;b\n"x;y\n') as { problem: string }).problem, /aanhalingstekens/);
  assert.match(
    (readExpenseFile(Buffer.alloc(600 * 1024, 65)) as { problem: string }).problem,
    /groter dan 512 kB/,
  );
  assert.equal(recogniseCostType('Training'), 'professionalisering');
  assert.equal(recogniseIntervention('b6 tutoring', plan), 7);
  assert.equal(recogniseIntervention('', plan), undefined);
});
