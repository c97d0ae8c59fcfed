// The assignment of team members to groups 1-8 per school year (the school leader; staff read it).
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
  Table,
  type FormState,
} from '../../../ui/components.tsx';
import type { SchoolYearRow } from '../repository/scans.ts';
import type { AssignmentRow } from '../repository/wellbeing.ts';
import { grades } from '../services/wellbeing.ts';
import { scanCrumbs, type SchoolRef } from './scan.tsx';
import { yearBase, teachersOf } from './wellbeing.tsx';

export function GroupsPage({
  ctx,
  school,
  year,
  team,
  assignments,
  isLeader,
  form,
  notice,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  year: SchoolYearRow;
  team: { id: number; name: string }[];
  assignments: AssignmentRow[];
  isLeader: boolean;
  form?: FormState & { chosen: Record<number, string[]> };
  notice?: string;
}) {
  const base = yearBase(school.id, year.id);
  const chosen = (grade: number, personId: number) =>
    form
      ? (form.chosen[grade] ?? []).includes(String(personId))
      : assignments.some((a) => a.grade === grade && a.person_id === personId);
  return (
    <Layout
      ctx={ctx}
      title={`Groepen en leerkrachten – schoolscan ${year.label} ${school.name}`}
      breadcrumbs={scanCrumbs(school, [{ href: base, label: year.label }, { label: 'Groepen' }])}
    >
      <Heading level={1}>Groepen en leerkrachten {year.label}</Heading>
      <Paragraph lead>
        Bij de stappen over sociaal-emotionele ontwikkeling en executieve functies beoordeelt het team elke
        groep. De schoolleider koppelt teamleden aan hun groepen; een teamlid vult de beoordeling in van de
        eigen groepen en leest die van de andere groepen.
      </Paragraph>
      {notice && <Alert type="ok">{notice}</Alert>}
      <Table
        caption={`Groepen in schooljaar ${year.label}`}
        rows={[...grades]}
        rowKey={(g) => g}
        columns={[
          { header: 'Groep', cell: (g) => `Groep ${g}` },
          { header: 'Leerkracht(en)', cell: (g) => teachersOf(assignments, g) },
        ]}
      />
      {isLeader &&
        (team.length === 0 ? (
          <Alert type="info">
            Er zijn nog geen teamleden bij deze school. Nodig eerst teamleden uit; daarna kunt u ze hier aan
            groepen koppelen.
          </Alert>
        ) : (
          <form method="post" action={`${base}/groepen`} class="npo-stack" novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <Heading level={2}>Teamleden koppelen</Heading>
            {form && (
              <ErrorSummary form={form} title="De koppeling is niet opgeslagen. Verbeter het volgende:" />
            )}
            <Paragraph>
              Kies per groep de teamleden die de groep beoordelen. Een groep kan meer leerkrachten hebben.
            </Paragraph>
            {grades.map((g) => (
              <fieldset
                key={g}
                class={`utrecht-form-fieldset${form?.errors[`groep-${g}`] ? ' utrecht-form-fieldset--invalid' : ''}`}
                id={`groep-${g}`}
              >
                <legend class="utrecht-form-fieldset__legend">Groep {g}</legend>
                {form?.errors[`groep-${g}`] && (
                  <div class="utrecht-form-field-error-message">{form.errors[`groep-${g}`]}</div>
                )}
                <ul class="npo-checklist">
                  {team.map((p) => (
                    <li key={p.id}>
                      <input
                        type="checkbox"
                        id={`groep-${g}-${p.id}`}
                        name={`groep-${g}`}
                        value={String(p.id)}
                        checked={chosen(g, p.id)}
                      />{' '}
                      <label for={`groep-${g}-${p.id}`}>{p.name}</label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ))}
            <Button>Koppeling opslaan</Button>
          </form>
        ))}
      <Paragraph>
        <Link href={base}>Terug naar de schoolscan</Link>
      </Paragraph>
    </Layout>
  );
}
