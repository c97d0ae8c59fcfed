// The questions of a section in the builder: add, change, move and delete. Once answers exist
// only the question's texts change (services/builder-question.ts takes nothing else).
import type { FastifyReply } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { form } from '../../../platform/http/schemas.ts';
import type { QuestionnaireRow } from '../repository/questionnaires.ts';
import {
  addQuestion,
  deleteQuestion,
  lockedMessage,
  moveQuestion,
  updateQuestion,
} from '../services/builder-edit.ts';
import {
  checkQuestion,
  emptyQuestionForm,
  questionFormOf,
  questionsBefore,
  type QuestionForm,
} from '../services/builder-question.ts';
import { BuilderOverviewPage } from '../views/builder-overview.tsx';
import { BuilderQuestionPage } from '../views/builder-question.tsx';
import { DeleteQuestionPage } from '../views/builder-confirm.tsx';
import { questionnaireHref } from '../views/builder-parts.tsx';
import { analists } from './access.ts';
import { parseRevision } from './builder-context.ts';
import {
  changeQuestionExample,
  deleteQuestionExample,
  moveQuestionExample,
  newQuestionExample,
  questionExample,
  sectionExample,
} from './builder-examples.ts';

import {
  moveForm,
  qqParams,
  questionFields,
  revisie,
  sParams,
  structural,
  structureKit,
} from './builder-structure-kit.tsx';

export function registerBuilderQuestionRoutes(app: App, platform: Platform) {
  const { c, section, question, failed, overviewAfter } = structureKit(platform);
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
