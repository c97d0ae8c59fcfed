// The keuzehulp pages: per scan (the money left, the suggestion across all focus points, and
// each focus point's best-fitting interventions) and per focus point (all fitting interventions,
// the support interventions, and what was chosen). Choosing and removing are plain forms.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  DataSummary,
  Heading,
  Link,
  Paragraph,
  Table,
} from '../../../ui/components.tsx';
import { formatCents, formatDate, formatNumber } from '../../../platform/i18n/i18n.ts';
import { checks, costBand, euros, evidenceLabel, formatEffect } from '../../menukaart/services/scales.ts';
import type { SchoolYearRow } from '../repository/scans.ts';
import type { ChoiceRow, FocusPointRow } from '../repository/keuzehulp.ts';
import {
  severityWeight,
  type Budget,
  type Estimate,
  type FocusRanking,
  type MissingScore,
  type RankedItem,
  type Suggestion,
} from '../services/keuzehulp.ts';
import { domainLabel, menuSectorLabels, menuSectorOf } from '../services/keuzehulp-rules.ts';
import type { MenuInForce } from '../services/keuzehulp-choices.ts';
import { decimal } from './format.ts';
import { scanBase, scanCrumbs, type SchoolRef } from './scan.tsx';

export const keuzehulpBase = (schoolId: number, schoolYearId: number) =>
  `${scanBase(schoolId)}/${schoolYearId}/keuzehulp`;

/** Which page a choice form returns to. */
type Back = 'overzicht' | 'aandachtspunt';

const severityText: Record<string, string> = { aandacht: 'Aandacht', zorg: 'Zorg', ernstig: 'Ernstig' };

/** 'tot € 2.300,00', '€ 2.300,00 tot € 4.900,00' or 'meer dan € 34.500,00'. */
export function estimateText(e: Estimate | undefined): string {
  if (!e) return 'onbekend: de menukaart geeft geen kosten';
  if (e.highCents === null) return `meer dan ${formatCents(e.lowCents)}`;
  if (e.lowCents === 0) return `tot ${formatCents(e.highCents)}`;
  return `${formatCents(e.lowCents)} tot ${formatCents(e.highCents)}`;
}

const missingWords: Record<MissingScore, string> = { effect: 'effect', bewijs: 'bewijs', kosten: 'kosten' };

function scoreCell(r: RankedItem) {
  if (r.score === null)
    return (
      <span>
        geen score
        <span class="npo-line-note">
          de menukaart geeft geen {r.missing.map((m) => missingWords[m]).join(' en ')}
        </span>
      </span>
    );
  return decimal(r.score, 2);
}

const fpTitle = (fp: FocusPointRow) =>
  `${domainLabel(fp.domain)}${fp.grades.length ? `, groep ${fp.grades.join(', ')}` : ''}`;

const benefitText = (fifths: number) => decimal(fifths / 5, 1);

function BudgetBlock({ budget, yearLabel }: { budget: Budget; yearLabel: string }) {
  return (
    <section aria-labelledby="geld" class="npo-stack">
      <Heading level={2} id="geld">
        Geld voor schooljaar {yearLabel}
      </Heading>
      <DataSummary
        items={[
          {
            key: 'Bedrag van uw school',
            value:
              budget.allocationCents === null
                ? 'Niet bekend: voor dit schooljaar is het bedrag van uw school (nog) niet berekend'
                : formatCents(budget.allocationCents),
          },
          { key: 'Gereserveerd door uw bestuur', value: formatCents(budget.reservedCents) },
          { key: 'Al gekozen (geschat)', value: formatCents(budget.chosenCents) },
          {
            key: 'Over',
            value:
              budget.remainingCents === null
                ? 'Niet te berekenen zonder het bedrag van uw school'
                : `${formatCents(budget.remainingCents)}${budget.uncertain ? ' of minder' : ''}`,
          },
        ]}
      />
      {budget.uncertain && (
        <Paragraph>
          Van een of meer gekozen interventies zijn de kosten onbekend of hebben ze geen bovengrens; er kan
          daardoor minder over zijn dan hier staat.
        </Paragraph>
      )}
      {budget.remainingCents !== null && budget.remainingCents < 0 && (
        <Alert type="warning">
          Er is meer gekozen dan er voor dit schooljaar over is. Kies goedkopere interventies, of betaal een
          deel uit ander geld.
        </Alert>
      )}
    </section>
  );
}

function ChooseForm({
  ctx,
  action,
  code,
  name,
  label,
  back,
  variant = 'secondary',
}: {
  ctx: ViewContext;
  action: string;
  code: string;
  name: string;
  label: string;
  back: Back;
  variant?: 'primary' | 'secondary' | 'subtle' | 'danger';
}) {
  return (
    <form method="post" action={action} class="npo-inline-form" novalidate>
      <CsrfField token={ctx.csrfToken()} />
      <input type="hidden" name="interventie" value={code} />
      <input type="hidden" name="terug" value={back} />
      <Button variant={variant}>
        {label}
        <span class="npo-visually-hidden">
          {' '}
          {code} {name}
        </span>
      </Button>
    </form>
  );
}

function RankedTable({
  ctx,
  caption,
  rows,
  base,
  fp,
  chosen,
  editable,
  mayChoose,
  back,
}: {
  back: Back;
  ctx: ViewContext;
  caption: string;
  rows: RankedItem[];
  base: string;
  fp: FocusPointRow;
  chosen: Set<number>;
  editable: boolean;
  mayChoose: boolean;
}) {
  return (
    <Table
      caption={caption}
      rows={rows}
      rowKey={(r) => r.item.id}
      columns={[
        {
          header: 'Interventie',
          cell: (r) => (
            <span>
              <Link href={`/menukaart/${r.item.code}`}>
                {r.item.code} {r.item.name}
              </Link>
              <span class="npo-line-note">Categorie {r.item.categoryCode}</span>
            </span>
          ),
        },
        { header: 'Effect', cell: (r) => formatEffect(r.item.effectMonths) },
        {
          header: 'Bewijs',
          cell: (r) =>
            r.item.evidence === null ? (
              'onbekend'
            ) : (
              <span>
                <span aria-hidden="true">{checks(r.item.evidence)}</span> {evidenceLabel(r.item.evidence)} (
                {r.item.evidence} van 5)
              </span>
            ),
        },
        {
          header: 'Kosten',
          cell: (r) =>
            r.item.cost === null ? (
              'onbekend'
            ) : (
              <span>
                <span aria-hidden="true">{euros(r.item.cost)}</span>{' '}
                {(costBand(r.item.cost)?.label ?? '').toLowerCase()} ({r.item.cost} van 5)
              </span>
            ),
        },
        { header: 'Score', numeric: true, cell: scoreCell },
        {
          header: `Schatting voor ${formatNumber(fp.pupils)} leerlingen per jaar`,
          cell: (r) => estimateText(r.estimate),
        },
        {
          header: 'Keuze',
          cell: (r) =>
            chosen.has(r.item.id) ? (
              <strong>Gekozen</strong>
            ) : editable && mayChoose ? (
              <ChooseForm
                ctx={ctx}
                action={`${base}/${fp.id}/kiezen`}
                code={r.item.code}
                name={r.item.name}
                label="Kiezen"
                back={back}
              />
            ) : (
              'Niet gekozen'
            ),
        },
      ]}
    />
  );
}

function ChosenTable({
  ctx,
  fp,
  choices,
  ranking,
  base,
  editable,
  menu,
  back,
}: {
  back: Back;
  ctx: ViewContext;
  fp: FocusPointRow;
  choices: ChoiceRow[];
  ranking: FocusRanking;
  base: string;
  editable: boolean;
  menu: MenuInForce;
}) {
  const mine = choices.filter((c) => c.focusPointId === fp.id);
  if (mine.length === 0)
    return <Paragraph>Voor dit aandachtspunt is nog geen interventie gekozen.</Paragraph>;
  const nameOf = (id: number) => menu.items.find((i) => i.id === id)?.name ?? '';
  const isSupport = (id: number) => ranking.support.some((s) => s.item.id === id);
  return (
    <Table
      caption={`Gekozen voor ${fpTitle(fp)}`}
      rows={mine}
      rowKey={(c) => c.interventionId}
      columns={[
        {
          header: 'Interventie',
          cell: (c) => (
            <span>
              {c.code} {nameOf(c.interventionId)}
              {isSupport(c.interventionId) && <span class="npo-line-note">Ondersteunend (F)</span>}
            </span>
          ),
        },
        {
          header: 'Geschat bedrag per jaar',
          numeric: true,
          cell: (c) => (c.estimatedCents === null ? 'onbekend' : formatCents(c.estimatedCents)),
        },
        {
          header: 'Gekozen',
          cell: (c) => `${formatDate(c.chosenAt)}${c.chosenByName ? ` door ${c.chosenByName}` : ''}`,
        },
        ...(editable
          ? [
              {
                header: 'Verwijderen',
                cell: (c: ChoiceRow) => (
                  <ChooseForm
                    ctx={ctx}
                    action={`${base}/${fp.id}/verwijderen`}
                    code={c.code}
                    name={nameOf(c.interventionId)}
                    label="Verwijderen"
                    back={back}
                    variant="subtle"
                  />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function HowWeRank() {
  return (
    <details class="npo-stack">
      <summary>Hoe de volgorde en de schattingen tot stand komen</summary>
      <Paragraph>
        De lijst toont alleen interventies van de menukaart die nu geldt, die bij het onderwerp van het
        aandachtspunt passen en die bedoeld zijn voor de sector van uw school. De score is: effect in maanden
        × bewijsgewicht (aantal vinkjes gedeeld door 5) ÷ aantal eurotekens. Een hogere score betekent meer
        effect, steviger bewijs of lagere kosten. Bij een gelijke score staat de goedkoopste eerst.
        Interventies waarvan de menukaart het effect, het bewijs of de kosten niet noemt, krijgen geen score;
        zij staan onderaan, in de volgorde van de menukaart. De score helpt bij het ordenen; hij zegt niet wat
        voor uw leerlingen het beste werkt.
      </Paragraph>
      <Paragraph>
        De schatting is het aantal leerlingen van het aandachtspunt × het bedrag per leerling per jaar dat bij
        het kostenniveau hoort. De menukaart schat kosten voor een klas van 25 leerlingen; de bedragen van
        niveau 2 tot en met 5 zijn afgeleid van de Engelse toolkit (EEF) en niet door het programma zelf
        gepubliceerd. Het hoogste niveau heeft geen bovengrens. Bij een keuze telt de bovenkant van de
        schatting mee (bij het hoogste niveau de ondergrens, dus het kan meer worden).
      </Paragraph>
    </details>
  );
}

function SuggestionBlock({
  suggestion,
  points,
  budget,
}: {
  suggestion: Suggestion;
  points: FocusPointRow[];
  budget: Budget;
}) {
  const title = (id: number) => {
    const fp = points.find((p) => p.id === id);
    return fp ? fpTitle(fp) : '';
  };
  return (
    <section aria-labelledby="voorstel" class="npo-stack">
      <Heading level={2} id="voorstel">
        Voorstel binnen het geld dat over is
      </Heading>
      {suggestion.status === 'budget-onbekend' ? (
        <Paragraph>
          Het bedrag van uw school voor dit schooljaar is niet bekend, dus we kunnen niet uitrekenen wat er
          binnen het geld past. De lijsten per aandachtspunt hieronder helpen u wel kiezen.
        </Paragraph>
      ) : suggestion.status === 'geen-budget' ? (
        <Paragraph>
          Er is voor dit schooljaar geen geld meer over ({formatCents(suggestion.remainingCents)}), dus we
          stellen niets extra voor. Wilt u iets anders kiezen? Verwijder dan eerst een keuze.
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            We zoeken de combinatie van hoogstens één interventie (uit A tot en met E) per aandachtspunt die
            samen de meeste opbrengst geeft en samen niet meer kost dan er over is (
            {formatCents(suggestion.budgetCents)}
            {budget.uncertain ? ' of minder' : ''}). Opbrengst = effect in maanden × aantal leerlingen ×
            bewijsgewicht (vinkjes ÷ 5) × zwaarte (aandacht {severityWeight.aandacht}, zorg{' '}
            {severityWeight.zorg}, ernstig {severityWeight.ernstig}). Als kosten telt de bovenkant van de
            schatting. Interventies uit categorie F stellen we niet voor: die mogen alleen ondersteunen naast
            een gekozen interventie.
          </Paragraph>
          {suggestion.picks.length === 0 ? (
            <Paragraph>
              Er is geen interventie die we binnen het geld kunnen voorstellen; zie hieronder waarom.
            </Paragraph>
          ) : (
            <Table
              caption="Voorgestelde interventies"
              rows={suggestion.picks}
              rowKey={(p) => p.focusPointId}
              columns={[
                { header: 'Aandachtspunt', cell: (p) => title(p.focusPointId) },
                { header: 'Interventie', cell: (p) => `${p.item.code} ${p.item.name}` },
                {
                  header: 'Opbrengst (gewogen leerlingmaanden)',
                  numeric: true,
                  cell: (p) => benefitText(p.benefitFifths),
                },
                { header: 'Kosten (hoogstens)', numeric: true, cell: (p) => formatCents(p.costCents) },
                {
                  header: 'Deel van wat over is',
                  numeric: true,
                  cell: (p) => `${Math.round((p.costCents / suggestion.budgetCents) * 100)} %`,
                },
              ]}
            />
          )}
          {suggestion.picks.length > 0 && (
            <Paragraph>
              Samen: opbrengst {benefitText(suggestion.totalBenefitFifths)}, kosten hoogstens{' '}
              {formatCents(suggestion.totalCents)} van {formatCents(suggestion.budgetCents)}; er blijft
              minstens {formatCents(suggestion.budgetCents - suggestion.totalCents)} over.
            </Paragraph>
          )}
          <Heading level={3}>Waarom</Heading>
          <ul class="utrecht-unordered-list">
            {suggestion.picks.map((p) => (
              <li key={`p${p.focusPointId}`} class="utrecht-unordered-list__item">
                {title(p.focusPointId)}: {p.item.code} {p.item.name}, omdat dit binnen het geld de meeste
                opbrengst geeft ({formatEffect(p.item.effectMonths)}, bewijs {p.item.evidence} van 5), voor
                hoogstens {formatCents(p.costCents)}.
                {p.betterButDearer &&
                  ` ${p.betterButDearer.item.code} ${p.betterButDearer.item.name} levert meer op (${benefitText(p.betterButDearer.benefitFifths)}), maar kost hoogstens ${formatCents(p.betterButDearer.costCents)}; dat past niet samen met de rest van het voorstel.`}
              </li>
            ))}
            {suggestion.leftOut.map((l) => (
              <li key={`l${l.focusPointId}`} class="utrecht-unordered-list__item">
                {title(l.focusPointId)}: niets voorgesteld,{' '}
                {l.reason === 'al-gekozen'
                  ? 'want u heeft hier al een interventie gekozen (de schatting ervan is al van het geld af).'
                  : l.reason === 'onbekend-domein'
                    ? 'want de keuzehulp kent het onderwerp van dit aandachtspunt niet.'
                    : l.reason === 'geen-passende'
                      ? 'want er staat geen passende interventie voor uw sector op de menukaart.'
                      : l.reason === 'geen-bekende-scores'
                        ? 'want van geen enkele passende interventie zijn effect, bewijs en kosten (met bovengrens) bekend. Kies zelf uit de lijst.'
                        : l.reason === 'te-duur'
                          ? `want zelfs de goedkoopste passende interventie (${l.cheapest!.item.code}, hoogstens ${formatCents(l.cheapest!.costCents)}) kost meer dan er over is.`
                          : `want het geld geeft bij de andere aandachtspunten meer opbrengst. De goedkoopste passende interventie hier (${l.cheapest!.item.code}) kost hoogstens ${formatCents(l.cheapest!.costCents)}.`}
              </li>
            ))}
          </ul>
          {suggestion.excluded.some((e) => e.reason === 'kosten-onbekend' || e.reason === 'kosten-open') && (
            <Paragraph>
              Niet meegenomen omdat de kosten onbekend zijn of geen bovengrens hebben:{' '}
              {[
                ...new Set(
                  suggestion.excluded.filter((e) => e.reason.startsWith('kosten')).map((e) => e.item.code),
                ),
              ].join(', ')}
              . Die kunt u wel zelf kiezen.
            </Paragraph>
          )}
          {suggestion.excluded.some((e) => e.reason === 'effect-of-bewijs-onbekend') && (
            <Paragraph>
              Niet meegenomen omdat de menukaart er geen effect of bewijs bij geeft:{' '}
              {[
                ...new Set(
                  suggestion.excluded
                    .filter((e) => e.reason === 'effect-of-bewijs-onbekend')
                    .map((e) => e.item.code),
                ),
              ].join(', ')}
              . Die kunt u wel zelf kiezen.
              {suggestion.excluded.some(
                (e) => e.reason === 'effect-of-bewijs-onbekend' && e.item.categoryCode === 'C',
              )
                ? ' Voor interventies voor welbevinden staat de sterkte van het bewijs niet op de menukaart, maar in de Databank Effectieve Jeugdinterventies.'
                : ''}
            </Paragraph>
          )}
          {!suggestion.exact && (
            <Alert type="warning">
              Er zijn zoveel mogelijkheden dat we niet alles hebben doorgerekend; dit is de beste combinatie
              die we vonden.
            </Alert>
          )}
          <Paragraph>Dit is een voorstel: u kiest zelf per aandachtspunt, in de lijsten hieronder.</Paragraph>
        </>
      )}
    </section>
  );
}

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
