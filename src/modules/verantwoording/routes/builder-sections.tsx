// The sections of a questionnaire in the builder: add one (with its first question), change,
// move and delete. Changes go through services/builder-edit.ts and definitionSchema; once answers
// exist only the title and introduction change.
import type { App, Platform } from '../../../platform/platform.ts';
import { form } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import {
  addSection,
  deleteSection,
  lockedMessage,
  moveSection,
  updateSection,
} from '../services/builder-edit.ts';
import {
  checkQuestion,
  checkSection,
  emptyQuestionForm,
  questionsBefore,
} from '../services/builder-question.ts';
import { BuilderOverviewPage } from '../views/builder-overview.tsx';
import { BuilderSectionPage } from '../views/builder-question.tsx';
import { DeleteSectionPage } from '../views/builder-confirm.tsx';
import { questionnaireHref } from '../views/builder-parts.tsx';
import { analists } from './access.ts';
import { parseRevision } from './builder-context.ts';
import {
  changeSectionExample,
  deleteSectionExample,
  moveSectionExample,
  newSectionExample,
  questionnaireExample,
  sectionExample,
} from './builder-examples.ts';

import {
  moveForm,
  qParams,
  questionFields,
  revisie,
  sectionFields,
  sParams,
  structural,
  structureKit,
} from './builder-structure-kit.tsx';

export function registerBuilderSectionRoutes(app: App, platform: Platform) {
  const { c, section, failed, overviewAfter } = structureKit(platform);
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
}
