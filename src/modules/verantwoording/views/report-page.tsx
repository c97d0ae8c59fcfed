// One year's annual report: the status, the figures (live while concept, frozen once confirmed),
// the board's texts (a form while concept, read-only once confirmed), the exports and the way to
// confirm or reopen. After a conflict the user's own input stays in the form and what is saved
// now is shown above it.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  ErrorSummary,
  FailedSubmitMessage,
  Heading,
  Link,
  Paragraph,
  TextArea,
  type FormState,
} from '../../../ui/components.tsx';
import { ConfirmLink } from '../../../ui/confirm-page.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { ReportState } from '../services/report.ts';
import { maxTextLength, textItems } from '../services/report-texts.ts';
import { ReportFiguresView } from './report-figures.tsx';
import { reportCrumbs, yearBase } from './report-base.ts';

export type ReportNotice = 'opgeslagen' | 'bevestigd' | 'heropend' | undefined;

const notices: Record<NonNullable<ReportNotice>, string> = {
  opgeslagen: 'Uw teksten zijn opgeslagen.',
  bevestigd: 'Het jaarverslag is bevestigd. De cijfers staan nu vast; u kunt het verslag downloaden.',
  heropend:
    'Het jaarverslag is heropend. De cijfers worden weer uit het platform gehaald tot u opnieuw bevestigt.',
};

export function ReportPage({
  ctx,
  board,
  state,
  form,
  notice,
  conflict,
  failure,
  unsaved,
}: {
  ctx: ViewContext;
  board: { id: number; name: string };
  state: ReportState;
  /** The texts form as typed (after a refused save) or as saved. */
  form: FormState;
  notice?: ReportNotice;
  /** Someone else saved in between: the texts as they are saved now. */
  conflict?: Record<string, string>;
  /** One message for a refused confirmation that has no field to point at. */
  failure?: string;
  /** Texts typed while someone else confirmed the report: shown so nothing typed is lost. */
  unsaved?: Record<string, string>;
}) {
  const { figures: f, year } = state;
  const base = yearBase(board.id, year);
  const title = `Jaarverslag ${year}`;
  return (
    <Layout ctx={ctx} title={`${title} ${board.name}`} breadcrumbs={reportCrumbs(board.id, title)}>
      <Heading level={1}>{title}: verantwoording van het Nationaal Programma Onderwijs</Heading>
      {failure && <FailedSubmitMessage>{failure}</FailedSubmitMessage>}
      {notice && <Alert type="ok">{notices[notice]}</Alert>}
      {state.confirmed ? (
        <Paragraph lead>
          {board.name} heeft dit verslag bevestigd op {formatDateTime(state.row!.confirmed_at!)}. De cijfers
          hieronder staan vast zoals ze toen waren.
        </Paragraph>
      ) : (
        <Paragraph lead>
          Concept. De cijfers komen uit de schoolprogramma’s en schoolscans van uw scholen en veranderen mee
          tot u het verslag bevestigt. Vul hieronder de teksten van het bestuur aan.
        </Paragraph>
      )}

      <ReportFiguresView f={f} />

      <section aria-labelledby="teksten" class="npo-stack">
        <Heading level={2} id="teksten">
          Toelichting van het bestuur
        </Heading>
        {state.confirmed ? (
          <>
            {textItems.map((item) => (
              <div key={item.key} class="npo-stack">
                <Heading level={3}>{item.label}</Heading>
                <p class="nl-paragraph npo-mail-text">{state.texts[item.key] || 'Niet ingevuld.'}</p>
              </div>
            ))}
            {unsaved && (
              <div class="npo-card npo-stack">
                <Heading level={3}>Uw teksten (niet opgeslagen)</Heading>
                {textItems.map((item) => (
                  <p class="nl-paragraph npo-mail-text" key={item.key}>
                    <strong>{item.label}:</strong> {unsaved[item.key] || 'Niet ingevuld.'}
                  </p>
                ))}
              </div>
            )}
          </>
        ) : (
          <>
            {conflict && (
              <>
                <FailedSubmitMessage>
                  Iemand anders heeft dit verslag opgeslagen terwijl u het wijzigde. Uw teksten zijn nog niet
                  opgeslagen: ze staan hieronder in het formulier. Vergelijk ze met wat nu is opgeslagen en
                  sla opnieuw op om uw versie te bewaren.
                </FailedSubmitMessage>
                <div class="npo-card npo-stack">
                  <Heading level={3}>Nu opgeslagen</Heading>
                  {textItems.map((item) => (
                    <p class="nl-paragraph npo-mail-text" key={item.key}>
                      <strong>{item.label}:</strong> {conflict[item.key] || 'Niet ingevuld.'}
                    </p>
                  ))}
                </div>
              </>
            )}
            <form method="post" action={base} class="npo-stack" novalidate>
              <CsrfField token={ctx.csrfToken()} />
              <ErrorSummary
                form={form}
                title="Het verslag is niet opgeslagen of bevestigd. Verbeter het volgende:"
              />
              <input type="hidden" name="revisie" value={form.values.revisie ?? '0'} />
              {textItems.map((item) => (
                <TextArea
                  key={item.key}
                  name={item.key}
                  label={`${item.label}${item.required ? '' : ' (niet verplicht)'}`}
                  description={`${item.hint}${state.prefilled.has(item.key) ? ' Ingevuld vanuit het platform: pas het aan waar nodig.' : ''}`}
                  form={form}
                  rows={6}
                  maxLength={maxTextLength}
                />
              ))}
              <Button>Teksten opslaan</Button>
            </form>
          </>
        )}
      </section>

      <section aria-labelledby="afronden" class="npo-stack">
        <Heading level={2} id="afronden">
          {state.confirmed ? 'Downloaden' : 'Bevestigen en downloaden'}
        </Heading>
        {!state.confirmed &&
          (state.yearEnded ? (
            <Paragraph>
              Klopt alles? Bevestig het verslag: de cijfers worden dan vastgelegd zoals ze nu zijn.{' '}
              <ConfirmLink href={`${base}/bevestigen`} variant="secondary-action">
                Jaarverslag {year} bevestigen
              </ConfirmLink>
            </Paragraph>
          ) : (
            <Paragraph>
              {year} is nog niet voorbij. U kunt het verslag bevestigen vanaf 1 januari {year + 1}; tot dan
              kunt u de teksten al schrijven en opslaan.
            </Paragraph>
          ))}
        <ul class="npo-stack">
          <li>
            <Link href={`${base}/jaarverslag.pdf`}>Jaarverslag {year} als pdf</Link>
          </li>
          <li>
            <Link href={`${base}/jaarverslag.xlsx`}>Jaarverslag {year} als Excel-bestand</Link>
          </li>
          <li>
            <Link href={`${base}/tekst`}>Tekst om in uw bestuursverslag te plakken</Link>
          </li>
        </ul>
        {state.confirmed && (
          <Paragraph>
            Moet er nog iets veranderen?{' '}
            <ConfirmLink href={`${base}/heropenen`}>Jaarverslag {year} heropenen</ConfirmLink>
          </Paragraph>
        )}
        <Paragraph>
          <Link href={reportCrumbs(board.id, title)[1]!.href!}>Terug naar alle jaren</Link>
        </Paragraph>
      </section>
    </Layout>
  );
}
