// The page where the school leader writes the plan's introduction: what the plan answers, in the
// school's own words. A stale save shows the saved text above the writer's own.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  TextArea,
} from '../../../ui/components.tsx';
import type { Errors } from '../services/plan-rules.ts';
import { planBase } from './base.ts';
import { planCrumbs, TheirsBox, type SchoolRef } from './plan-parts.tsx';

export function PlanIntroPage({
  ctx,
  school,
  intro,
  revision,
  errors = {},
  theirs,
  error,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  intro: string;
  revision: number;
  errors?: Errors;
  /** What is saved now, after a stale save. */
  theirs?: { intro: string; by: string | null };
  error?: string;
}) {
  const base = planBase(school.id);
  const form = { values: { inleiding: intro }, errors };
  return (
    <Layout
      ctx={ctx}
      title={`Inleiding - schoolprogramma ${school.name}`}
      breadcrumbs={planCrumbs(school, [{ label: 'Inleiding' }])}
    >
      <Heading level={1}>Inleiding van het schoolprogramma</Heading>
      {error && <Alert type="error">{error}</Alert>}
      {theirs && (
        <TheirsBox by={theirs.by}>
          {theirs.intro ? (
            theirs.intro.split(/\n{2,}/).map((p, i) => <Paragraph key={i}>{p}</Paragraph>)
          ) : (
            <Paragraph>(een lege inleiding)</Paragraph>
          )}
        </TheirsBox>
      )}
      <form method="post" action={`${base}/inleiding`} class="npo-stack" novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <input type="hidden" name="revisie" value={String(revision)} />
        <ErrorSummary form={form} title="De inleiding is niet opgeslagen:" />
        <TextArea
          name="inleiding"
          label="Inleiding"
          description="Wat liet de schoolscan zien, en waar kiest de school daarom voor? Een witregel begint een nieuwe alinea."
          rows={10}
          form={form}
        />
        <Button>Inleiding opslaan</Button>
      </form>
      <Paragraph>
        <Link href={base}>Terug naar het schoolprogramma</Link>
      </Paragraph>
    </Layout>
  );
}
