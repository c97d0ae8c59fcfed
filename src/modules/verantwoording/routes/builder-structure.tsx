// Sections and questions of a questionnaire in the builder: add, change, move, delete. Each
// change is applied to the definition by a pure function (services/builder-edit.ts) and checked
// against definitionSchema; once answers exist only texts may change (lockedMessage).
import type { FastifyReply } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, id, params, text, z } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import type { QuestionnaireRow } from '../repository/questionnaires.ts';
import {
  addQuestion,
  addSection,
  deleteQuestion,
  deleteSection,
  findSection,
  lockedMessage,
  moveQuestion,
  moveSection,
  updateQuestion,
  updateSection,
} from '../services/builder-edit.ts';
import {
  checkQuestion,
  checkSection,
  emptyQuestionForm,
  questionFormOf,
  questionsBefore,
  type QuestionForm,
} from '../services/builder-question.ts';
import type { Checked } from '../services/builder-meta.ts';
import type { Definition } from '../services/definition.ts';
import { BuilderOverviewPage } from '../views/builder-overview.tsx';
import { BuilderQuestionPage, BuilderSectionPage } from '../views/builder-question.tsx';
import { DeleteQuestionPage, DeleteSectionPage } from '../views/builder-confirm.tsx';
import { questionnaireHref, staleMessage } from '../views/builder-parts.tsx';
import { analists } from './access.ts';
import { builderContext, parseRevision, type SaveOutcome } from './builder-context.ts';
import {
  changeQuestionExample,
  changeSectionExample,
  deleteQuestionExample,
  deleteSectionExample,
  moveQuestionExample,
  moveSectionExample,
  newQuestionExample,
  newSectionExample,
  questionExample,
  questionnaireExample,
  sectionExample,
} from './builder-examples.ts';

const keyParam = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(60);
const qParams = params({ questionnaireId: id });
const sParams = params({ questionnaireId: id, sectionKey: keyParam });
const qqParams = params({ questionnaireId: id, sectionKey: keyParam, questionKey: keyParam });
const revisie = z.string().max(12).default('0');
const questionFields = {
  sleutel: text(200),
  soort: text(40),
  vraag: text(2000),
  uitleg: text(4000),
  verplicht: text(10),
  antwoorden: text(20_000),
  voorwaarde: text(200),
  'voorwaarde-antwoorden': text(2000),
  vooringevuld: text(60),
  minimum: text(40),
  maximum: text(40),
  maxlengte: text(40),
};
const sectionFields = { 'onderdeel-sleutel': text(200), titel: text(1000), inleiding: text(10_000) };
const moveForm = form({ revisie, richting: z.enum(['omhoog', 'omlaag']) });

/** A structural change while answers exist is refused with the locked message. */
const structural =
  (change: (d: Definition) => Checked<Definition>) => (row: QuestionnaireRow, locked: boolean) => {
    if (locked) return { ok: false as const, errors: { onderdeel: lockedMessage } };
    const out = change(row.definition);
    return out.ok ? { ok: true as const, patch: { definition: out.value } } : out;
  };

function withoutGeneral(errors: Record<string, string>) {
  const { onderdeel: _general, ...fields } = errors;
  return fields;
}

export function registerBuilderStructureRoutes(app: App, platform: Platform) {
  const c = builderContext(platform);

  const section = (q: QuestionnaireRow, key: string) => {
    const s = findSection(q.definition, key);
    if (!s) throw notFound();
    return s;
  };
  const question = (q: QuestionnaireRow, sectionKey: string, key: string) => {
    const s = section(q, sectionKey);
    const index = s.questions.findIndex((x) => x.key === key);
    if (index < 0) throw notFound();
    return { s, index, question: s.questions[index]! };
  };

  /** After a failed save: the form again with the input (409 when someone else saved first). */
  const failed = (out: Exclude<SaveOutcome, { kind: 'ok' }>, revision: number) => {
    if (out.kind === 'onbekend') throw notFound();
    return {
      // A message for the whole form is shown once, above it, not as a link to a field.
      errors: out.kind === 'ongeldig' ? withoutGeneral(out.errors) : {},
      error: out.kind === 'verouderd' ? staleMessage : out.errors.onderdeel,
      status: out.kind === 'verouderd' ? 409 : 400,
      revision: out.kind === 'verouderd' ? out.current.revision : revision,
    };
  };

  const overviewAfter = async (reply: FastifyReply, id: number, out: SaveOutcome, done: string) => {
    if (out.kind === 'ok') return reply.redirect(`${questionnaireHref(id)}?gedaan=${done}`, 303);
    if (out.kind === 'onbekend') throw notFound();
    const error = out.kind === 'verouderd' ? staleMessage : Object.values(out.errors)[0];
    return reply.page(
      <BuilderOverviewPage ctx={reply.ctx()} q={await c.load(id)} error={error} />,
      out.kind === 'verouderd' ? 409 : 400,
    );
  };

  // --- sections ---------------------------------------------------------------------------

  app.get(
    '/beheer/vragenlijsten/:questionnaireId/onderdelen/nieuw',
    { config: { access: analists, page: true, examples: questionnaireExample }, schema: { params: qParams } },
    async (req, reply) => {
      const q = await c.load(req.params.questionnaireId);
      if (q.responses > 0)
        return reply.page(<BuilderOverviewPage ctx={reply.ctx()} q={q} error={lockedMessage} />, 409);
      const f: FormState = { values: { ...emptyQuestionForm }, errors: {} };
      return reply.page(
        <BuilderSectionPage
          ctx={reply.ctx()}
          q={q}
          form={f}
          before={questionsBefore(q.definition, '', 0)}
          revision={q.revision}
          locked={false}
        />,
      );
    },
  );

  app.post(
    '/beheer/vragenlijsten/:questionnaireId/onderdelen/nieuw',
    {
      config: { access: analists, audit: 'vragenlijst.onderdeel-toegevoegd', examples: newSectionExample },
      schema: { params: qParams, body: form({ ...sectionFields, ...questionFields, revisie }) },
    },
    async (req, reply) => {
      const id = req.params.questionnaireId;
      const revision = parseRevision(req.body.revisie);
      const out = await c.save(req, id, revision, 'vragenlijst.onderdeel-toegevoegd', (row, locked) => {
        if (locked) return { ok: false, errors: { onderdeel: lockedMessage } };
        const s = checkSection(req.body);
        const qn = checkQuestion(req.body, questionsBefore(row.definition, '', 0));
        if (!s.ok || !qn.ok)
          return { ok: false, errors: { ...(s.ok ? {} : s.errors), ...(qn.ok ? {} : qn.errors) } };
        return structural((d) => addSection(d, s.value, qn.value))(row, locked);
      });
      if (out.kind === 'ok') return reply.redirect(`${questionnaireHref(id)}?gedaan=opgeslagen`, 303);
      const f = failed(out, revision);
      const q = await c.load(id);
      return reply.page(
        <BuilderSectionPage
          ctx={reply.ctx()}
          q={q}
          form={{ values: req.body, errors: f.errors }}
          before={questionsBefore(q.definition, '', 0)}
          revision={f.revision}
          locked={false}
          error={f.error}
        />,
        f.status,
      );
    },
  );

  app.get(
    '/beheer/vragenlijsten/:questionnaireId/onderdelen/:sectionKey',
    { config: { access: analists, page: true, examples: sectionExample }, schema: { params: sParams } },
    async (req, reply) => {
      const q = await c.load(req.params.questionnaireId);
      const s = section(q, req.params.sectionKey);
      const f: FormState = {
        values: { 'onderdeel-sleutel': s.key, titel: s.title, inleiding: s.intro ?? '' },
        errors: {},
      };
      return reply.page(
        <BuilderSectionPage
          ctx={reply.ctx()}
          q={q}
          sectionKey={s.key}
          form={f}
          before={[]}
          revision={q.revision}
          locked={q.responses > 0}
        />,
      );
    },
  );

  app.post(
    '/beheer/vragenlijsten/:questionnaireId/onderdelen/:sectionKey',
    {
      config: { access: analists, audit: 'vragenlijst.onderdeel-gewijzigd', examples: changeSectionExample },
      schema: { params: sParams, body: form({ ...sectionFields, revisie }) },
    },
    async (req, reply) => {
      const { questionnaireId: id, sectionKey } = req.params;
      const revision = parseRevision(req.body.revisie);
      const out = await c.save(req, id, revision, 'vragenlijst.onderdeel-gewijzigd', (row, locked) => {
        const current = section(row, sectionKey);
        const s = checkSection(req.body, locked ? current : undefined);
        if (!s.ok) return s;
        const d = updateSection(row.definition, sectionKey, s.value);
        return d.ok ? { ok: true, patch: { definition: d.value } } : d;
      });
      if (out.kind === 'ok')
        return reply.redirect(`${questionnaireHref(id)}?gedaan=opgeslagen#onderdeel-${sectionKey}`, 303);
      const f = failed(out, revision);
      const q = await c.load(id);
      return reply.page(
        <BuilderSectionPage
          ctx={reply.ctx()}
          q={q}
          sectionKey={sectionKey}
          form={{ values: req.body, errors: f.errors }}
          before={[]}
          revision={f.revision}
          locked={q.responses > 0}
          error={f.error}
        />,
        f.status,
      );
    },
  );

  app.post(
    '/beheer/vragenlijsten/:questionnaireId/onderdelen/:sectionKey/verplaatsen',
    {
      config: { access: analists, audit: 'vragenlijst.onderdeel-verplaatst', examples: moveSectionExample },
      schema: { params: sParams, body: moveForm },
    },
    async (req, reply) => {
      const { questionnaireId: id, sectionKey } = req.params;
      const out = await c.save(
        req,
        id,
        parseRevision(req.body.revisie),
        'vragenlijst.onderdeel-verplaatst',
        (row, locked) => {
          section(row, sectionKey);
          return structural((d) => moveSection(d, sectionKey, req.body.richting))(row, locked);
        },
      );
      return overviewAfter(reply, id, out, 'verplaatst');
    },
  );

  app.get(
    '/beheer/vragenlijsten/:questionnaireId/onderdelen/:sectionKey/verwijderen',
    { config: { access: analists, page: true, examples: sectionExample }, schema: { params: sParams } },
    async (req, reply) => {
      const q = await c.load(req.params.questionnaireId);
      const s = section(q, req.params.sectionKey);
      if (q.responses > 0)
        return reply.page(<BuilderOverviewPage ctx={reply.ctx()} q={q} error={lockedMessage} />, 409);
      return reply.page(
        <DeleteSectionPage
          ctx={reply.ctx()}
          q={q}
          section={{ key: s.key, title: s.title, count: s.questions.length }}
        />,
      );
    },
  );

  app.post(
    '/beheer/vragenlijsten/:questionnaireId/onderdelen/:sectionKey/verwijderen',
    {
      config: { access: analists, audit: 'vragenlijst.onderdeel-verwijderd', examples: deleteSectionExample },
      schema: { params: sParams, body: form({ revisie }) },
    },
    async (req, reply) => {
      const { questionnaireId: id, sectionKey } = req.params;
      const out = await c.save(
        req,
        id,
        parseRevision(req.body.revisie),
        'vragenlijst.onderdeel-verwijderd',
        (row, locked) => {
          section(row, sectionKey);
          return structural((d) => deleteSection(d, sectionKey))(row, locked);
        },
      );
      return overviewAfter(reply, id, out, 'onderdeel-verwijderd');
    },
  );

  // --- questions --------------------------------------------------------------------------

  const renderQuestion = (
    reply: FastifyReply,
    q: QuestionnaireRow,
    sectionKey: string,
    values: QuestionForm,
    extra: {
      questionKey?: string;
      index?: number;
      errors?: Record<string, string>;
      revision?: number;
      error?: string;
      status?: number;
    } = {},
  ) => {
    const s = section(q, sectionKey);
    return reply.page(
      <BuilderQuestionPage
        ctx={reply.ctx()}
        q={q}
        section={s}
        questionKey={extra.questionKey}
        form={{ values: { ...values }, errors: extra.errors ?? {} }}
        before={questionsBefore(q.definition, sectionKey, extra.index ?? s.questions.length)}
        revision={extra.revision ?? q.revision}
        locked={q.responses > 0}
        error={extra.error}
      />,
      extra.status,
    );
  };

  app.get(
    '/beheer/vragenlijsten/:questionnaireId/onderdelen/:sectionKey/vragen/nieuw',
    { config: { access: analists, page: true, examples: sectionExample }, schema: { params: sParams } },
    async (req, reply) => {
      const q = await c.load(req.params.questionnaireId);
      section(q, req.params.sectionKey);
      if (q.responses > 0)
        return reply.page(<BuilderOverviewPage ctx={reply.ctx()} q={q} error={lockedMessage} />, 409);
      return renderQuestion(reply, q, req.params.sectionKey, emptyQuestionForm);
    },
  );

  app.post(
    '/beheer/vragenlijsten/:questionnaireId/onderdelen/:sectionKey/vragen/nieuw',
    {
      config: { access: analists, audit: 'vragenlijst.vraag-toegevoegd', examples: newQuestionExample },
      schema: { params: sParams, body: form({ ...questionFields, revisie }) },
    },
    async (req, reply) => {
      const { questionnaireId: id, sectionKey } = req.params;
      const revision = parseRevision(req.body.revisie);
      const out = await c.save(req, id, revision, 'vragenlijst.vraag-toegevoegd', (row, locked) => {
        const s = section(row, sectionKey);
        const qn = checkQuestion(req.body, questionsBefore(row.definition, sectionKey, s.questions.length));
        if (!qn.ok) return qn;
        return structural((d) => addQuestion(d, sectionKey, qn.value))(row, locked);
      });
      if (out.kind === 'ok')
        return reply.redirect(`${questionnaireHref(id)}?gedaan=opgeslagen#vraag-${req.body.sleutel}`, 303);
      const f = failed(out, revision);
      return renderQuestion(reply, await c.load(id), sectionKey, req.body, { ...f });
    },
  );

  app.get(
    '/beheer/vragenlijsten/:questionnaireId/onderdelen/:sectionKey/vragen/:questionKey',
    { config: { access: analists, page: true, examples: questionExample }, schema: { params: qqParams } },
    async (req, reply) => {
      const q = await c.load(req.params.questionnaireId);
      const { index, question: x } = question(q, req.params.sectionKey, req.params.questionKey);
      return renderQuestion(reply, q, req.params.sectionKey, questionFormOf(x), {
        questionKey: x.key,
        index,
      });
    },
  );

  app.post(
    '/beheer/vragenlijsten/:questionnaireId/onderdelen/:sectionKey/vragen/:questionKey',
    {
      config: { access: analists, audit: 'vragenlijst.vraag-gewijzigd', examples: changeQuestionExample },
      schema: { params: qqParams, body: form({ ...questionFields, revisie }) },
    },
    async (req, reply) => {
      const { questionnaireId: id, sectionKey, questionKey } = req.params;
      const revision = parseRevision(req.body.revisie);
      const out = await c.save(req, id, revision, 'vragenlijst.vraag-gewijzigd', (row, locked) => {
        const { index, question: current } = question(row, sectionKey, questionKey);
        const qn = checkQuestion(
          req.body,
          questionsBefore(row.definition, sectionKey, index),
          locked ? current : undefined,
        );
        if (!qn.ok) return qn;
        const d = updateQuestion(row.definition, sectionKey, questionKey, qn.value);
        return d.ok ? { ok: true, patch: { definition: d.value } } : d;
      });
      if (out.kind === 'ok')
        return reply.redirect(
          `${questionnaireHref(id)}?gedaan=opgeslagen#vraag-${req.body.sleutel || questionKey}`,
          303,
        );
      const f = failed(out, revision);
      const q = await c.load(id);
      const { index } = question(q, sectionKey, questionKey);
      return renderQuestion(reply, q, sectionKey, req.body, { ...f, questionKey, index });
    },
  );

  app.post(
    '/beheer/vragenlijsten/:questionnaireId/onderdelen/:sectionKey/vragen/:questionKey/verplaatsen',
    {
      config: { access: analists, audit: 'vragenlijst.vraag-verplaatst', examples: moveQuestionExample },
      schema: { params: qqParams, body: moveForm },
    },
    async (req, reply) => {
      const { questionnaireId: id, sectionKey, questionKey } = req.params;
      const out = await c.save(
        req,
        id,
        parseRevision(req.body.revisie),
        'vragenlijst.vraag-verplaatst',
        (row, locked) => {
          question(row, sectionKey, questionKey);
          return structural((d) => moveQuestion(d, sectionKey, questionKey, req.body.richting))(row, locked);
        },
      );
      return overviewAfter(reply, id, out, 'verplaatst');
    },
  );

  app.get(
    '/beheer/vragenlijsten/:questionnaireId/onderdelen/:sectionKey/vragen/:questionKey/verwijderen',
    { config: { access: analists, page: true, examples: questionExample }, schema: { params: qqParams } },
    async (req, reply) => {
      const q = await c.load(req.params.questionnaireId);
      const { question: x } = question(q, req.params.sectionKey, req.params.questionKey);
      if (q.responses > 0)
        return reply.page(<BuilderOverviewPage ctx={reply.ctx()} q={q} error={lockedMessage} />, 409);
      return reply.page(
        <DeleteQuestionPage ctx={reply.ctx()} q={q} sectionKey={req.params.sectionKey} question={x} />,
      );
    },
  );

  app.post(
    '/beheer/vragenlijsten/:questionnaireId/onderdelen/:sectionKey/vragen/:questionKey/verwijderen',
    {
      config: { access: analists, audit: 'vragenlijst.vraag-verwijderd', examples: deleteQuestionExample },
      schema: { params: qqParams, body: form({ revisie }) },
    },
    async (req, reply) => {
      const { questionnaireId: id, sectionKey, questionKey } = req.params;
      const out = await c.save(
        req,
        id,
        parseRevision(req.body.revisie),
        'vragenlijst.vraag-verwijderd',
        (row, locked) => {
          question(row, sectionKey, questionKey);
          return structural((d) => deleteQuestion(d, sectionKey, questionKey))(row, locked);
        },
      );
      return overviewAfter(reply, id, out, 'vraag-verwijderd');
    },
  );
}
