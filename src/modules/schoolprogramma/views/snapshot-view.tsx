// A frozen plan (a snapshot) as HTML: the introduction, goals, interventions and budget. Used by
// the version page and by the submit page (which shows what will be frozen).
import type { Crumb } from '../../../ui/layout.tsx';
import { Alert, DataSummary, Heading, Paragraph, Table } from '../../../ui/components.tsx';
import { formatCents, formatDate } from '../../../platform/i18n/i18n.ts';
import { costTypeLabels, type PlanSnapshot } from '../services/snapshot.ts';
import { interventionTitle } from '../services/diff.ts';
import { planBase } from './base.ts';

export interface SchoolRef {
  id: number;
  name: string;
}

export function consentCrumbs(school: SchoolRef, extra: Crumb[]): Crumb[] {
  return [
    { href: '/overzicht', label: 'Overzicht' },
    { href: planBase(school.id), label: `Schoolprogramma ${school.name}` },
    ...extra,
  ];
}

const list = (xs: (string | number)[]) => (xs.length ? xs.join(', ') : '–');

/** The whole snapshot, its sections under headings of `level`. */
export function SnapshotView({ snapshot: s, level = 2 }: { snapshot: PlanSnapshot; level?: 2 | 3 }) {
  const sub = (level + 1) as 3 | 4;
  const focus = (ids: number[]) =>
    list(ids.map((id) => s.focusPoints.find((f) => f.id === id)?.label ?? `Aandachtspunt ${id}`));
  const yearOf = (id: number) => s.schoolYears.find((y) => y.id === id)?.label ?? '';
  const lines = s.budget.filter((l) => l.plannedCents !== 0 || l.committedCents !== 0);
  return (
    <div class="npo-stack">
      <section aria-labelledby="inleiding" class="npo-stack">
        <Heading level={level} id="inleiding">
          Inleiding
        </Heading>
        <Paragraph>{s.intro.trim() || 'De school heeft geen inleiding geschreven.'}</Paragraph>
      </section>
      <section aria-labelledby="doelen" class="npo-stack">
        <Heading level={level} id="doelen">
          Doelen
        </Heading>
        {s.goals.length ? (
          <Table
            caption="Doelen van het schoolprogramma"
            rows={s.goals}
            rowKey={(g) => g.id}
            columns={[
              { header: 'Doel', cell: (g) => g.what },
              { header: 'Voor wie', cell: (g) => g.forWhom },
              { header: 'Bereikt op', cell: (g) => formatDate(g.dueOn) },
              { header: 'Hoe gemeten', cell: (g) => g.measure },
              { header: 'Aandachtspunten', cell: (g) => focus(g.focusPointIds) },
            ]}
          />
        ) : (
          <Paragraph>Deze versie heeft geen doelen.</Paragraph>
        )}
      </section>
      <section aria-labelledby="interventies" class="npo-stack">
        <Heading level={level} id="interventies">
          Interventies
        </Heading>
        {s.interventions.map((i) => (
          <div class="npo-card npo-stack" key={i.id}>
            <Heading level={sub}>{interventionTitle(i)}</Heading>
            {i.withdrawn && (
              <Alert type="warning">
                Deze interventie is van de menukaart gehaald. Ze blijft in het plan staan omdat de school haar
                eerder koos.
              </Alert>
            )}
            <DataSummary
              items={[
                { key: 'Categorie', value: `${i.categoryCode}. ${i.categoryName}` },
                { key: 'Groepen', value: list(i.grades) },
                { key: 'Aantal leerlingen', value: String(i.pupils) },
                { key: 'Periode', value: `${formatDate(i.startsOn)} tot en met ${formatDate(i.endsOn)}` },
                { key: 'Verantwoordelijk', value: i.responsible },
                { key: 'Aanpak', value: i.approach || '–' },
                { key: 'Professionalisering', value: i.professionalDevelopment || '–' },
                { key: 'Evaluatie', value: i.evaluationPlan || '–' },
                { key: 'Aandachtspunten', value: focus(i.focusPointIds) },
                {
                  key: 'Doelen',
                  value: list(i.goalIds.map((id) => s.goals.find((g) => g.id === id)?.what ?? `Doel ${id}`)),
                },
              ]}
            />
          </div>
        ))}
      </section>
      <section aria-labelledby="begroting" class="npo-stack">
        <Heading level={level} id="begroting">
          Begroting
        </Heading>
        {lines.length ? (
          <Table
            caption="Geplande en vastgelegde kosten per interventie, schooljaar en kostensoort"
            rows={lines}
            rowKey={(l) => `${l.planInterventionId}-${l.schoolYearId}-${l.costType}`}
            columns={[
              {
                header: 'Interventie',
                cell: (l) => {
                  const i = s.interventions.find((x) => x.id === l.planInterventionId);
                  return i ? interventionTitle(i) : '';
                },
              },
              { header: 'Schooljaar', cell: (l) => yearOf(l.schoolYearId) },
              { header: 'Kostensoort', cell: (l) => costTypeLabels[l.costType] },
              { header: 'Gepland', numeric: true, cell: (l) => formatCents(l.plannedCents) },
              { header: 'Vastgelegd', numeric: true, cell: (l) => formatCents(l.committedCents) },
            ]}
          />
        ) : (
          <Paragraph>Deze versie heeft nog geen begroting.</Paragraph>
        )}
        <Table
          caption="Totaal gepland per schooljaar en kostensoort"
          rows={[
            ...s.totals.map((t) => ({
              key: `${t.schoolYearId}-${t.costType}`,
              year: yearOf(t.schoolYearId),
              type: costTypeLabels[t.costType],
              cents: t.plannedCents,
            })),
            { key: 'totaal', year: 'Totaal', type: 'Alle kostensoorten', cents: s.totalPlannedCents },
          ]}
          rowKey={(r) => r.key}
          columns={[
            { header: 'Schooljaar', cell: (r) => r.year },
            { header: 'Kostensoort', cell: (r) => r.type },
            { header: 'Gepland', numeric: true, cell: (r) => formatCents(r.cents) },
          ]}
        />
      </section>
    </div>
  );
}
