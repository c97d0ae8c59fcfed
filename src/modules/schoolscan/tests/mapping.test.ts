// Column mappings as pure rules: a mapped file goes through the same checks as the flat format;
// value codes are translated or their lines skipped (and counted); a header is recognised by its
// columns whatever their order or a name column; the mapping form says what to fix; the mapping
// page never sees the values of a name or BSN column; the generator's example layouts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  fileSignature,
  guessColumns,
  headerSignature,
  parseMappedFile,
  profileFile,
  type LvsMapping,
} from '../services/parse/lvs-mapping.ts';
import { parseLvsFile } from '../services/parse/lvs-parse.ts';
import {
  formForFile,
  formForMapping,
  readMappingForm,
  yearFromDateOption,
  type MappingFormInput,
} from '../services/mapping.ts';
import { generateLvs, layoutMappings, toFlatCsv, toLayoutFile } from '../services/generator.ts';
import { parseGenerateArgs } from '../cli.ts';

const buf = (s: string) => Buffer.from(s, 'utf8');

const mapping: LvsMapping = {
  name: 'Proef',
  provider: 'iep',
  headers: ['Nr', 'Gr.', 'Toets', 'Afname', 'Jaar', 'VS'],
  columns: {
    leerlingsleutel: 'Nr',
    groep: 'Gr.',
    vakgebied: 'Toets',
    moment: 'Afname',
    schooljaar: 'Jaar',
    vaardigheidsscore: 'VS',
  },
  yearFromDate: false,
  values: {
    vakgebied: { 'RW-3': 'rekenen-wiskunde', 'WS-3': 'overslaan' },
    moment: { B: 'overslaan', midden: 'M' },
  },
};

test('a mapped file: columns by the mapping, codes translated, the provider from the mapping', () => {
  const r = parseMappedFile(
    buf(
      'Nr;Gr.;Toets;Afname;Jaar;VS\nK1;4;RW-3;M;2020/2021;45,5\nK2;4;rw-3;E;2020/2021;50\nK3;5;spelling;midden;2020/2021;120\n',
    ),
    mapping,
  );
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepEqual(
    r.rows.map((x) => [x.pupilKey, x.provider, x.subject, x.moment, x.yearStart, x.ability]),
    [
      ['K1', 'iep', 'rekenen-wiskunde', 'M', 2020, 45.5],
      ['K2', 'iep', 'rekenen-wiskunde', 'E', 2020, 50],
      ['K3', 'iep', 'spelling', 'M', 2020, 120],
    ],
  );
});

test('lines whose code the mapping skips are left out and counted per code; only skipped lines is refused', () => {
  const r = parseMappedFile(
    buf(
      'Nr;Gr.;Toets;Afname;Jaar;VS\nK1;4;RW-3;M;2020/2021;45\nK1;4;WS-3;M;2020/2021;40\nK1;4;RW-3;B;2020/2021;30\nK2;4;WS-3;E;2020/2021;1\n',
    ),
    mapping,
  );
  assert.ok(r.ok);
  assert.equal(r.rows.length, 1);
  assert.ok(
    r.warnings.includes(
      '3 regels zijn overgeslagen, zoals de koppeling zegt: vakgebied "WS-3" (2 regels) en moment "B" (1 regel).',
    ),
    r.warnings.join('\n'),
  );
  const all = parseMappedFile(buf('Nr;Gr.;Toets;Afname;Jaar;VS\nK1;4;WS-3;M;2020/2021;45\n'), mapping);
  assert.ok(!all.ok && /Alle 1 regels zijn overgeslagen/.test(all.fileProblem ?? ''));
});

test('a mapped file is checked like the flat format: unknown codes name the mapping, bad values and duplicates per line', () => {
  const r = parseMappedFile(
    buf(
      [
        'Nr;Gr.;Toets;Afname;Jaar;VS',
        'K1;4;RW-3;M;2020/2021;45',
        'K2;4;GYM;M;2020/2021;45',
        'K3;4;RW-3;X;2020/2021;45',
        'K4;4;RW-3;M;2020/2021;1200',
        'K5;9;RW-3;M;2020/2021;45',
        'K1;4;rekenen;M;2020/2021;47',
      ].join('\r\n'),
    ),
    mapping,
  );
  assert.ok(!r.ok);
  const at = (n: number) => r.problems.find((p) => p.line === n)?.reason ?? '';
  assert.match(at(3), /Onbekend vakgebied "GYM".*koppeling "Proef"/);
  assert.match(at(4), /moment "X".*koppeling "Proef"/);
  assert.match(at(5), /1200 valt buiten het bereik 0 tot en met 999/);
  assert.match(at(6), /groep "9"/);
  assert.match(at(7), /Dubbele regel.*regel 2/);
  assert.equal(r.problems.length, 5);
});

test('a provider column of the file wins over the mapping’s provider, through its own value map', () => {
  const m: LvsMapping = {
    ...mapping,
    headers: [...mapping.headers, 'Reeks'],
    columns: { ...mapping.columns, toetsaanbieder: 'Reeks' },
    values: { ...mapping.values, toetsaanbieder: { 'Reeks B': 'boom' } },
  };
  const r = parseMappedFile(
    buf(
      'Nr;Gr.;Toets;Afname;Jaar;VS;Reeks\nK1;4;RW-3;M;2020/2021;45;Reeks B\nK2;4;RW-3;M;2020/2021;45;dia\n',
    ),
    m,
  );
  assert.ok(r.ok);
  assert.deepEqual(
    r.rows.map((x) => x.provider),
    ['boom', 'dia'],
  );
});

test('the school year can come from the test date (1 August to 31 July) when the mapping says so', () => {
  const m: LvsMapping = {
    ...mapping,
    headers: ['Nr', 'Gr.', 'Toets', 'Afname', 'Datum', 'VS'],
    columns: {
      leerlingsleutel: 'Nr',
      groep: 'Gr.',
      vakgebied: 'Toets',
      moment: 'Afname',
      afnamedatum: 'Datum',
      vaardigheidsscore: 'VS',
    },
    yearFromDate: true,
  };
  const r = parseMappedFile(
    buf(
      'Nr;Gr.;Toets;Afname;Datum;VS\nK1;4;RW-3;M;25-01-2021;45\nK1;4;RW-3;E;31-07-2021;50\nK2;4;RW-3;M;;50\n',
    ),
    m,
  );
  assert.ok(!r.ok);
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0]!.reason, /leidt het af uit de afnamedatum, maar die is leeg/);
  const ok = parseMappedFile(
    buf('Nr;Gr.;Toets;Afname;Datum;VS\nK1;4;RW-3;M;25-01-2021;45\nK1;4;RW-3;E;01-08-2021;50\n'),
    m,
  );
  assert.ok(ok.ok);
  assert.deepEqual(
    ok.rows.map((x) => x.yearStart),
    [2020, 2021],
  );
});

test('a mapping naming a column the file lacks is refused with that column named', () => {
  const r = parseMappedFile(buf('Nr;Gr.;Toets;Afname;VS\nK1;4;RW-3;M;45\n'), mapping);
  assert.ok(
    !r.ok && /gebruikt de kolom "Jaar", maar die staat niet in het bestand/.test(r.fileProblem ?? ''),
  );
});

test('header matching: the same columns in another order, other case or with a name column match; another set does not', () => {
  const sig = headerSignature(mapping.headers);
  assert.equal(fileSignature(buf('VS;jaar;AFNAME;toets;gr;nr\n1;2;3;4;5;6\n')), sig);
  assert.equal(fileSignature(buf('\r\n\uFEFFNaam leerling;Nr;Gr.;Toets;Afname;Jaar;VS\r\nx\r\n')), sig);
  assert.equal(fileSignature(buf('Voornaam\tBSN\tNr\tGr.\tToets\tAfname\tJaar\tVS\n')), sig);
  assert.notEqual(fileSignature(buf('Nr;Gr.;Toets;Afname;Jaar;VS;Extra\n')), sig);
  assert.notEqual(fileSignature(buf('Nr;Gr.;Toets;Afname;VS\n')), sig);
  assert.equal(fileSignature(buf('')), null);
  assert.equal(fileSignature(buf('\n\n  \n')), null);
});

test('the mapping page’s profile never holds a value of a name or BSN column; codes are listed, keys are not', () => {
  const text = [
    'Voornaam;Achternaam;BSN;Nr;Gr.;Toets;Afname;Jaar;VS',
    ...Array.from(
      { length: 40 },
      (_, i) =>
        `Sanne${i};de Vries;12345678${i % 10};K${i};4;RW-3;${i % 2 ? 'M' : 'B'};2020/2021;${40 + i},5`,
    ),
  ].join('\n');
  const p = profileFile(buf(text), 'export.csv');
  assert.ok(p.ok);
  const json = JSON.stringify(p.profile);
  for (const secret of ['Sanne', 'Vries', '12345678']) assert.ok(!json.includes(secret), secret);
  assert.deepEqual(p.profile.dropped, ['Voornaam', 'Achternaam', 'BSN']);
  const of = (h: string) => p.profile.profiles.find((x) => x.header === h)!;
  assert.deepEqual(of('Afname').distinct, ['B', 'M']);
  assert.deepEqual(of('Toets').distinct, ['RW-3']);
  assert.equal(of('Nr').distinct, null, '40 different keys: not listed');
  assert.deepEqual(of('Nr').samples, [], 'keys are not scores or dates: not shown');
  assert.deepEqual(of('VS').samples, ['40,5', '41,5', '42,5']);
  assert.equal(p.profile.lines, 40);
});

test('the form for a file guesses the columns and lists the unknown codes to choose', () => {
  const p = profileFile(
    buf(
      'Naam;LVS-nr;Gr.;Toets;Afname;Jaar;Datum;VS;Niv.\nX;A1;4;RW-3;B;2020/2021;25-01-2021;45;III\nY;A2;4;rekenen;M;2020/2021;25-01-2021;45;III\n',
    ),
    'e.csv',
  );
  assert.ok(p.ok);
  const f = formForFile(p.profile);
  assert.deepEqual(f.kolommen, {
    leerlingsleutel: 'LVS-nr',
    groep: 'Gr.',
    vakgebied: 'Toets',
    moment: 'Afname',
    schooljaar: 'Jaar',
    afnamedatum: 'Datum',
    vaardigheidsscore: 'VS',
    niveau: 'Niv.',
  });
  assert.deepEqual(f.rows.vakgebied, [{ raw: 'RW-3', target: '' }], '"rekenen" is known');
  assert.deepEqual(f.rows.moment, [{ raw: 'B', target: '' }]);
  assert.deepEqual(f.rows.toetsaanbieder, []);
});

const input = (over: Partial<MappingFormInput> = {}): MappingFormInput => ({
  naam: 'Export A',
  aanbieder: 'cito',
  kolommen: {
    leerlingsleutel: 'LVS-nr',
    groep: 'Gr.',
    vakgebied: 'Toets',
    moment: 'Afname',
    schooljaar: 'Jaar',
    vaardigheidsscore: 'VS',
  },
  van: { toetsaanbieder: [], vakgebied: ['RW-3'], moment: ['B'] },
  naar: { toetsaanbieder: [], vakgebied: ['rekenen-wiskunde'], moment: ['overslaan'] },
  extra: {
    toetsaanbieder: { raw: '', target: '' },
    vakgebied: { raw: '', target: '' },
    moment: { raw: '', target: '' },
  },
  ...over,
});

test('reading the mapping form: a complete form gives the mapping and the header’s signature', () => {
  const p = profileFile(
    buf('LVS-nr;Gr.;Toets;Afname;Jaar;VS\nA1;4;RW-3;B;2020/2021;45\nA1;4;RW-3;M;2020/2021;45\n'),
    'e.csv',
  );
  assert.ok(p.ok);
  const r = readMappingForm(
    input({ extra: { ...input().extra, vakgebied: { raw: 'TL-3', target: 'technisch-lezen' } } }),
    {
      headers: p.profile.headers,
      profile: p.profile,
    },
  );
  assert.ok(r.ok, JSON.stringify(!r.ok && r.state.errors));
  assert.equal(r.signature, headerSignature(['LVS-nr', 'Gr.', 'Toets', 'Afname', 'Jaar', 'VS']));
  assert.deepEqual(r.mapping.values, {
    vakgebied: { 'RW-3': 'rekenen-wiskunde', 'TL-3': 'technisch-lezen' },
    moment: { B: 'overslaan' },
  });
  assert.equal(r.mapping.yearFromDate, false);
});

test('reading the mapping form: every mistake is named at its field, and the choices made are kept', () => {
  const p = profileFile(
    buf(
      'LVS-nr;Gr.;Toets;Afname;Jaar;VS;Datum\nA1;4;RW-3;B;2020/2021;45;1-1-2021\nA1;4;BL-3;M;2020/2021;45;1-1-2021\n',
    ),
    'e.csv',
  );
  assert.ok(p.ok);
  const ctx = { headers: p.profile.headers, profile: p.profile };
  const r = readMappingForm(
    input({
      naam: ' ',
      aanbieder: 'acme',
      kolommen: {
        leerlingsleutel: 'LVS-nr',
        groep: 'LVS-nr',
        vakgebied: 'Toets',
        moment: 'Afname',
        schooljaar: yearFromDateOption,
        vaardigheidsscore: 'Bestaat niet',
      },
      extra: { ...input().extra, moment: { raw: 'X', target: '' } },
    }),
    ctx,
  );
  assert.ok(!r.ok);
  const e = r.state.errors;
  assert.match(e.naam!, /Geef de koppeling een naam/);
  assert.match(e.aanbieder!, /Kies de toetsaanbieder/);
  assert.match(e['kolom-groep']!, /"LVS-nr" is al gekozen voor leerlingsleutel/);
  assert.match(e['kolom-vaardigheidsscore']!, /Kies een kolom die in het bestand staat/);
  assert.match(
    e['kolom-schooljaar']!,
    /alleen uit de afnamedatum komen als u ook de kolom met de afnamedatum kiest/,
  );
  // BL-3 is new in this column: it must be chosen; RW-3 keeps its choice.
  assert.deepEqual(r.state.rows.vakgebied, [
    { raw: 'BL-3', target: '' },
    { raw: 'RW-3', target: 'rekenen-wiskunde' },
  ]);
  assert.match(e['waarde-vakgebied-0']!, /Kies wat er met vakgebied of toets "BL-3" moet gebeuren/);
  assert.match(e['nieuw-moment-naar']!, /Kies wat er met "X" moet gebeuren/);
  assert.equal(r.state.extra.moment.raw, 'X');
  const missing = readMappingForm(input({ kolommen: { groep: 'Gr.' } }), ctx);
  assert.ok(!missing.ok);
  for (const k of ['leerlingsleutel', 'vakgebied', 'moment', 'vaardigheidsscore'])
    assert.ok(missing.state.errors[`kolom-${k}`], k);
  assert.equal(
    missing.state.errors['kolom-toetsaanbieder'],
    undefined,
    'the provider may come from the mapping',
  );
});

test('a saved mapping’s form shows its choices; with a new file of the same columns, its new codes are added', () => {
  const f = formForMapping(layoutMappings.a);
  assert.equal(f.rows.vakgebied.length, 5);
  assert.equal(f.kolommen.vakgebied, 'Toets');
  const p = profileFile(
    buf(
      'Naam leerling;LVS-nr;Gr.;Toets;Afname;Jaar;Datum;Goed;VS;Niv.;DLE\nX;A;4;RW-3;M;2020/2021;;;1;;\nX;A;4;NL-1;M;2020/2021;;;1;;\n',
    ),
    'e.csv',
  );
  assert.ok(p.ok);
  const g = formForMapping(layoutMappings.a, p.profile);
  assert.deepEqual(g.rows.vakgebied[0], { raw: 'NL-1', target: '' });
  assert.deepEqual(g.rows.vakgebied[1], { raw: 'RW-3', target: 'rekenen-wiskunde' });
  assert.ok(
    g.rows.vakgebied.some((r) => r.raw === 'WS-3' && r.target === 'overslaan'),
    'saved codes stay',
  );
});

test('generator layouts a and b: not the flat format; their mappings read every result and skip the extra lines', () => {
  const rows = generateLvs({ pupils: 60, fromYear: 2019, toYear: 2020, seed: 9 });
  const flat = parseLvsFile(Buffer.from(toFlatCsv(rows)));
  assert.ok(flat.ok);
  for (const layout of ['a', 'b'] as const) {
    const file = toLayoutFile(rows, layout);
    const asFlat = parseLvsFile(file);
    assert.ok(!asFlat.ok && /ontbreken verplichte kolommen/.test(asFlat.fileProblem ?? ''), layout);
    const r = parseMappedFile(file, layoutMappings[layout]);
    assert.ok(r.ok, layout);
    assert.equal(r.rows.length, rows.length, layout);
    // The same results as the flat file, line numbers aside (layout a has no referentieniveau).
    const key = (x: (typeof r.rows)[number]) =>
      [
        x.pupilKey,
        x.subject,
        x.yearStart,
        x.moment,
        x.ability,
        x.level,
        layout === 'a' ? '' : x.referenceLevel,
        x.testDate,
      ].join('|');
    const levelAE: Record<string, string> = { A: 'I', B: 'II', C: 'III', D: 'IV', E: 'V' };
    assert.deepEqual(
      r.rows.map((x) => key({ ...x, level: layout === 'b' ? levelAE[x.level!]! : x.level })).sort(),
      flat.rows.map(key).sort(),
      layout,
    );
    assert.ok(
      r.warnings.some((w) => /weggelaten/.test(w)),
      `${layout}: the name column is dropped`,
    );
    assert.ok(
      r.warnings.some((w) => /overgeslagen/.test(w)),
      `${layout}: extra lines skipped`,
    );
    assert.equal(fileSignature(file), headerSignature(layoutMappings[layout].headers), layout);
    const p = profileFile(file, 'x.csv');
    assert.ok(p.ok);
    assert.deepEqual(
      guessColumns(p.profile.headers),
      layoutMappings[layout].columns,
      `${layout}: guessed right`,
    );
  }
  // Layout b is Windows-1252: the en dash is one byte (0x96), and decoding gives it back.
  const b = toLayoutFile(rows, 'b');
  assert.ok(b.includes(Buffer.from([0x96])));
  assert.ok(!b.includes(Buffer.from('–', 'utf8')));
  const r = parseMappedFile(b, layoutMappings.b);
  assert.ok(r.ok && r.encoding === 'windows-1252' && r.delimiter === ',');
});

test('generate-lvs --indeling takes plat, a or b and refuses anything else', () => {
  assert.equal((parseGenerateArgs(['--indeling', 'a']) as { layout: string }).layout, 'a');
  assert.equal((parseGenerateArgs(['--indeling=b']) as { layout: string }).layout, 'b');
  assert.equal((parseGenerateArgs([]) as { layout: string }).layout, 'plat');
  assert.equal(parseGenerateArgs(['--indeling', 'cito']), '--indeling verwacht plat, a of b (niet "cito").');
});
