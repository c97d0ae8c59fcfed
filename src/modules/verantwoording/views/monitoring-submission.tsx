// One submitted answer, read by an analist (audited): the questions of the round and what the
// school or board sent, section by section. Nothing from its plan or scan is shown here.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { DataSummary, Heading, Link, Paragraph } from '../../../ui/components.tsx';
import { formatCents, formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { RoundDefinition, SubmissionRow } from '../repository/monitoring-submissions.ts';
import type { AnswerValue } from '../tables.ts';
import { isShown } from '../services/answer-rows.ts';
import { menuCategories, type Question } from '../services/definition.ts';

function answerText(q: Question, v: AnswerValue | undefined, names: Map<string, string>): string {
  if (v === undefined) return 'Niet beantwoord';
  const option = (x: string) => q.options?.find((o) => o.value === x)?.label ?? x;
  switch (q.type) {
    case 'ja-nee':
      return v === 'ja' ? 'Ja' : v === 'nee' ? 'Nee' : String(v);
    case 'een-keuze':
      return option(String(v));
    case 'meer-keuze':
      return Array.isArray(v) ? v.map(option).join('; ') || 'Niets gekozen' : String(v);
    case 'interventies':
      return Array.isArray(v)
        ? v.map((c) => `${c} ${names.get(c) ?? ''}`.trim()).join('; ') || 'Geen interventies'
        : String(v);
    case 'getal':
      return typeof v === 'number' ? v.toLocaleString('nl-NL') : String(v);
    case 'bedrag':
      return typeof v === 'number' ? formatCents(v) : String(v);
    case 'tekst':
      return String(v);
    case 'bedragen-per-categorie': {
      const t = v && typeof v === 'object' && !Array.isArray(v) ? v : {};
      return menuCategories
        .map((c) => `${c}: ${typeof t[c] === 'number' ? formatCents(t[c]) : '–'}`)
        .join('; ');
    }
  }
}

export function SubmissionPage({
  ctx,
  round,
  submission,
  names,
}: {
  ctx: ViewContext;
  round: RoundDefinition;
  submission: SubmissionRow;
  names: Map<string, string>;
}) {
  const title = `Inzending ${submission.id}: ${submission.organisation_name}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      breadcrumbs={[
        { href: '/overzicht', label: 'Overzicht' },
        { href: '/monitoring', label: 'Monitoring' },
        { label: `Inzending ${submission.id}` },
      ]}
    >
      <Heading level={1}>{title}</Heading>
      <Paragraph lead>
        De antwoorden zoals ze zijn ingediend. Dat u deze inzending opende, is vastgelegd.
      </Paragraph>
      <DataSummary
        items={[
          { key: 'Vragenlijst', value: `${round.year_label}: ${round.title}` },
          {
            key: submission.organisation_kind === 'bestuur' ? 'Bestuur' : 'School',
            value: `${submission.organisation_name}${submission.organisation_code ? ` (${submission.organisation_code})` : ''}`,
          },
          { key: 'Inzending van deze organisatie', value: `nummer ${submission.number}` },
          { key: 'Ingediend op', value: formatDateTime(new Date(submission.submitted_at)) },
        ]}
      />
      {round.definition.sections.map((s) => (
        <section key={s.key} aria-labelledby={`onderdeel-${s.key}`}>
          <Heading level={2} id={`onderdeel-${s.key}`}>
            {s.title}
          </Heading>
          <dl class="rhc-data-summary">
            {s.questions
              .filter((q) => isShown(q, submission.answers))
              .map((q) => (
                <div class="rhc-data-summary__item" key={q.key}>
                  <dt class="rhc-data-summary__item-key">{q.label}</dt>
                  <dd class="rhc-data-summary__item-value">
                    {answerText(q, submission.answers[q.key], names)}
                  </dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
      <Paragraph>
        <Link href="/monitoring">Terug naar de landelijke monitoring</Link>
      </Paragraph>
    </Layout>
  );
}
