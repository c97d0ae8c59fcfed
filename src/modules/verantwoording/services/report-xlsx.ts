// The annual report as a workbook (platform/xlsx): one sheet per table of the page — the schools, money
// per school and category (the figures DUO's XBRL portal asks per school), per category, the
// evaluations and the board's texts. Money goes in as euro numbers with a euro number format.
import { euros, Workbook } from '../../../platform/xlsx/workbook.ts';
import type { ReportFigures } from './report-figures.ts';
import { textItems, type Texts } from './report-texts.ts';
import { categoriesWords, consentWords, scanWords } from './report-words.ts';
import type { TextMeta } from './report-text.ts';

export async function reportWorkbook(f: ReportFigures, texts: Texts, meta: TextMeta): Promise<Buffer> {
  const wb = await Workbook.create(`Verantwoording NP Onderwijs ${f.year}: ${meta.boardName}`);
  wb.sheet(
    'Scholen',
    [
      { header: 'School', width: 36 },
      { header: 'Brinnummer', width: 12 },
      { header: 'Schoolscan', width: 18 },
      { header: 'Categorieën', width: 16 },
      { header: 'Interventies', width: 12 },
      { header: 'Instemming MR', width: 40 },
      { header: 'Evaluaties', width: 12 },
      { header: 'Gepland', width: 16, money: true },
      { header: 'Uitgegeven', width: 16, money: true },
      { header: 'Uitgegeven aan PNIL', width: 18, money: true },
    ],
    f.schools.map((s) => [
      s.name,
      s.code,
      scanWords(s),
      categoriesWords(s),
      s.interventions,
      consentWords(s),
      s.evaluations,
      euros(s.plannedTotal),
      euros(s.spentTotal),
      euros(s.externalSpentCents),
    ]),
  );
  wb.sheet(
    'Per school en categorie',
    [
      { header: 'School', width: 36 },
      { header: 'Brinnummer', width: 12 },
      { header: 'Categorie', width: 10 },
      { header: 'Gepland', width: 16, money: true },
      { header: 'Uitgegeven', width: 16, money: true },
    ],
    f.schools.flatMap((s) =>
      f.categories.map((c) => [
        s.name,
        s.code,
        c.code,
        euros(s.plannedCents[c.code] ?? 0),
        euros(s.spentCents[c.code] ?? 0),
      ]),
    ),
  );
  wb.sheet(
    'Per categorie',
    [
      { header: 'Categorie', width: 10 },
      { header: 'Naam', width: 40 },
      { header: 'Scholen', width: 10 },
      { header: 'Interventies', width: 12 },
      { header: 'Gepland', width: 16, money: true },
      { header: 'Uitgegeven', width: 16, money: true },
    ],
    [
      ...f.perCategory.map((c) => [
        c.code,
        f.categories.find((x) => x.code === c.code)?.name ?? '',
        c.schools,
        c.interventions,
        euros(c.plannedCents),
        euros(c.spentCents),
      ]),
      ['Totaal', '', null, null, euros(f.totals.plannedCents), euros(f.totals.spentCents)],
    ],
  );
  wb.sheet(
    'Evaluaties',
    [
      { header: 'School', width: 30 },
      { header: 'Interventie', width: 36 },
      { header: 'Datum', width: 12 },
      { header: 'Besluit', width: 12 },
      { header: 'Resultaten', width: 80 },
    ],
    f.evaluations.map((e) => [e.school, `${e.code} ${e.name}`, e.evaluatedOn, e.decision ?? '', e.results]),
  );
  wb.sheet(
    'Toelichting bestuur',
    [
      { header: 'Onderdeel', width: 40 },
      { header: 'Tekst', width: 100 },
    ],
    textItems.map((i) => [i.label, texts[i.key]]),
  );
  return wb.bytes();
}
