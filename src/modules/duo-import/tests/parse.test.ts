// Parsing DUO and CBS files: both DUO layouts, encodings, '<5', blanks, municipality codes,
// wrong kinds, missing columns and bad counts (with line numbers). No database.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readCsv } from '../services/parse/csv.ts';
import { decodeText } from '../../../platform/input/text-file.ts';
import {
  DuoFileError,
  municipalityCode,
  parseDuoFile,
  vestigingscode,
  voCategory,
} from '../services/parse/parse.ts';
import { parseCbsScores, toHundredths } from '../services/parse/cbs.ts';
import { openDataDir } from '../services/shipped.ts';

const file = (p: string) => fs.readFileSync(path.join(openDataDir, p));
const cp1252 = (s: string) => Buffer.from(s, 'latin1'); // the test texts use only latin-1 characters
const utf8bom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]);

const poHeaderNew =
  'PROVINCIE;BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM;GEMEENTENUMMER;GEMEENTENAAM;DENOMINATIE;TELEFOONNUMMER;INTERNETADRES';
const historyHeader =
  'INSTELLINGSCODE;VESTIGINGSCODE;NAAM_VESTIGING;SOORT_VESTIGING;DENOMINATIE_VESTIGING;BEVOEGD_GEZAG_NUMMER;GEMEENTECODE_VESTIGING;GEMEENTENAAM_VESTIGING;LEERLINGEN_2019;LEERLINGEN_2020;LEERLINGEN_2021';

test('the current DUO layout (INSTELLINGSCODE/VESTIGINGSCODE, Windows-1252, CRLF) is read by header name', () => {
  const p = parseDuoFile(file('duo/02.-alle-schoolvestigingen-basisonderwijs.csv'));
  assert.equal(p.kind, 'vestigingen-po');
  assert.equal(p.encoding, 'windows-1252');
  assert.equal(p.schools.length, 6122);
  assert.equal(p.problems.length, 0);
  const s = p.schools.find((x) => x.code === '32JK00')!;
  assert.deepEqual(
    {
      board: s.boardCode,
      inst: s.instellingscode,
      name: s.name,
      mun: s.municipalityCode,
      place: s.place,
      sector: s.sector,
    },
    {
      board: '20091',
      inst: '32JK',
      name: 'BBS de Verwondering',
      mun: '1699',
      place: 'ALTEVEER GEM NOORDENVELD',
      sector: 'BO',
    },
  );
  // A quoted name with doubled quotes.
  assert.equal(p.schools.find((x) => x.code === '00AR00')!.name, 'Basisschool "De Maasparel"');
});

test('the old DUO layout (BRIN NUMMER/VESTIGINGSNUMMER, LF) gives the same records', () => {
  const bo = parseDuoFile(file('duo/alle-vestigingen-bo.csv'));
  assert.equal(bo.kind, 'vestigingen-po');
  assert.equal(bo.schools.length, 6268);
  assert.equal(bo.schools[0]!.code, '16AH00');
  assert.equal(bo.schools[0]!.municipalityCode, '0114');
  const vo = parseDuoFile(file('duo/alle-vestigingen-vo.csv'));
  assert.equal(vo.kind, 'vestigingen-vo');
  assert.equal(vo.schools.length, 1619);
  assert.equal(vo.schools[0]!.sector, 'VO');
  assert.equal(vo.schools[0]!.onderwijsstructuur, 'PRO');
  // Blank-as-space fields (telephone, website) become empty, not ' '.
  assert.equal(vo.schools.find((s) => s.code === '18BR01')!.denomination, 'Openbaar');
});

test('Windows-1252 and UTF-8 with BOM give the same text', () => {
  const text = 'Coöperatie ’t Ëiland';
  assert.equal(decodeText(Buffer.from(new TextEncoder().encode(text))).encoding, 'utf-8');
  const win = Buffer.from([0x43, 0x6f, 0xf6, 0x70, 0x20, 0x92, 0x74]); // "Coöp ’t" in cp1252
  assert.deepEqual(decodeText(win), { text: 'Coöp ’t', encoding: 'windows-1252' });
  assert.deepEqual(decodeText(utf8bom('Coöp ’t')), { text: 'Coöp ’t', encoding: 'utf-8' });
  const row = `${poHeaderNew}\r\nZeeland;12345;99ZZ;99ZZ00;Basisschool Eiland van Coöperatie;Dorpsstraat;1;4321 AB;BRÜCKE;0654;BORSELE;Openbaar; ; \r\n`;
  const a = parseDuoFile(cp1252(row));
  const b = parseDuoFile(utf8bom(row));
  assert.equal(a.encoding, 'windows-1252');
  assert.equal(b.encoding, 'utf-8');
  assert.deepEqual(a.schools, b.schools);
  assert.equal(a.schools[0]!.name, 'Basisschool Eiland van Coöperatie');
  assert.equal(a.schools[0]!.place, 'BRÜCKE');
});

test('the pupil history: UTF-8 with BOM, "<5", blanks, unpadded municipality codes', () => {
  const p = parseDuoFile(file('duo/06.-historisch-overzicht-aantal-leerlingen-per-schoolvestiging.csv'));
  assert.equal(p.kind, 'leerlingen-po-historie');
  assert.equal(p.encoding, 'utf-8');
  assert.equal(p.problems.length, 0);
  const wereldwijs = p.pupils.find((x) => x.code === '00AP00' && x.teldatum === '2020-10-01')!;
  assert.equal(wereldwijs.pupils, 103);
  assert.ok(
    p.pupils.some((x) => x.belowFive && x.pupils === null),
    'some counts are "<5"',
  );
  const school = p.pupilSchools.find((s) => s.code === '00AO00')!;
  assert.equal(school.municipalityCode, '0285');
  assert.equal(school.sector, 'VSO');

  const small = parseDuoFile(
    utf8bom(
      `${historyHeader}\r\n11AA;11AA00;De Kleine;SBO;Openbaar;123;285;VOORST;<5; ;7\r\n11AB;11AB00;Groot;SO/VSO;Openbaar;123; 637;ZOETERMEER;10;11;12\r\n`,
    ),
  );
  assert.deepEqual(
    small.pupils.filter((x) => x.code === '11AA00').map((x) => [x.teldatum, x.pupils, x.belowFive]),
    [
      ['2019-10-01', null, true],
      ['2021-10-01', 7, false],
    ],
  );
  assert.equal(small.pupilSchools[1]!.municipalityCode, '0637');
  assert.equal(small.pupilSchools[1]!.sector, 'SO');
});

test('municipality codes in any width become four digits', () => {
  assert.equal(municipalityCode('285'), '0285');
  assert.equal(municipalityCode(' 637'), '0637');
  assert.equal(municipalityCode('0106'), '0106');
  assert.equal(municipalityCode('1699'), '1699');
  assert.equal(municipalityCode(''), null);
  assert.equal(municipalityCode('12345'), null);
  assert.equal(vestigingscode('00ah', '0'), '00AH00');
  assert.equal(vestigingscode('00AH', '00AH01'), '00AH01');
  assert.equal(vestigingscode('00AH', 'x'), null);
});

test('a file of the wrong kind is refused as a whole, naming what it is', () => {
  const pupils = file('duo/06.-historisch-overzicht-aantal-leerlingen-per-schoolvestiging.csv');
  assert.throws(
    () => parseDuoFile(pupils, { expected: 'scholen' }),
    (e: unknown) =>
      e instanceof DuoFileError &&
      e.line === 1 &&
      /leerlingenbestand/.test(e.message) &&
      /scholenbestand/.test(e.message),
  );
  const scores = file('cbs/achterstandsscores-scholen-2019.xlsx');
  assert.throws(() => parseDuoFile(scores), DuoFileError);
  assert.throws(
    () => parseCbsScores(file('duo/alle-vestigingen-vo.csv'), { year: 2019 }),
    /geen Excel-bestand/,
  );
  assert.throws(() => parseDuoFile(Buffer.from('a;b;c\n1;2;3\n')), /herkennen we niet/);
  assert.throws(() => parseDuoFile(Buffer.from('')), /leeg/);
});

test('a missing column is named, with line 1', () => {
  const header = poHeaderNew.replace('VESTIGINGSNAAM;', '');
  assert.throws(
    () =>
      parseDuoFile(
        cp1252(
          `${header}\r\nZeeland;12345;99ZZ;99ZZ00;Dorpsstraat;1;4321 AB;BORSSELE;0654;BORSELE;Openbaar; ; \r\n`,
        ),
      ),
    (e: unknown) => e instanceof DuoFileError && e.line === 1 && /"VESTIGINGSNAAM"/.test(e.message),
  );
  assert.throws(
    () => parseDuoFile(utf8bom(historyHeader.replace('SOORT_VESTIGING;', '') + '\r\n')),
    (e: unknown) => e instanceof DuoFileError && /"SOORT VESTIGING"/.test(e.message),
  );
});

test('a non-numeric count rejects that row with its line number and reason; the rest is kept', () => {
  const p = parseDuoFile(
    utf8bom(
      `${historyHeader}\r\n11AA;11AA00;Een;BO;Openbaar;123;285;VOORST;1;2;3\r\n\r\n11AB;11AB00;Twee;BO;Openbaar;123;285;VOORST;1;twaalf;3\r\n11AC;11AC00;Drie;XX;Openbaar;123;285;VOORST;1;2;3\r\n`,
    ),
  );
  assert.deepEqual(p.problems, [
    {
      line: 4,
      reason:
        'Het aantal leerlingen "twaalf" in kolom LEERLINGEN_2020 is geen getal (verwacht: een getal of "<5").',
    },
    { line: 5, reason: 'De soort vestiging "XX" kennen we niet (verwacht: BO, SBO, SO, VSO of SO/VSO).' },
  ]);
  assert.deepEqual([...new Set(p.pupils.map((x) => x.code))], ['11AA00']);
  const short = parseDuoFile(cp1252(`${poHeaderNew}\nZeeland;12345;99ZZ\n`));
  assert.match(short.problems[0]!.reason, /3 kolommen in plaats van 14/);
  assert.equal(short.problems[0]!.line, 2);
});

test('quoted fields may hold separators and doubled quotes; a quote left open is an error on its own line', () => {
  const read = readCsv('a;b\n"x;y";"regel\nnieuw"\n"z""q";2\n');
  assert.deepEqual(read.records, [
    { line: 1, fields: ['a', 'b'] },
    { line: 4, fields: ['z"q', '2'] },
  ]);
  assert.deepEqual(
    read.problems.map((p) => p.line),
    [2, 3],
  );
  assert.equal(read.dataLines, 3);
});

test('VO pupils by onderwijstype: the suffix-only vestigingsnummer and the two funding categories', () => {
  const p = parseDuoFile(file('duo/leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv'), {
    fileName: 'leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv',
  });
  assert.equal(p.kind, 'leerlingen-vo-onderwijstype');
  const cats = p.pupils.filter((x) => x.code === '19EO00');
  assert.ok(cats.length === 3 && cats.every((x) => x.teldatum === '2019-10-01'));
  const total = cats.find((c) => c.category === 'totaal')!.pupils!;
  const alg = cats.find((c) => c.category === 'VO_ALG')!.pupils!;
  const pro = cats.find((c) => c.category === 'VO_PRO_VBO34')!.pupils!;
  assert.equal(alg + pro, total);
  assert.equal(voCategory('Praktijkonderwijs alle vj'), 'VO_PRO_VBO34');
  assert.equal(voCategory('VMBO KL lj 3-4'), 'VO_PRO_VBO34');
  assert.equal(voCategory('VMBO TL lj 3-4'), 'VO_ALG');
  assert.equal(voCategory('Brugjaar 1-2'), 'VO_ALG');
  assert.throws(
    () =>
      parseDuoFile(file('duo/leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv'), {
        fileName: 'leerlingen.csv',
      }),
    /welk jaar/,
  );
});

test('CBS achterstandsscores: header on row 4, BRIN6 codes, exact hundredths', () => {
  const p = parseCbsScores(file('cbs/achterstandsscores-scholen-2019.xlsx'), {
    fileName: 'achterstandsscores-scholen-2019.xlsx',
  });
  assert.equal(p.peildatum, '2019-10-01');
  assert.equal(p.scores.length, 6295);
  assert.equal(p.scores.filter((s) => s.scoreHundredths > 0).length, 2555);
  assert.equal(
    p.scores.reduce((a, s) => a + s.scoreHundredths, 0),
    56_173_612,
  ); // 561,736.12 as CBS sums it
  assert.equal(
    p.scores.reduce((a, s) => a + (s.pupils ?? 0), 0),
    1_396_457,
  );
  assert.deepEqual(p.scores[0], {
    line: 6,
    code: '00AP00',
    pupils: 100,
    scoreHundredths: 3302,
    unthresholdedHundredths: 10262,
  });
  assert.equal(toHundredths('33.020000000000003'), 3302);
  assert.equal(toHundredths('41.2'), 4120);
  assert.equal(toHundredths('x'), null);
});

test('the SBO/(V)SO school file and the quoted VO pupil file (layouts from the DUO documentation)', () => {
  const header =
    'SOORT PRIMAIR ONDERWIJS;PROVINCIE;BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM;GEMEENTENUMMER;GEMEENTENAAM;DENOMINATIE;TELEFOONNUMMER;INTERNETADRES;CLUSTER;ONDERWIJS';
  const p = parseDuoFile(
    cp1252(
      `${header}\r\nSBO;Utrecht;111;11AA;11AA00;SBO De Brug;Laan;1;1234 AB;UTRECHT;0344;UTRECHT;Openbaar; ; ; ; \r\n(V)SO;Utrecht;111;11AB;11AB00;De Ster;Laan;2;1234 AB;UTRECHT;344;UTRECHT;Openbaar; ; ;4;VSO ZMOK\r\n(V)SO;Utrecht;111;11AC;11AC00;Het Anker;Laan;3;1234 AB;UTRECHT;344;UTRECHT;Openbaar; ; ;3;SO ZMLK + VSO ZMLK\r\n`,
    ),
  );
  assert.equal(p.kind, 'vestigingen-sbo-so-vso');
  assert.deepEqual(p.snapshotSectors, ['SBO', 'SO', 'VSO']);
  assert.deepEqual(
    p.schools.map((s) => [s.code, s.sector, s.municipalityCode]),
    [
      ['11AA00', 'SBO', '0344'],
      ['11AB00', 'VSO', '0344'],
      ['11AC00', 'SO', '0344'],
    ],
  );
  const vo = parseDuoFile(
    cp1252(
      '"BEVOEGD GEZAG NUMMER";"INSTELLINGSCODE";"VESTIGINGSCODE";"INSTELLINGSNAAM VESTIGING";"PLAATSNAAM";"GEMEENTENUMMER";"GEMEENTENAAM";"PROVINCIE";"AANTAL LEERLINGEN";"AANTAL VO LEERLINGEN UITBESTEED AAN VAVO"\r\n"13556";"21AB";"21AB00";"Barlaeus Gymnasium";"AMSTERDAM";"0363";"Amsterdam";"Noord-Holland";803;"<5"\r\n"13556";"21AC";"21AC00";"Klein";"AMSTERDAM";"0363";"Amsterdam";"Noord-Holland";"<5";"0"\r\n',
    ),
    { fileName: '03.-leerlingen-vo-per-vestiging-en-bestuur-(vavo-apart)-2025.csv' },
  );
  assert.equal(vo.kind, 'leerlingen-vo-vestiging');
  assert.deepEqual(
    vo.pupils.map((x) => [x.code, x.teldatum, x.pupils, x.belowFive]),
    [
      ['21AB00', '2025-10-01', 803, false],
      ['21AC00', '2025-10-01', null, true],
    ],
  );
});
