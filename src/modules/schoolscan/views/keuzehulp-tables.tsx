// The parts of the keuzehulp pages: the money block, the ranked and chosen tables, the choose
// form and the explanation of how interventions are ranked.
import type { ViewContext } from '../../../ui/context.ts';
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
import type { ChoiceRow, FocusPointRow } from '../repository/keuzehulp.ts';
import {
  type Budget,
  type Estimate,
  type FocusRanking,
  type MissingScore,
  type RankedItem,
} from '../services/keuzehulp.ts';
import { domainLabel } from '../services/keuzehulp-rules.ts';
import type { MenuInForce } from '../services/keuzehulp-choices.ts';
import { decimal } from './format.ts';
import { scanBase } from './scan.tsx';

export const keuzehulpBase = (schoolId: number, schoolYearId: number) =>
  `${scanBase(schoolId)}/${schoolYearId}/keuzehulp`;

export type Back = 'overzicht' | 'aandachtspunt';

export const severityText: Record<string, string> = {
  aandacht: 'Aandacht',
  zorg: 'Zorg',
  ernstig: 'Ernstig',
};

/** 'tot € 2.300,00', '€ 2.300,00 tot € 4.900,00' or 'meer dan € 34.500,00'. */
export function estimateText(e: Estimate | undefined): string {
  if (!e) return 'onbekend: de menukaart geeft geen kosten';
  if (e.highCents === null) return `meer dan ${formatCents(e.lowCents)}`;
  if (e.lowCents === 0) return `tot ${formatCents(e.highCents)}`;
  return `${formatCents(e.lowCents)} tot ${formatCents(e.highCents)}`;
}

const missingWords: Record<MissingScore, string> = { effect: 'effect', bewijs: 'bewijs', kosten: 'kosten' };

export function scoreCell(r: RankedItem) {
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

export const fpTitle = (fp: FocusPointRow) =>
  `${domainLabel(fp.domain)}${fp.grades.length ? `, groep ${fp.grades.join(', ')}` : ''}`;

export const benefitText = (fifths: number) => decimal(fifths / 5, 1);

export function BudgetBlock({ budget, yearLabel }: { budget: Budget; yearLabel: string }) {
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

export function ChooseForm({
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

export function RankedTable({
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

export function ChosenTable({
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

export function HowWeRank() {
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
