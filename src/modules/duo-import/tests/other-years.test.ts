// Official files of other years than the shipped ones, in their published layouts, go into the
// tables keyed by their own date: VO pupils per onderwijstype from 2023 on (INSTELLINGSCODE,
// full VESTIGINGSCODE, a samenwerkingsverband column, erkende opleidingscode), VO pupils per
// vestiging en bestuur (quoted), and CBS school scores of another year (also with the header a
// row lower).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachEngine } from '../../../../test/support/db.ts';
import { importCbsFile, importDuoFile, linkScores } from '../services/importer.ts';
import { parseCbsScores } from '../services/parse/cbs.ts';
import { cbsTable1, workbook } from './test-workbook.ts';

const today = '2026-11-28';
const schools = Buffer.from(
  'PROVINCIE;BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;PLAATSNAAM;GEMEENTENUMMER;GEMEENTENAAM;DENOMINATIE;ONDERWIJSSTRUCTUUR\r\n' +
    'Noord-Holland;13556;21AB;21AB00;Barlaeus Gymnasium;AMSTERDAM;0363;AMSTERDAM;Openbaar;VWO\r\n' +
    'Noord-Holland;13556;21AC;21AC00;Praktijkschool;AMSTERDAM;0363;AMSTERDAM;Openbaar;PRO\r\n',
  'latin1',
);
const counts = (n: number) => Array.from({ length: 12 }, (_, i) => (i === 0 ? n : 0)).join(';');
const vo2023 =
  'INSTELLINGSCODE;VESTIGINGSCODE;INSTELLINGSNAAM VESTIGING;PLAATSNAAM VESTIGING;PROVINCIE VESTIGING;SAMENWERKINGSVERBAND PASSEND ONDERWIJS VO;ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR;VMBO SECTOR;AFDELING;ERKENDE OPLEIDINGSCODE;OPLEIDINGSNAAM;LEER- OF VERBLIJFSJAAR 1 - MAN;LEER- OF VERBLIJFSJAAR 1 - VROUW;LEER- OF VERBLIJFSJAAR 2 - MAN;LEER- OF VERBLIJFSJAAR 2 - VROUW;LEER- OF VERBLIJFSJAAR 3 - MAN;LEER- OF VERBLIJFSJAAR 3 - VROUW;LEER- OF VERBLIJFSJAAR 4 - MAN;LEER- OF VERBLIJFSJAAR 4 - VROUW;LEER- OF VERBLIJFSJAAR 5 - MAN;LEER- OF VERBLIJFSJAAR 5 - VROUW;LEER- OF VERBLIJFSJAAR 6 - MAN;LEER- OF VERBLIJFSJAAR 6 - VROUW\r\n' +
  `21AB;21AB00;Barlaeus;AMSTERDAM;Noord-Holland;VO2701;Brugjaar 1-2;N.v.t.;N.v.t.;0024;Ljvb;${counts(120)}\r\n` +
  `21AB;21AB00;Barlaeus;AMSTERDAM;Noord-Holland;VO2701;VWO 3-6;N.v.t.;N.v.t.;0025;VWO;${counts(400)}\r\n` +
  `21AC;21AC00;Praktijkschool;AMSTERDAM;Noord-Holland;VO2701;Praktijkonderwijs alle vj;N.v.t.;N.v.t.;0090;PRO;${counts(80)}\r\n`;
const perVestiging2022 =
  '"BEVOEGD GEZAG NUMMER";"INSTELLINGSCODE";"VESTIGINGSCODE";"INSTELLINGSNAAM VESTIGING";"PLAATSNAAM";"GEMEENTENUMMER";"GEMEENTENAAM";"PROVINCIE";"AANTAL LEERLINGEN";"AANTAL VO LEERLINGEN UITBESTEED AAN VAVO"\r\n' +
  '"13556";"21AB";"21AB00";"Barlaeus Gymnasium";"AMSTERDAM";"0363";"Amsterdam";"Noord-Holland";515;"<5"\r\n' +
  '"13556";"21AC";"21AC00";"Praktijkschool";"AMSTERDAM";"0363";"Amsterdam";"Noord-Holland";81;"0"\r\n';

test('a CBS table of another year with one title row more still finds its header', () => {
  const rows = cbsTable1([['00AP00', 100, 33.02]]);
  const p = parseCbsScores(workbook({ 'Tabel 1': [['Titel'], ...rows] }), {
    fileName: 'achterstandsscores_scholen_2022.xlsx',
  });
  assert.equal(p.peildatum, '2022-10-01');
  assert.deepEqual(
    p.scores.map((s) => [s.line, s.code, s.scoreHundredths]),
    [[7, '00AP00', 3302]],
  );
});

eachEngine('duo-import files of other years', (database) => {
  test('VO pupils of 2023 (new layout) and 2022 (per vestiging) and CBS scores of 2021 are stored under their own dates', async () => {
    const db = database().db;
    await importDuoFile(db, schools, { fileName: 'vestigingen-vo.csv', peildatum: '2026-01-01', today });
    const a = await importDuoFile(db, Buffer.from(vo2023, 'latin1'), {
      fileName: '01.-leerlingen-vo-per-vestiging-naar-onderwijstype-2023.csv',
      today,
    });
    assert.deepEqual([a.problems, a.peildatum], [[], '2023-10-01']);
    const b = await importDuoFile(db, Buffer.from(perVestiging2022, 'latin1'), {
      fileName: '03.-leerlingen-vo-per-vestiging-en-bestuur-(vavo-apart)-2022.csv',
      today,
    });
    assert.deepEqual([b.problems, b.peildatum], [[], '2022-10-01']);
    const c = await importCbsFile(
      db,
      workbook({
        'Tabel 1': cbsTable1([
          ['21AB00', 515, 0],
          ['21AC00', 81, 12.5],
        ]),
      }),
      { fileName: 'achterstandsscores-scholen-2021.xlsx', today },
    );
    assert.deepEqual([c.scoresStored, c.scoresWithoutSchool, c.peildatum], [2, 0, '2021-10-01']);
    await linkScores(db);
    const pupils = await db
      .selectFrom('pupil_count as p')
      .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
      .select(['o.code', 'p.teldatum', 'p.category', 'p.pupils'])
      .execute();
    // Sorted here: the engines' collations order 'totaal' and 'VO_ALG' differently.
    assert.deepEqual(
      pupils
        .map((p) => [p.code, p.teldatum, p.category, p.pupils])
        .sort((x, y) => (x.join() < y.join() ? -1 : 1)),
      [
        ['21AB00', '2022-10-01', 'totaal', 515],
        ['21AB00', '2023-10-01', 'VO_ALG', 520],
        ['21AB00', '2023-10-01', 'VO_PRO_VBO34', 0],
        ['21AB00', '2023-10-01', 'totaal', 520],
        ['21AC00', '2022-10-01', 'totaal', 81],
        ['21AC00', '2023-10-01', 'VO_ALG', 0],
        ['21AC00', '2023-10-01', 'VO_PRO_VBO34', 80],
        ['21AC00', '2023-10-01', 'totaal', 80],
      ],
    );
    const scores = await db
      .selectFrom('achterstandsscore')
      .select(['vestigingscode', 'peildatum', 'score_hundredths'])
      .where('organisation_id', 'is not', null)
      .orderBy('vestigingscode')
      .execute();
    assert.deepEqual(
      scores.map((s) => [s.vestigingscode, s.peildatum, s.score_hundredths]),
      [
        ['21AB00', '2021-10-01', 0],
        ['21AC00', '2021-10-01', 1250],
      ],
    );
  });
});
