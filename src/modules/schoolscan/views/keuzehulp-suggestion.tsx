// The suggestion across all focus points: the set of interventions with the most expected benefit
// within the money left, with the reasoning shown.
import { Alert, Heading, Paragraph, Table } from '../../../ui/components.tsx';
import { formatCents } from '../../../platform/i18n/i18n.ts';
import { formatEffect } from '../../menukaart/services/scales.ts';
import type { FocusPointRow } from '../repository/keuzehulp.ts';
import { severityWeight, type Budget, type Suggestion } from '../services/keuzehulp.ts';
import { benefitText, fpTitle } from './keuzehulp-tables.tsx';

export function SuggestionBlock({
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
