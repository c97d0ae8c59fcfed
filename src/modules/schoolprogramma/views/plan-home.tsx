// The plan's home page: without a plan, what a schoolprogramma is (and for the school leader a
// button to start one); with a plan, the introduction, the goals, the interventions (withdrawn
// ones marked) and a status line leading to the budget, the spending and the versions.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { RenderedOnce } from '../../../platform/http/rendered-once.tsx';
import { Alert, Button, CsrfField, Heading, Link, Paragraph } from '../../../ui/components.tsx';
import { ConfirmLink } from '../../../ui/confirm-page.tsx';
import { formatDate, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { GoalRow } from '../repository/goals.ts';
import type { PlanInterventionRow } from '../repository/plan-interventions.ts';
import type { FocusPointRef } from '../repository/plan-links.ts';
import { planBase } from './base.ts';
import { GoalDetails } from './goal-form.tsx';
import { InterventionDetails, withdrawnText } from './intervention-details.tsx';
import { planCrumbs, type SchoolRef } from './plan-parts.tsx';
import { ConsentStatusLine } from './consent-status.tsx';
import type { ConsentStatus } from '../services/consent-state.ts';

export interface PlanHomeData {
  intro: string;
  goals: GoalRow[];
  interventions: (PlanInterventionRow & { withdrawn: boolean })[];
  focusPoints: FocusPointRef[];
  /** Where the plan stands with the MR (services/consent-state.ts). */
  consent: Pick<ConsentStatus, 'sentence' | 'pending' | 'versions'>;
  /** The latest evaluation decision per plan intervention id. */
  decisions: Map<number, { decision: string | null; evaluated_on: string }>;
}

const decisionWords: Record<string, string> = {
  doorgaan: 'doorgaan',
  bijstellen: 'bijstellen',
  stoppen: 'stoppen',
};

function WhatItIs() {
  return (
    <section aria-labelledby="wat-is-het" class="npo-card npo-stack">
      <Heading level={2} id="wat-is-het">
        Wat is een schoolprogramma?
      </Heading>
      <Paragraph>
        In het schoolprogramma legt de school vast wat ze met het geld van het Nationaal Programma Onderwijs
        doet. Het bouwt op de schoolscan: welke aandachtspunten zag het team, welke doelen stelt de school
        daarbij, en welke interventies van de menukaart zet ze in.
      </Paragraph>
      <ul class="utrecht-unordered-list">
        <li>
          per interventie: voor welke leerlingen, wanneer, wie verantwoordelijk is en hoe de school nagaat of
          het werkt;
        </li>
        <li>
          wat het kost per schooljaar, en wat er echt is uitgegeven (het geld mag tot en met 31 juli 2025
          worden besteed);
        </li>
        <li>
          de medezeggenschapsraad (MR) moet instemmen met het schoolprogramma en met elke gewijzigde versie.
        </li>
      </ul>
      <Paragraph>
        Het schoolprogramma is voor de school, het team, de MR en het bestuur. De school stuurt het niet naar
        het ministerie, DUO of de inspectie.
      </Paragraph>
    </section>
  );
}

export function PlanHomePage({
  ctx,
  school,
  plan,
  canEdit,
  notice,
  noticeType = 'ok',
}: {
  ctx: ViewContext;
  school: SchoolRef;
  /** Null when the school has not started its plan. */
  plan: PlanHomeData | null;
  canEdit: boolean;
  notice?: string;
  /** 'ok' after something was done; 'info' for guidance (e.g. start the plan first). */
  noticeType?: 'ok' | 'info';
}) {
  const base = planBase(school.id);
  return (
    <Layout ctx={ctx} title={`Schoolprogramma ${school.name}`} breadcrumbs={planCrumbs(school)}>
      <Heading level={1}>Schoolprogramma {school.name}</Heading>
      {notice && <Alert type={noticeType}>{notice}</Alert>}
      {!plan ? (
        <>
          <Paragraph lead>Deze school heeft nog geen schoolprogramma op het platform.</Paragraph>
          <WhatItIs />
          {canEdit ? (
            <form method="post" action={`${base}/starten`} novalidate>
              <CsrfField token={ctx.csrfToken()} />
              <Button>Schoolprogramma starten</Button>
            </form>
          ) : (
            <Paragraph>De schoolleider start het schoolprogramma. Daarna kunt u het hier lezen.</Paragraph>
          )}
        </>
      ) : (
        // The same for every viewer of this state of the plan: rendered once (routes/plan.tsx).
        <RenderedOnce
          owner={plan}
          name={String(canEdit)}
          render={() => <PlanContents base={base} schoolId={school.id} plan={plan} canEdit={canEdit} />}
        />
      )}
    </Layout>
  );
}

function PlanContents({
  base,
  schoolId,
  plan,
  canEdit,
}: {
  base: string;
  schoolId: number;
  plan: PlanHomeData;
  canEdit: boolean;
}) {
  const withdrawn = plan.interventions.filter((i) => i.withdrawn).length;
  return (
    <>
      <ConsentStatusLine schoolId={schoolId} status={plan.consent} canSubmit={canEdit} />
      <nav aria-label="Onderdelen van het schoolprogramma" class="npo-card">
        <Paragraph>
          {formatNumber(plan.goals.length)} {plan.goals.length === 1 ? 'doel' : 'doelen'},{' '}
          {formatNumber(plan.interventions.length)}{' '}
          {plan.interventions.length === 1 ? 'interventie' : 'interventies'}
          {withdrawn ? ` (waarvan ${formatNumber(withdrawn)} ingetrokken uit de menukaart)` : ''}. Verder:{' '}
          <Link href={`${base}/begroting`}>begroting</Link> · <Link href={`${base}/uitgaven`}>uitgaven</Link>{' '}
          · <Link href={`${base}/versies`}>versies en instemming van de MR</Link>
        </Paragraph>
      </nav>
      <section aria-labelledby="inleiding" class="npo-stack">
        <Heading level={2} id="inleiding">
          Inleiding
        </Heading>
        {plan.intro ? (
          plan.intro.split(/\n{2,}/).map((p, i) => <Paragraph key={i}>{p}</Paragraph>)
        ) : (
          <Paragraph>Er is nog geen inleiding geschreven.</Paragraph>
        )}
        {canEdit && (
          <Paragraph>
            <Link href={`${base}/inleiding`}>Inleiding bewerken</Link>
          </Paragraph>
        )}
      </section>
      <section aria-labelledby="doelen" class="npo-stack">
        <Heading level={2} id="doelen">
          Doelen
        </Heading>
        {plan.goals.length === 0 && <Paragraph>Er zijn nog geen doelen.</Paragraph>}
        {plan.goals.map((g, n) => (
          <article
            key={g.id}
            id={`doel-${g.id}`}
            class="npo-card npo-stack"
            aria-labelledby={`doel-${g.id}-kop`}
          >
            <Heading level={3} id={`doel-${g.id}-kop`}>
              Doel {n + 1}: bereikt op {formatDate(g.due_on)}
            </Heading>
            <GoalDetails goal={g} focusPoints={plan.focusPoints} />
            {canEdit && (
              <Paragraph>
                <Link href={`${base}/doelen/${g.id}`}>Doel {n + 1} wijzigen</Link>{' '}
                <ConfirmLink href={`${base}/doelen/${g.id}/verwijderen`}>
                  Doel {n + 1} verwijderen
                </ConfirmLink>
              </Paragraph>
            )}
          </article>
        ))}
        {canEdit && (
          <Paragraph>
            <Link href={`${base}/doelen/nieuw`}>Doel toevoegen</Link>
          </Paragraph>
        )}
      </section>
      <section aria-labelledby="interventies" class="npo-stack">
        <Heading level={2} id="interventies">
          Interventies
        </Heading>
        {plan.interventions.length === 0 && <Paragraph>Er zijn nog geen interventies gekozen.</Paragraph>}
        {plan.interventions.map((i) => (
          <article
            key={i.id}
            id={`interventie-${i.id}`}
            class="npo-card npo-stack"
            aria-labelledby={`interventie-${i.id}-kop`}
          >
            <Heading level={3} id={`interventie-${i.id}-kop`}>
              {i.code} {i.name}
            </Heading>
            <Paragraph>
              Categorie {i.category_code}
              {i.category_name ? `: ${i.category_name}` : ''}
              {i.withdrawn && (
                <>
                  {' '}
                  · <strong class="npo-withdrawn">{withdrawnText}</strong>: ze blijft in het schoolprogramma,
                  maar kan niet opnieuw worden gekozen.
                </>
              )}
            </Paragraph>
            <InterventionDetails intervention={i} focusPoints={plan.focusPoints} goals={plan.goals} />
            <Paragraph>
              <Link href={`${base}/interventies/${i.id}/begroting`}>Begroting van {i.code}</Link> ·{' '}
              <Link href={`${base}/interventies/${i.id}/evaluatie`}>Evaluatie van {i.code}</Link>
              {plan.decisions.get(i.id)?.decision
                ? ` (laatste besluit: ${decisionWords[plan.decisions.get(i.id)!.decision!]}, ${formatDate(plan.decisions.get(i.id)!.evaluated_on)})`
                : ''}
            </Paragraph>
            {canEdit && (
              <Paragraph>
                <Link href={`${base}/interventies/${i.id}`}>{i.code} wijzigen</Link>{' '}
                <ConfirmLink href={`${base}/interventies/${i.id}/verwijderen`}>
                  {i.code} verwijderen
                </ConfirmLink>
              </Paragraph>
            )}
          </article>
        ))}
        {canEdit && (
          <Paragraph>
            <Link href={`${base}/interventies/nieuw`}>Interventie toevoegen</Link>
          </Paragraph>
        )}
      </section>
    </>
  );
}
