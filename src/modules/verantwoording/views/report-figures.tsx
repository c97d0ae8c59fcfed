// The figures of an annual report as the page shows them: per school (scan, categories, MR
// consent, money), per category A–F, the PNIL share and the first results. Every table has a
// caption and header cells; the same words as the exports (services/report-words.ts).
import { DataSummary, Heading, Paragraph, Table } from '../../../ui/components.tsx';
import { formatCents, formatDate } from '../../../platform/i18n/i18n.ts';
import type { ReportFigures, SchoolFigures } from '../services/report-figures.ts';
import {
  categoriesWords,
  consentSummary,
  consentWords,
  evaluationSummary,
  plannedNote,
  pnilWords,
  scanSummary,
  scanWords,
} from '../services/report-words.ts';

const decisionLabel = { doorgaan: 'Doorgaan', bijstellen: 'Bijstellen', stoppen: 'Stoppen' } as const;

export function ReportFiguresView({ f }: { f: ReportFigures }) {
  const categoryName = (code: string) => f.categories.find((c) => c.code === code)?.name ?? '';
  return (
    <>
      <section aria-labelledby="scholen" class="npo-stack">
        <Heading level={2} id="scholen">
          Scholen
        </Heading>
        {f.schools.length === 0 ? (
          <Paragraph>Het bestuur had in {f.year} geen open scholen in het platform.</Paragraph>
        ) : (
          <>
            <Paragraph>
              {scanSummary(f)} {consentSummary(f)}
            </Paragraph>
            <Table
              caption={`Scholen in ${f.year}: schoolscan, gekozen categorieën, instemming van de MR en geld`}
              rows={f.schools}
              rowKey={(s) => s.id}
              columns={[
                { header: 'School', cell: (s: SchoolFigures) => (s.code ? `${s.name} (${s.code})` : s.name) },
                { header: 'Schoolscan', cell: scanWords },
                { header: 'Categorieën', cell: categoriesWords },
                { header: 'Instemming MR', cell: consentWords },
                { header: 'Gepland', numeric: true, cell: (s) => formatCents(s.plannedTotal) },
                { header: 'Uitgegeven', numeric: true, cell: (s) => formatCents(s.spentTotal) },
              ]}
            />
          </>
        )}
      </section>

      <section aria-labelledby="categorieen" class="npo-stack">
        <Heading level={2} id="categorieen">
          Interventies en geld per categorie
        </Heading>
        <Table
          caption={`Per categorie van de menukaart in ${f.year}`}
          rows={[...f.perCategory, null]}
          rowKey={(c) => c?.code ?? 'totaal'}
          columns={[
            { header: 'Categorie', cell: (c) => (c ? `${c.code} ${categoryName(c.code)}` : 'Totaal') },
            { header: 'Scholen', numeric: true, cell: (c) => (c ? String(c.schools) : '') },
            { header: 'Interventies', numeric: true, cell: (c) => (c ? String(c.interventions) : '') },
            {
              header: 'Gepland',
              numeric: true,
              cell: (c) => formatCents(c ? c.plannedCents : f.totals.plannedCents),
            },
            {
              header: 'Uitgegeven',
              numeric: true,
              cell: (c) => formatCents(c ? c.spentCents : f.totals.spentCents),
            },
          ]}
        />
        <Paragraph>{plannedNote}</Paragraph>
      </section>

      <section aria-labelledby="pnil" class="npo-stack">
        <Heading level={2} id="pnil">
          Personeel niet in loondienst (PNIL)
        </Heading>
        <Paragraph>{pnilWords(f)}</Paragraph>
      </section>

      <section aria-labelledby="resultaten" class="npo-stack">
        <Heading level={2} id="resultaten">
          Eerste resultaten
        </Heading>
        <Paragraph>{evaluationSummary(f)}</Paragraph>
        {f.evaluations.length > 0 && (
          <Table
            caption={`Evaluaties van de scholen in ${f.year}`}
            rows={f.evaluations}
            rowKey={(e) => `${e.school}|${e.code}|${e.evaluatedOn}|${e.results.slice(0, 20)}`}
            columns={[
              { header: 'School', cell: (e) => e.school },
              { header: 'Interventie', cell: (e) => `${e.code} ${e.name}` },
              { header: 'Datum', cell: (e) => formatDate(e.evaluatedOn) },
              {
                header: 'Besluit',
                cell: (e) => (e.decision ? decisionLabel[e.decision] : 'Nog geen besluit'),
              },
              { header: 'Resultaten', cell: (e) => e.results },
            ]}
          />
        )}
      </section>

      {f.boardPlan && (
        <section aria-labelledby="bovenschools-plan" class="npo-stack">
          <Heading level={2} id="bovenschools-plan">
            Bovenschools plan
          </Heading>
          <DataSummary
            items={[
              {
                key: 'Nieuwste versie',
                value: f.boardPlan.versionNumber
                  ? `Versie ${f.boardPlan.versionNumber}, ingediend op ${formatDate(f.boardPlan.submittedOn!)}`
                  : 'Nog geen versie ingediend',
              },
              {
                key: 'Besluit van de GMR',
                value:
                  f.boardPlan.decision === 'instemming'
                    ? `Instemming (${formatDate(f.boardPlan.meetingOn!)})`
                    : f.boardPlan.decision === 'geen-instemming'
                      ? `Geen instemming (${formatDate(f.boardPlan.meetingOn!)})`
                      : 'Nog geen besluit',
              },
              { key: 'Bovenschoolse interventies', value: String(f.boardPlan.interventions.length) },
            ]}
          />
        </section>
      )}
    </>
  );
}
