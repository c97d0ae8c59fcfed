// The demo outbox: the newest mails, with their links made clickable (demo mode only).
import type { ViewContext } from '../../../ui/context.ts';
import { DataSummary, Heading, Paragraph } from '../../../ui/components.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { Page } from './page-parts.tsx';

export function OutboxPage({
  ctx,
  mails,
}: {
  ctx: ViewContext;
  mails: { id: string; to: string; subject: string; text: string; sentAt: string }[];
}) {
  return (
    <Page ctx={ctx} title="Verstuurde e-mail (demo)">
      <Heading level={1}>Verstuurde e-mail (demo)</Heading>
      <Paragraph>
        In de demo gaat e-mail niet echt de deur uit. Hier ziet u de nieuwste berichten, met de links erin.
      </Paragraph>
      {mails.length === 0 && <Paragraph>Er is nog geen e-mail verstuurd.</Paragraph>}
      {mails.map((m, i) => (
        <article key={m.id} class="npo-stack npo-mail" aria-labelledby={`mail-${i}`}>
          <Heading level={2} id={`mail-${i}`}>
            {m.subject}
          </Heading>
          <DataSummary
            items={[
              { key: 'Aan', value: m.to },
              { key: 'Verstuurd', value: formatDateTime(new Date(m.sentAt)) },
            ]}
          />
          <pre class="npo-mail-text">
            {m.text.split(/(https?:\/\/\S+)/g).map((part, j) =>
              /^https?:\/\//.test(part) ? (
                <a key={j} class="nl-link rhc-link" href={part.replace(/^https?:\/\/[^/]+/, '')}>
                  {part}
                </a>
              ) : (
                part
              ),
            )}
          </pre>
        </article>
      ))}
    </Page>
  );
}
