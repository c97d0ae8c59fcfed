// The keuzehulp pages: per scan (the money left, the suggestion across all focus points, and
// each focus point's best-fitting interventions) and per focus point (all fitting interventions,
// the support interventions, and what was chosen). Choosing and removing are plain forms.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, DataSummary, Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatCents, formatDate, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { SchoolYearRow } from '../repository/scans.ts';
import type { ChoiceRow, FocusPointRow } from '../repository/keuzehulp.ts';
import { type Budget, type FocusRanking, type Suggestion } from '../services/keuzehulp.ts';
import { menuSectorLabels, menuSectorOf } from '../services/keuzehulp-rules.ts';
import type { MenuInForce } from '../services/keuzehulp-choices.ts';
import { scanBase, scanCrumbs, type SchoolRef } from './scan.tsx';
import {
  BudgetBlock,
  ChosenTable,
  HowWeRank,
  RankedTable,
  fpTitle,
  keuzehulpBase,
  severityText,
} from './keuzehulp-tables.tsx';
import { SuggestionBlock } from './keuzehulp-suggestion.tsx';

export { keuzehulpBase };

export interface KeuzehulpView {
  points: FocusPointRow[];
  rankings: FocusRanking[];
  choices: ChoiceRow[];
  budget: Budget;
  suggestion: Suggestion;
}

function Intro({ menu, sector, editable }: { menu: MenuInForce; sector: string | null; editable: boolean }) {
  const s = sector ? menuSectorOf[sector] : undefined;
  return (
    <>
      <Paragraph lead>
        De keuzehulp zoekt bij elk aandachtspunt van de schoolscan de interventies van de menukaart die erbij
        passen, zet ze op volgorde en schat wat ze kosten voor de leerlingen om wie het gaat.
      </Paragraph>
      <Paragraph>
        Menukaart: {menu.version.title}
        {menu.version.validFrom ? `, geldig vanaf ${formatDate(menu.version.validFrom)}` : ''}. Sector:{' '}
        {s ? menuSectorLabels[s] : 'niet bekend, dus we tonen interventies voor alle sectoren'}.
        {editable ? ' Uw keuze gaat later mee naar het schoolprogramma.' : ''}
      </Paragraph>
    </>
  );
}

function ReadOnlyNote({ done }: { done: boolean }) {
  return done ? (
    <Alert type="info">
      De schoolscan is afgerond; de keuzes staan vast. De schoolleider kan de scan opnieuw openen om ze te
      veranderen.
    </Alert>
  ) : null;
}

export function KeuzehulpPage({
  ctx,
  school,
  sector,
  year,
  done,
  menu,
  view,
  notice,
  error,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  sector: string | null;
  year: SchoolYearRow;
  done: boolean;
  menu: MenuInForce;
  view: KeuzehulpView | null;
  notice?: string;
  error?: string;
}) {
  const base = keuzehulpBase(school.id, year.id);
  const editable = !done;
  return (
    <Layout
      ctx={ctx}
      title={`Keuzehulp ${year.label} ${school.name}`}
      breadcrumbs={scanCrumbs(school, [
        { href: `${scanBase(school.id)}/${year.id}`, label: year.label },
        { label: 'Keuzehulp' },
      ])}
    >
      <Heading level={1}>
        Keuzehulp {year.label} <span class="npo-brand__sub">{school.name}</span>
      </Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      {error && <Alert type="error">{error}</Alert>}
      <Intro menu={menu} sector={sector} editable={editable} />
      <ReadOnlyNote done={done} />
      {!view || view.points.length === 0 ? (
        <Paragraph>
          Deze schoolscan heeft nog geen aandachtspunten. Leg eerst in de schoolscan vast wat aandacht nodig
          heeft; daarna helpt de keuzehulp bij het kiezen van interventies.{' '}
          <Link href={`${scanBase(school.id)}/${year.id}`}>Terug naar de schoolscan</Link>
        </Paragraph>
      ) : (
        <>
          <BudgetBlock budget={view.budget} yearLabel={year.label} />
          <SuggestionBlock suggestion={view.suggestion} points={view.points} budget={view.budget} />
          <Heading level={2}>Per aandachtspunt</Heading>
          <HowWeRank />
          {view.rankings.map((r) => {
            const fp = view.points.find((p) => p.id === r.focusPoint.id)!;
            const chosen = new Set(
              view.choices.filter((c) => c.focusPointId === fp.id).map((c) => c.interventionId),
            );
            return (
              <section key={fp.id} aria-labelledby={`ap-${fp.id}`} class="npo-card npo-stack">
                <Heading level={3} id={`ap-${fp.id}`}>
                  {fpTitle(fp)}
                </Heading>
                <DataSummary
                  items={[
                    { key: 'Leerlingen', value: formatNumber(fp.pupils) },
                    { key: 'Zwaarte', value: severityText[fp.severity] ?? fp.severity },
                    { key: 'Doel', value: fp.goal },
                  ]}
                />
                <ChosenTable
                  ctx={ctx}
                  fp={fp}
                  choices={view.choices}
                  ranking={r}
                  base={base}
                  editable={editable}
                  menu={menu}
                  back="overzicht"
                />
                {r.categories.length === 0 ? (
                  <Paragraph>De keuzehulp kent het onderwerp van dit aandachtspunt niet.</Paragraph>
                ) : r.ranked.length === 0 ? (
                  <Paragraph>Er staat geen passende interventie voor uw sector op de menukaart.</Paragraph>
                ) : (
                  <RankedTable
                    ctx={ctx}
                    caption={`De ${Math.min(3, r.ranked.length)} best passende interventies voor ${fpTitle(fp)}`}
                    rows={r.ranked.slice(0, 3)}
                    base={base}
                    fp={fp}
                    chosen={chosen}
                    editable={editable}
                    mayChoose
                    back="overzicht"
                  />
                )}
                <Paragraph>
                  <Link href={`${base}/${fp.id}`}>
                    Alle {r.ranked.length} passende interventies voor {fpTitle(fp)}
                  </Link>
                </Paragraph>
              </section>
            );
          })}
        </>
      )}
    </Layout>
  );
}

export function FocusKeuzehulpPage({
  ctx,
  school,
  sector,
  year,
  done,
  menu,
  fp,
  ranking,
  choices,
  budget,
  notice,
  error,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  sector: string | null;
  year: SchoolYearRow;
  done: boolean;
  menu: MenuInForce;
  fp: FocusPointRow;
  ranking: FocusRanking;
  choices: ChoiceRow[];
  budget: Budget;
  notice?: string;
  error?: string;
}) {
  const base = keuzehulpBase(school.id, year.id);
  const editable = !done;
  const mine = choices.filter((c) => c.focusPointId === fp.id);
  const chosen = new Set(mine.map((c) => c.interventionId));
  const hasMain = mine.some((c) => ranking.ranked.some((r) => r.item.id === c.interventionId));
  const known = ranking.ranked.filter((r) => r.score !== null);
  const unknown = ranking.ranked.filter((r) => r.score === null);
  return (
    <Layout
      ctx={ctx}
      title={`Keuzehulp: ${fpTitle(fp)} (${year.label}, ${school.name})`}
      breadcrumbs={scanCrumbs(school, [
        { href: `${scanBase(school.id)}/${year.id}`, label: year.label },
        { href: base, label: 'Keuzehulp' },
        { label: fpTitle(fp) },
      ])}
    >
      <Heading level={1}>
        Keuzehulp: {fpTitle(fp)} <span class="npo-brand__sub">{school.name}</span>
      </Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      {error && <Alert type="error">{error}</Alert>}
      <Intro menu={menu} sector={sector} editable={editable} />
      <ReadOnlyNote done={done} />
      <DataSummary
        items={[
          { key: 'Leerlingen', value: formatNumber(fp.pupils) },
          { key: 'Zwaarte', value: severityText[fp.severity] ?? fp.severity },
          { key: 'Doel', value: fp.goal },
          {
            key: 'Geld over dit schooljaar',
            value:
              budget.remainingCents === null
                ? 'niet bekend'
                : `${formatCents(budget.remainingCents)}${budget.uncertain ? ' of minder' : ''}`,
          },
        ]}
      />
      <Heading level={2}>Gekozen</Heading>
      <ChosenTable
        ctx={ctx}
        fp={fp}
        choices={choices}
        ranking={ranking}
        base={base}
        editable={editable}
        menu={menu}
        back="aandachtspunt"
      />
      <Heading level={2}>Waarom deze categorieën</Heading>
      {ranking.categories.length === 0 ? (
        <Paragraph>
          De keuzehulp kent het onderwerp van dit aandachtspunt niet, dus er is geen lijst.
        </Paragraph>
      ) : (
        <Table
          caption="Categorieën van de menukaart die bij dit aandachtspunt passen"
          rows={[...ranking.categories, ...(ranking.supportRule ? [ranking.supportRule] : [])]}
          rowKey={(c) => c.code}
          columns={[
            { header: 'Categorie', cell: (c) => c.code },
            { header: 'Waarom', cell: (c) => c.reason },
          ]}
        />
      )}
      <Heading level={2}>Passende interventies</Heading>
      <HowWeRank />
      {known.length > 0 && (
        <RankedTable
          ctx={ctx}
          caption={`Interventies met een score, van hoog naar laag (${known.length})`}
          rows={known}
          base={base}
          fp={fp}
          chosen={chosen}
          editable={editable}
          mayChoose
          back="aandachtspunt"
        />
      )}
      {unknown.length > 0 && (
        <RankedTable
          ctx={ctx}
          caption={`Interventies zonder score, omdat de menukaart effect, bewijs of kosten niet noemt (${unknown.length})`}
          rows={unknown}
          base={base}
          fp={fp}
          chosen={chosen}
          editable={editable}
          mayChoose
          back="aandachtspunt"
        />
      )}
      {ranking.ranked.length === 0 && ranking.categories.length > 0 && (
        <Paragraph>Er staat geen passende interventie voor uw sector op de menukaart.</Paragraph>
      )}
      {ranking.support.length > 0 && (
        <>
          <Heading level={2}>Ondersteunend (categorie F)</Heading>
          <Paragraph>
            {hasMain
              ? 'Deze interventies mogen alleen ondersteunen naast de gekozen interventie uit A tot en met E.'
              : 'Deze interventies mogen alleen ondersteunen. Kies eerst een interventie uit A tot en met E; daarna kunt u hier een ondersteunende kiezen.'}
          </Paragraph>
          <RankedTable
            ctx={ctx}
            caption="Ondersteunende interventies (F)"
            rows={ranking.support}
            base={base}
            fp={fp}
            chosen={chosen}
            editable={editable}
            mayChoose={hasMain}
            back="aandachtspunt"
          />
        </>
      )}
      <Paragraph>
        <Link href={base}>Terug naar de keuzehulp</Link>
      </Paragraph>
    </Layout>
  );
}
