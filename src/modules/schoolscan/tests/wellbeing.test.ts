// The rules of steps 3 and 4 without a database: the item sets and their scale, reading the
// assessment form, the summary over groups, and the monitoring results (one by hand, or a
// pasted CSV: all or nothing, a reason per line, never rows about pupils).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assessedSteps,
  assessmentItems,
  isComplete,
  parseMonitorCsv,
  readAssessment,
  readMonitorResult,
  scale,
  summariseStep,
} from '../services/wellbeing.ts';
import { sectionNames } from '../services/scan.ts';

test('the scan has five steps in order, the two new ones between cognitive development and conclusions', () => {
  assert.deepEqual(sectionNames, [
    'context',
    'cognitief',
    'sociaal-emotioneel',
    'executieve-functies',
    'conclusies',
  ]);
});

test('each assessed step has five items with unique keys, and the scale has five labelled points', () => {
  const keys = assessedSteps.flatMap((s) => assessmentItems[s].map((i) => i.key));
  assert.equal(new Set(keys).size, keys.length, 'item keys are unique over both steps');
  for (const s of assessedSteps) {
    assert.equal(assessmentItems[s].length, 5);
    for (const i of assessmentItems[s]) assert.ok(i.label && i.description.endsWith('.'), i.key);
  }
  assert.deepEqual(
    assessmentItems['executieve-functies'].map((i) => i.key),
    ['werkhouding', 'aandacht', 'planning', 'werkgeheugen', 'emotieregulatie'],
  );
  assert.deepEqual(
    scale.map((s) => s.value),
    [1, 2, 3, 4, 5],
  );
  assert.deepEqual(
    scale.map((s) => s.label),
    ['Grote zorg', 'Zorg', 'Wisselend', 'Voldoende', 'Goed'],
  );
});

test('the assessment form accepts scores 1–5 or open, keeps notes, and refuses bad scores, long notes and an empty form', () => {
  const ok = readAssessment('executieve-functies', {
    'score-werkhouding': '4',
    'score-aandacht': '',
    'toelichting-aandacht': '  Na de pauze  onrustig. ',
    groepsnotitie: 'Nieuwe groep\r\nsinds januari.',
    'score-veiligheid': '1', // an item of the other step is ignored
  });
  assert.ok(ok.ok);
  assert.deepEqual(ok.value, {
    scores: { werkhouding: 4 },
    notes: { aandacht: 'Na de pauze  onrustig.' },
    groupNote: 'Nieuwe groep\nsinds januari.',
  });
  const bad = readAssessment('executieve-functies', {
    'score-werkhouding': '6',
    'toelichting-planning': 'x'.repeat(1001),
  });
  assert.ok(!bad.ok);
  assert.match(
    bad.errors['score-werkhouding']!,
    /Kies bij "Werkhouding en motivatie" een score van 1 tot en met 5/,
  );
  assert.match(bad.errors['toelichting-planning']!, /te lang: hoogstens 1000 tekens/);
  const empty = readAssessment('sociaal-emotioneel', {});
  assert.ok(!empty.ok);
  assert.match(empty.errors['score-veiligheid']!, /Er is nog niets ingevuld/);
});

test('the summary gives the mean per item over the groups that scored it and names every low score', () => {
  const s = summariseStep('sociaal-emotioneel', [
    { grade: 5, scores: { veiligheid: 2, omgang: 4, zelfvertrouwen: 3, plezier: 1, betrokkenheid: 5 } },
    { grade: 3, scores: { veiligheid: 4, omgang: 4 } },
    { grade: 7, scores: { veiligheid: 5 } },
  ]);
  const by = Object.fromEntries(s.items.map((i) => [i.key, i]));
  assert.equal(by.veiligheid!.mean, 3.7); // (2 + 4 + 5) / 3, one decimal
  assert.equal(by.veiligheid!.groups, 3);
  assert.deepEqual(by.veiligheid!.lowGroups, [5]);
  assert.equal(by.plezier!.mean, 1);
  assert.equal(by.betrokkenheid!.groups, 1);
  assert.deepEqual(s.assessed, [3, 5, 7]);
  assert.deepEqual(s.complete, [5]);
  assert.deepEqual(
    s.low.map((l) => `${l.grade} ${l.label} ${l.score}`),
    ['5 Veiligheid in de groep 2', '5 Welbevinden en plezier 1'],
  );
  const none = summariseStep('executieve-functies', []);
  assert.ok(none.items.every((i) => i.mean === null && i.groups === 0));
  assert.ok(
    isComplete('sociaal-emotioneel', {
      veiligheid: 2,
      omgang: 4,
      zelfvertrouwen: 3,
      plezier: 1,
      betrokkenheid: 5,
    }),
  );
  assert.ok(!isComplete('sociaal-emotioneel', { veiligheid: 2 }));
});

test('one monitoring result: group as 5 or "groep 5", decimal comma, and clear messages for what does not fit', () => {
  const ok = readMonitorResult({
    groep: 'Groep 5',
    instrument: ' Ons  volgsysteem ',
    maat: 'aandeel extra aandacht',
    aantal: '24',
    waarde: '12,5%',
  });
  assert.ok(ok.ok);
  assert.deepEqual(ok.value, {
    grade: 5,
    instrument: 'Ons volgsysteem',
    measure: 'aandeel extra aandacht',
    pupils: 24,
    value: 12.5,
  });
  const bad = readMonitorResult({ groep: '9', instrument: '', maat: 'x', aantal: '1', waarde: 'veel' });
  assert.ok(!bad.ok);
  assert.deepEqual(Object.keys(bad.errors).sort(), ['aantal', 'groep', 'instrument', 'waarde']);
  assert.match(bad.errors.aantal!, /minder dan 2 leerlingen zegt iets over een leerling/);
});

test('a monitoring CSV is read whole (semicolons or commas, BOM, "aantal" for "aantal leerlingen")', () => {
  const ok = parseMonitorCsv(
    '\uFEFFGroep;Instrument;Maat;Aantal leerlingen;Waarde\r\n3;Volg;extra aandacht;8;25\r\n4;Volg;extra aandacht;26;11,5\r\n',
  );
  assert.ok(ok.ok);
  assert.deepEqual(
    ok.results.map((r) => [r.grade, r.pupils, r.value]),
    [
      [3, 8, 25],
      [4, 26, 11.5],
    ],
  );
  const commas = parseMonitorCsv('groep,instrument,maat,aantal,waarde\n6,Volg,"score, gemiddeld",30,"3,2"\n');
  assert.ok(commas.ok);
  assert.equal(commas.results[0]!.measure, 'score, gemiddeld');
  assert.equal(commas.results[0]!.value, 3.2);
});

test('a monitoring CSV with any bad line stores nothing and says per line what is wrong', () => {
  const out = parseMonitorCsv(
    [
      'groep;instrument;maat;aantal leerlingen;waarde',
      '5;Volg;extra aandacht;24;12',
      '9;Volg;extra aandacht;24;12',
      '5;Volg;Extra aandacht;24;13',
      '6;Volg;extra aandacht;1;100',
      '7;Volg;extra aandacht',
    ].join('\n'),
  );
  assert.ok(!out.ok);
  assert.equal(out.fileProblem, null);
  assert.deepEqual(
    out.problems.map((p) => p.line),
    [3, 4, 5, 6],
  );
  assert.match(out.problems[0]!.message, /groep in als getal van 1 tot en met 8/);
  assert.match(out.problems[1]!.message, /staat ook op regel 2/);
  assert.match(out.problems[2]!.message, /minder dan 2 leerlingen/);
  assert.match(out.problems[3]!.message, /3 velden; verwacht 5/);
});

test('a monitoring CSV with pupil-level columns, other columns or no rows is refused whole', () => {
  const pupils = parseMonitorCsv(
    'leerlingnummer;groep;instrument;maat;aantal leerlingen;waarde\n123;5;V;m;1;3\n',
  );
  assert.ok(!pupils.ok);
  assert.match(pupils.fileProblem!, /gegevens van afzonderlijke leerlingen/);
  const names = parseMonitorCsv('naam;groep;instrument;maat;aantal leerlingen;waarde\nPiet;5;V;m;20;3\n');
  assert.ok(!names.ok);
  assert.match(names.fileProblem!, /afzonderlijke leerlingen te bevatten \(kolom "naam"\)/);
  const other = parseMonitorCsv('groep;instrument;maat;waarde;klas\n5;V;m;3;5a\n');
  assert.ok(!other.ok);
  assert.match(other.fileProblem!, /Ontbreekt: "aantal leerlingen"\. Hoort er niet in: "klas"\./);
  const headerOnly = parseMonitorCsv('groep;instrument;maat;aantal leerlingen;waarde\n');
  assert.ok(!headerOnly.ok);
  assert.match(headerOnly.fileProblem!, /alleen de kolomnamen/);
  assert.ok(!parseMonitorCsv('   ').ok);
});
