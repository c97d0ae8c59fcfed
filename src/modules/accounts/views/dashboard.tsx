// The dashboard: one section per membership, headed by the organisation and the role, with the
// key figures of that organisation as cards first and then the next actions of every provider.
import type { ViewContext } from '../../../ui/context.ts';
import { Alert, Heading, Link, Paragraph } from '../../../ui/components.tsx';
import { FigureCards } from '../../../ui/figure-cards.tsx';
import { format } from '../../../platform/i18n/i18n.ts';
import { dashboardText } from '../messages.ts';
import type { DashboardAction, DashboardFigure } from '../../../platform/dashboard.ts';
import { Page } from './page-parts.tsx';
import { dashboardSectionText } from './dashboard-text.ts';

export interface DashboardSection {
  key: string;
  title: string;
  figures: DashboardFigure[];
  actions: DashboardAction[];
}

export function DashboardPage({
  ctx,
  sections,
  waiting,
  mustEnrol,
}: {
  ctx: ViewContext;
  sections: DashboardSection[];
  waiting: string[];
  mustEnrol: boolean;
}) {
  const t = dashboardText(ctx.locale);
  const s2 = dashboardSectionText(ctx.locale);
  // The modules' figures and actions are written in Dutch: on the English page they say so.
  const moduleLang = ctx.locale === 'nl' ? undefined : 'nl';
  return (
    <Page ctx={ctx} title={t.title} translated>
      <Heading level={1}>{t.title}</Heading>
      {mustEnrol && (
        <Alert type="warning">
          {t.mustEnrolBefore} <Link href="/account/tweestapsverificatie">{t.mustEnrolLink}</Link>{' '}
          {t.mustEnrolAfter}
        </Alert>
      )}
      {waiting.length > 0 && !mustEnrol && (
        <Alert type="info">{format(t.waiting, { roles: waiting.join(', ') })}</Alert>
      )}
      {sections.length === 0 && <Paragraph>{t.noRoles}</Paragraph>}
      {sections.map((s) => (
        <section key={s.key} class="npo-stack" aria-labelledby={`sectie-${s.key}`}>
          <Heading level={2} id={`sectie-${s.key}`}>
            {s.title}
          </Heading>
          {s.figures.length > 0 && (
            <FigureCards
              figures={s.figures}
              level={3}
              label={`${s2.figures}: ${s.title}`}
              lang={moduleLang}
            />
          )}
          {s.figures.length > 0 && <Heading level={3}>{s2.actions}</Heading>}
          {s.actions.length === 0 ? (
            <Paragraph>{t.nothing}</Paragraph>
          ) : (
            <ul class="npo-actions" lang={moduleLang}>
              {s.actions.map((a) => (
                <li key={a.href + a.label}>
                  <Link href={a.href}>{a.label}</Link>
                  {a.urgent && <strong> {t.urgent}</strong>}
                  {a.description && <div class="npo-action-description">{a.description}</div>}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </Page>
  );
}
