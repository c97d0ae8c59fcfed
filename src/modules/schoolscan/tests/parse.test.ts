// The flat LVS format: what the parser accepts (encodings, separators, decimal commas, Dutch
// dates) and what it refuses, per line or for the whole file; and that name and BSN columns
// are dropped with a warning before anything reads them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLvsFile, parseSchoolYear } from '../services/parse/lvs-parse.ts';
import { parseDutchDate, splitLine } from '../../../platform/input/text-file.ts';
import { checkLvsFile } from '../services/import.ts';
import { maxFileBytes } from '../services/parse/lvs-format.ts';
import { file, header, line } from './kit.ts';

const parse = (text: string | Buffer) =>
  parseLvsFile(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'));
const problemsOf = (text: string) => {
  const r = parse(text);
  assert.equal(r.ok, false);
  return r.ok ? [] : r.problems;
};

test('a correct file gives one row per line with decimal commas, Dutch dates and the school year', () => {
  const r = parse(
    file(
      line(),
      line({ leerlingsleutel: 'K2', moment: 'E', afnamedatum: '7-6-2021', vaardigheidsscore: '52.25' }),
    ),
  );
  assert.ok(r.ok);
  assert.equal(r.rows.length, 2);
  assert.deepEqual(
    { ...r.rows[0], line: r.rows[0]!.line },
    {
      line: 2,
      pupilKey: 'K1',
      grade: 4,
      provider: 'cito',
      subject: 'rekenen-wiskunde',
      yearStart: 2020,
      moment: 'M',
      testDate: '2021-01-25',
      rawScore: 31,
      ability: 45.5,
      level: 'III',
      referenceLevel: null,
      dle: 14,
    },
  );
  assert.equal(r.rows[1]!.ability, 52.25);
  assert.equal(r.rows[1]!.testDate, '2021-06-07');
  assert.equal(r.encoding, 'utf-8');
  assert.equal(r.delimiter, ';');
});

test('comma-separated with quoted decimal commas, a BOM, synonyms, Cito moments and a year with the moment', () => {
  const text =
    '\uFEFFLeerling ID,Jaargroep,Aanbieder,Leergebied,Toetsmoment,Vaardigheidsscore,Niveau\r\n' +
    'X9,groep 5,Cito,Begrijpend lezen,M5 2019-20,"61,5",ii\r\n' +
    'X9,5,IEP,spelling,E 2019/2020,120,B\r\n';
  const r = parse(text);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.delimiter, ',');
  assert.deepEqual(
    r.rows.map((x) => [x.grade, x.provider, x.subject, x.moment, x.yearStart, x.ability, x.level]),
    [
      [5, 'cito', 'begrijpend-lezen', 'M', 2019, 61.5, 'II'],
      [5, 'iep', 'spelling', 'E', 2019, 120, 'B'],
    ],
  );
});

test('Windows-1252 is read as such; tab-separated (pasted from a spreadsheet) works too', () => {
  const latin = Buffer.from(`${header}\r\n${line({ leerlingsleutel: 'Zoë-1' })}\r\n`, 'latin1');
  const r = parse(latin);
  assert.ok(r.ok);
  assert.equal(r.encoding, 'windows-1252');
  assert.equal(r.rows[0]!.pupilKey, 'Zoë-1');
  const tabbed = parse(`${header.replaceAll(';', '\t')}\n${line().replaceAll(';', '\t')}\n`);
  assert.ok(tabbed.ok);
  assert.equal(tabbed.delimiter, '\t');
});

test('missing required columns: the report lists what is missing and what was found', () => {
  const r = parse('leerlingsleutel;groep;vakgebied;score\nK1;4;rekenen;40\n');
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.fileProblem);
  const msg = !r.ok ? r.fileProblem! : '';
  assert.match(msg, /ontbreken verplichte kolommen: toetsaanbieder, moment en vaardigheidsscore/);
  assert.match(msg, /Gevonden kolommen: "leerlingsleutel", "groep", "vakgebied" en "score"/);
});

test('an empty file, a file with only blank lines and a file with only a header are refused', () => {
  for (const text of ['', '\r\n\r\n  \n']) {
    const r = parse(text);
    assert.ok(!r.ok && /leeg/.test(r.fileProblem ?? ''));
  }
  const r = parse(`${header}\r\n\r\n`);
  assert.ok(!r.ok && /geen regels met uitslagen/.test(r.fileProblem ?? ''));
  const none = checkLvsFile(null);
  assert.ok(!none.ok && /leeg/.test(none.fileProblem ?? ''));
});

test('a file over the size limit is refused before it is read, and says the limit', () => {
  const r = checkLvsFile({ name: 'groot.csv', data: Buffer.alloc(maxFileBytes + 1, 0x41) });
  assert.ok(!r.ok);
  assert.match(r.fileProblem ?? '', /groter dan 20 MB/);
  const flagged = checkLvsFile(null, true);
  assert.ok(!flagged.ok && /20 MB/.test(flagged.fileProblem ?? ''));
});

test('each bad value is reported with its line number and reason; nothing is returned as rows', () => {
  const problems = problemsOf(
    file(
      line(),
      line({ vakgebied: 'aardrijkskunde' }),
      line({ vaardigheidsscore: '1500' }),
      line({ vaardigheidsscore: '' }),
      line({ toetsaanbieder: 'acme' }),
      line({ groep: '9' }),
      line({ moment: 'begin' }),
      line({ schooljaar: '2020-2022' }),
      line({ afnamedatum: '31-02-2021' }),
      line({ afnamedatum: '25-01-2020' }),
      line({ niveau: 'F' }),
      line({ referentieniveau: '3F' }),
      line({ dle: '12,5' }),
      line({ ruwe_score: '-3' }),
      line({ leerlingsleutel: '' }),
      line(),
    ),
  );
  const at = (n: number) => problems.find((p) => p.line === n)?.reason ?? '';
  assert.match(at(3), /Onbekend vakgebied "aardrijkskunde"/);
  assert.match(at(4), /vaardigheidsscore 1500 valt buiten het bereik 0 tot en met 999/);
  assert.match(at(5), /vaardigheidsscore is leeg/);
  assert.match(at(6), /Onbekende toetsaanbieder "acme"/);
  assert.match(at(7), /groep "9"/);
  assert.match(at(8), /moment "begin"/);
  assert.match(at(9), /schooljaar "2020-2022"/);
  assert.match(at(10), /afnamedatum "31-02-2021" is geen datum/);
  assert.match(at(11), /valt niet in schooljaar 2020-2021/);
  assert.match(at(12), /niveau "F"/);
  assert.match(at(13), /referentieniveau "3F"/);
  assert.match(at(14), /DLE "12,5" is geen geheel getal/);
  assert.match(at(15), /ruwe score "-3"|ruwe score -3/i);
  assert.match(at(16), /leerlingsleutel is leeg/);
  // Line 17 repeats line 2: a duplicate, named with the first line.
  assert.match(at(17), /Dubbele regel.*regel 2/);
  assert.equal(problems.length, 15);
  assert.equal(at(2), '');
});

test('a Cito moment must match the group; a broken quote is reported on its own line', () => {
  const problems = problemsOf(
    file(line({ moment: 'M5' }), `"K3;4;cito;rekenen;M;2020-2021;;;40;;;`, line({ leerlingsleutel: 'K4' })),
  );
  assert.match(problems[0]!.reason, /hoort bij groep 5, maar de regel noemt groep 4/);
  assert.equal(problems[1]!.line, 3);
  assert.match(problems[1]!.reason, /aanhalingsteken/);
  assert.equal(problems.length, 2);
});

test('name and BSN columns are dropped with a warning, and their values never reach a row', () => {
  const text =
    'leerlingsleutel;Voornaam;Achternaam;BSN;Burgerservicenummer;naam leerling;groep;toetsaanbieder;vakgebied;moment;schooljaar;vaardigheidsscore;toetsnaam\n' +
    'K1;Sanne;de Vries;123456782;123456782;Sanne de Vries;4;cito;rekenen;M;2020-2021;40;RW2006\n';
  const r = parse(text);
  assert.ok(r.ok);
  const dropped = r.warnings.filter((w) => /namen of een persoonsnummer/.test(w));
  assert.equal(dropped.length, 5);
  for (const h of ['Voornaam', 'Achternaam', 'BSN', 'Burgerservicenummer', 'naam leerling'])
    assert.ok(
      dropped.some((w) => w.includes(`"${h}"`)),
      h,
    );
  assert.ok(r.warnings.some((w) => /"toetsnaam" wordt niet gebruikt/.test(w)));
  const everything = JSON.stringify(r.rows);
  for (const v of ['Sanne', 'Vries', '123456782']) assert.ok(!everything.includes(v), v);
});

test('a name column is dropped even when the file is refused for another reason', () => {
  const r = parse('naam;groep\nSanne;4\n');
  assert.ok(!r.ok);
  assert.ok(r.warnings.some((w) => w.includes('"naam"')));
  assert.ok(!(r.fileProblem ?? '').includes('"naam"'), 'the found columns leave the name column out');
});

test('helpers: Dutch dates, school years and quoted fields', () => {
  assert.equal(parseDutchDate('1-2-2021'), '2021-02-01');
  assert.equal(parseDutchDate('2021-02-29'), null);
  assert.equal(parseDutchDate('29/02/2020'), '2020-02-29');
  assert.equal(parseSchoolYear('2020-21'), 2020);
  assert.equal(parseSchoolYear('2020/2021'), 2020);
  assert.equal(parseSchoolYear('2020-2020'), null);
  assert.deepEqual(splitLine('a;"b;c";"d ""e"""', ';'), ['a', 'b;c', 'd "e"']);
  assert.equal(splitLine('a;"b', ';'), null);
});
