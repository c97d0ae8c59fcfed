// The analist's questionnaire builder: the list, a new questionnaire, its own data, a copy, the
// preview and publishing. Sections and questions are in builder-structure.tsx. Every write names
// the revision its form started from (a stale one is a 409 that keeps the input).
import type { FastifyReply } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { createOnce } from '../../../platform/http/idempotency.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, id, optionalText, params, query, text, z } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import {
  findQuestionnaireIdBySlug,
  insertQuestionnaire,
  type QuestionnaireRow,
} from '../repository/questionnaires.ts';
import { listQuestionnaires } from '../repository/questionnaires.ts';
import { checkMeta, dayForForm, metaFormOf, type MetaForm, type YearRef } from '../services/builder-meta.ts';
import { starterDefinition } from '../services/builder-edit.ts';
import { BuilderListPage } from '../views/builder-list.tsx';
import { BuilderMetaPage, type MetaMode } from '../views/builder-meta.tsx';
import { BuilderOverviewPage } from '../views/builder-overview.tsx';
import { BuilderPreviewPage } from '../views/builder-preview.tsx';
import { PublishPage } from '../views/builder-confirm.tsx';
import { builderBase, questionnaireHref, staleMessage } from '../views/builder-parts.tsx';
import { analists } from './access.ts';
import { builderContext, objectType, parseRevision } from './builder-context.ts';
import {
  copyExample,
  metaExample,
  newExample,
  questionnaireExample,
  revisionExample,
} from './builder-examples.ts';
import { registerBuilderSectionRoutes } from './builder-sections.tsx';
import { registerBuilderQuestionRoutes } from './builder-questions.tsx';
import { registerBuilderUnpublishRoutes } from './builder-unpublish.tsx';

const qParams = params({ questionnaireId: id });
const metaFields = {
  titel: text(1000),
  inleiding: text(10_000),
  schooljaar: text(20),
  doelgroep: text(20),
  'korte-naam': text(200),
  opent: text(40),
  sluit: text(40),
};
const metaForm = form({ ...metaFields, revisie: z.string().max(12).default('0') });

/** Messages after a write, by the ?gedaan= code (never text from the address itself). */
export const doneMessages: Record<string, string> = {
  gemaakt: 'De vragenlijst is gemaakt. Voeg nu onderdelen en vragen toe.',
  gekopieerd: 'De kopie is gemaakt. Zij is nog een concept.',
  opgeslagen: 'De wijziging is opgeslagen.',
  gepubliceerd: 'De vragenlijst is gepubliceerd.',
  teruggezet: 'De vragenlijst is weer een concept. Scholen en besturen zien haar niet meer.',
  verplaatst: 'De volgorde is aangepast.',
  'onderdeel-verwijderd': 'Het onderdeel is verwijderd.',
  'vraag-verwijderd': 'De vraag is verwijderd.',
};

export function registerBuilderRoutes(app: App, platform: Platform) {
  const c = builderContext(platform);
  const db = c.db;

  const yearRefs = async (): Promise<YearRef[]> =>
    (await c.years()).map((y) => ({ id: y.id, label: y.label, starts_on: y.starts_on, ends_on: y.ends_on }));

  const renderMeta = async (
    reply: FastifyReply,
    mode: MetaMode,
    f: FormState,
    extra: {
      q?: QuestionnaireRow;
      revision?: number;
      idempotencyKey?: string;
      error?: string;
      status?: number;
    } = {},
  ) =>
    reply.page(
      <BuilderMetaPage
        ctx={reply.ctx()}
        mode={mode}
        q={extra.q}
        form={f}
        years={await yearRefs()}
        locked={mode === 'gegevens' && (extra.q?.responses ?? 0) > 0}
        revision={extra.revision}
        idempotencyKey={extra.idempotencyKey}
        error={extra.error}
      />,
      extra.status,
    );

  app.get(
    builderBase,
    {
      config: { access: analists, page: true },
      schema: { querystring: query({ gedaan: optionalText(20) }) },
    },
    async (req, reply) =>
      reply.page(
        <BuilderListPage
          ctx={reply.ctx()}
          rows={await listQuestionnaires(db, c.programmeId)}
          done={req.query.gedaan ? doneMessages[req.query.gedaan] : undefined}
        />,
      ),
  );

  app.get(`${builderBase}/nieuw`, { config: { access: analists, page: true } }, async (_req, reply) =>
    renderMeta(reply, 'nieuw', { values: {}, errors: {} }),
  );

  /** Creates a concept from the checked form (new or copy); a taken short name is a field error. */
  const create = async (
    req: Parameters<typeof c.who>[0],
    reply: FastifyReply,
    mode: 'nieuw' | 'kopie',
    body: MetaForm & { _sleutel?: string },
    source?: QuestionnaireRow,
  ) => {
    const action = mode === 'nieuw' ? 'vragenlijst.aangemaakt' : 'vragenlijst.gekopieerd';
    const checked = checkMeta(body, await yearRefs());
    const errors = checked.ok ? {} : checked.errors;
    if (checked.ok && (await findQuestionnaireIdBySlug(db, c.programmeId, checked.value.slug)))
      errors['korte-naam'] = 'Deze korte naam is al in gebruik. Kies een andere.';
    if (!checked.ok || Object.keys(errors).length) {
      await audit(req, db, {
        action,
        result: 'mislukt',
        objectType,
        objectId: source?.id,
        details: { reden: 'ongeldig', velden: Object.keys(errors).join(',') },
      });
      return renderMeta(
        reply,
        mode,
        { values: body, errors },
        { q: source, idempotencyKey: body._sleutel, status: 400 },
      );
    }
    const m = checked.value;
    const out = await db.transaction().execute((trx) =>
      createOnce(trx, req, body, async () => {
        const newId = await insertQuestionnaire(trx, {
          programmeId: c.programmeId,
          ...m,
          definition: source?.definition ?? starterDefinition,
          copiedFrom: source?.id ?? null,
          ...c.who(req),
        });
        await audit(req, trx, {
          action,
          objectType,
          objectId: newId,
          details: source ? { kopie_van: source.id } : {},
        });
        return `${questionnaireHref(newId)}?gedaan=${mode === 'nieuw' ? 'gemaakt' : 'gekopieerd'}`;
      }),
    );
    return reply.redirect(out.location ?? builderBase, 303);
  };

  app.post(
    `${builderBase}/nieuw`,
    {
      config: { access: analists, audit: 'vragenlijst.aangemaakt', examples: newExample },
      schema: { body: form(metaFields) },
    },
    async (req, reply) => create(req, reply, 'nieuw', req.body),
  );

  app.get(
    `${builderBase}/:questionnaireId`,
    {
      config: { access: analists, page: true, examples: questionnaireExample },
      schema: { params: qParams, querystring: query({ gedaan: optionalText(20) }) },
    },
    async (req, reply) =>
      reply.page(
        <BuilderOverviewPage
          ctx={reply.ctx()}
          q={await c.load(req.params.questionnaireId)}
          done={req.query.gedaan ? doneMessages[req.query.gedaan] : undefined}
        />,
      ),
  );

  app.get(
    `${builderBase}/:questionnaireId/gegevens`,
    { config: { access: analists, page: true, examples: questionnaireExample }, schema: { params: qParams } },
    async (req, reply) => {
      const q = await c.load(req.params.questionnaireId);
      return renderMeta(
        reply,
        'gegevens',
        {
          values: {
            ...metaFormOf({
              ...q,
              schoolYearId: q.school_year_id,
              opensOn: q.opens_on,
              closesOn: q.closes_on,
            }),
          },
          errors: {},
        },
        { q, revision: q.revision },
      );
    },
  );

  app.post(
    `${builderBase}/:questionnaireId/gegevens`,
    {
      config: { access: analists, audit: 'vragenlijst.gegevens-gewijzigd', examples: metaExample },
      schema: { params: qParams, body: metaForm },
    },
    async (req, reply) => {
      const id = req.params.questionnaireId;
      const years = await yearRefs();
      let errors: Record<string, string> = {};
      const out = await c.save(
        req,
        id,
        parseRevision(req.body.revisie),
        'vragenlijst.gegevens-gewijzigd',
        (row, locked) => {
          const checked = checkMeta(
            req.body,
            years,
            locked ? { schoolYearId: row.school_year_id, audience: row.audience, slug: row.slug } : undefined,
          );
          if (!checked.ok) return checked;
          return { ok: true, patch: checked.value };
        },
      );
      if (out.kind === 'ok') return reply.redirect(`${questionnaireHref(id)}?gedaan=opgeslagen`, 303);
      const q = await c.load(id);
      if (out.kind === 'ongeldig') errors = out.errors;
      return renderMeta(
        reply,
        'gegevens',
        { values: req.body, errors },
        {
          q,
          revision: out.kind === 'verouderd' ? q.revision : parseRevision(req.body.revisie),
          error: out.kind === 'verouderd' ? staleMessage : undefined,
          status: out.kind === 'verouderd' ? 409 : 400,
        },
      );
    },
  );

  // A short name that does not clash is suggested for the copy; the analist may change it.
  app.get(
    `${builderBase}/:questionnaireId/kopieren`,
    { config: { access: analists, page: true, examples: questionnaireExample }, schema: { params: qParams } },
    async (req, reply) => {
      const q = await c.load(req.params.questionnaireId);
      return renderMeta(
        reply,
        'kopie',
        {
          values: {
            titel: `Kopie van ${q.title}`.slice(0, 200),
            inleiding: q.intro,
            schooljaar: String(q.school_year_id),
            doelgroep: q.audience,
            'korte-naam': `${q.slug}-kopie`.slice(0, 60).replace(/-+$/, ''),
            opent: dayForForm(q.opens_on),
            sluit: dayForForm(q.closes_on),
          },
          errors: {},
        },
        { q },
      );
    },
  );

  app.post(
    `${builderBase}/:questionnaireId/kopieren`,
    {
      config: { access: analists, audit: 'vragenlijst.gekopieerd', examples: copyExample },
      schema: { params: qParams, body: form(metaFields) },
    },
    async (req, reply) => create(req, reply, 'kopie', req.body, await c.load(req.params.questionnaireId)),
  );

  app.get(
    `${builderBase}/:questionnaireId/voorbeeld`,
    { config: { access: analists, page: true, examples: questionnaireExample }, schema: { params: qParams } },
    async (req, reply) =>
      reply.page(<BuilderPreviewPage ctx={reply.ctx()} q={await c.load(req.params.questionnaireId)} />),
  );

  app.get(
    `${builderBase}/:questionnaireId/publiceren`,
    { config: { access: analists, page: true, examples: questionnaireExample }, schema: { params: qParams } },
    async (req, reply) => {
      const q = await c.load(req.params.questionnaireId);
      if (q.status !== 'concept') return reply.redirect(questionnaireHref(q.id), 303);
      return reply.page(<PublishPage ctx={reply.ctx()} q={q} />);
    },
  );

  app.post(
    `${builderBase}/:questionnaireId/publiceren`,
    {
      config: { access: analists, audit: 'vragenlijst.gepubliceerd', examples: revisionExample },
      schema: { params: qParams, body: form({ revisie: z.string().max(12).default('0') }) },
    },
    async (req, reply) => {
      const id = req.params.questionnaireId;
      const out = await c.save(req, id, parseRevision(req.body.revisie), 'vragenlijst.gepubliceerd', (row) =>
        row.status === 'concept'
          ? { ok: true, patch: { publish: true } }
          : { ok: false, errors: { onderdeel: 'Deze vragenlijst is al gepubliceerd.' } },
      );
      if (out.kind === 'ok') return reply.redirect(`${questionnaireHref(id)}?gedaan=gepubliceerd`, 303);
      if (out.kind === 'onbekend') throw notFound();
      const q = await c.load(id);
      return reply.page(
        <BuilderOverviewPage
          ctx={reply.ctx()}
          q={q}
          error={out.kind === 'verouderd' ? staleMessage : Object.values(out.errors)[0]}
        />,
        out.kind === 'verouderd' ? 409 : 400,
      );
    },
  );

  registerBuilderSectionRoutes(app, platform);
  registerBuilderQuestionRoutes(app, platform);
  registerBuilderUnpublishRoutes(app, platform);
}
