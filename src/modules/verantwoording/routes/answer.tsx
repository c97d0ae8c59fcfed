// Answering a questionnaire, for a school (its leader) or a board: the list of questionnaires,
// one questionnaire's overview, and one section's form, saved per section with a revision (two
// people at once: a 409 that keeps the typed input). Registered once per audience.
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { PageTemplates } from '../../../platform/http/page-template.tsx';
import type { ViewContext } from '../../../ui/context.ts';
import { form, id, params, query, text, z } from '../../../platform/http/schemas.ts';
import * as responses from '../repository/responses.ts';
import { isShown } from '../services/answer-rows.ts';
import {
  choicesAsTyped,
  formOf,
  isAnswered,
  missingRequired,
  parseSection,
  type FieldErrors,
  type RawForm,
} from '../services/answers.ts';
import { answerLines } from '../services/answer-text.ts';
import type { Question, Section } from '../services/definition.ts';
import { samePrefill } from '../services/prefill.ts';
import type { Answers, Audience } from '../tables.ts';
import { AnswerListPage } from '../views/answer-list.tsx';
import { AnswerOverviewPage, type SectionStatus } from '../views/answer-overview.tsx';
import { questionnaireBase } from '../views/answer-parts.tsx';
import { AnswerSectionPage } from '../views/answer-section.tsx';
import { answerContext, audiencePrefix, objectType, type AnswerContext } from './answer-context.ts';
import { answerExamples } from './answer-examples.ts';

export const sectionKey = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(60);
const answerValue = z.union([z.string().max(20_000), z.array(z.string().max(200)).max(300)]);
/** The section's questions are data, so their fields are too: `v-<key>` (services/answers.ts). */
const sectionForm = form({ revisie: z.string().max(12).default('0'), actie: text(20) }).catchall(answerValue);

export const saveAction = 'verantwoording.onderdeel-opgeslagen';

/** The organisation id of either audience's path. */
export const orgIdOf = (audience: Audience, p: Record<string, unknown>) =>
  Number(audience === 'school' ? p.schoolId : p.boardId);
export const orgParams = (audience: Audience): Record<string, typeof id> =>
  audience === 'school' ? { schoolId: id } : { boardId: id };

/**
 * The platform's prefill, as part of a page's key: it is read again on every view of a section
 * nobody saved (plans change without a questionnaire revision), so the page is kept per value.
 */
function prefillKey(prefilled: Answers): string {
  const json = JSON.stringify(prefilled);
  return json === '{}' ? '-' : crypto.createHash('sha1').update(json).digest('base64url');
}

/** A section's status on the overview. */
function statusOf(
  section: Section,
  answers: Answers,
  saved: readonly string[],
  prefilled: Answers,
): SectionStatus {
  const complete = missingRequired(section.questions, answers).length === 0;
  if (saved.includes(section.key)) return complete ? 'klaar' : 'bezig';
  if (section.questions.some((q) => isAnswered(answers[q.key])))
    return section.questions.some((q) => samePrefill(answers[q.key], prefilled[q.key]))
      ? 'vooraf-ingevuld'
      : 'bezig';
  return 'leeg';
}

export function registerAnswerRoutes(audience: Audience) {
  return (app: App, platform: Platform) => {
    const c = answerContext(platform, audience);
    // The section page, rendered once per state (see the GET below); a few hundred states of
    // about 20 KB at most, the least recently viewed go first.
    const templates = new PageTemplates(600, Math.floor(platform.config.pageCacheMaxBytes / 16));
    const ex = answerExamples(audience);
    const prefix = audiencePrefix(audience);
    const qParams = params({ ...orgParams(audience), questionnaireId: id });
    const sParams = params({ ...orgParams(audience), questionnaireId: id, sectionKey });

    app.get(
      prefix,
      {
        config: { access: c.access, page: true, examples: ex.list },
        schema: { params: params(orgParams(audience)) },
      },
      async (req, reply) => {
        const org = await c.org(orgIdOf(audience, req.params));
        const today = c.today();
        const rows = await responses.questionnairesFor(c.db, platform.programme.id, audience, org.id);
        const items = rows.map((r) => ({
          id: r.id,
          title: r.title,
          yearLabel: r.yearLabel,
          opensOn: r.opens_on,
          closesOn: r.closes_on,
          window:
            today < r.opens_on
              ? ('nog-niet-open' as const)
              : today > r.closes_on
                ? ('gesloten' as const)
                : ('open' as const),
          submittedNumber: r.submitted_number,
        }));
        return reply.page(<AnswerListPage ctx={reply.ctx()} org={org} items={items} />);
      },
    );

    app.get(
      `${prefix}/:questionnaireId`,
      {
        config: { access: c.access, page: true, examples: ex.questionnaire },
        schema: { params: qParams, querystring: query({ gedaan: text(20) }) },
      },
      async (req, reply) => {
        const org = await c.org(orgIdOf(audience, req.params));
        const q = await c.questionnaire(req.params.questionnaireId);
        const [{ response, prefilled, current }, submissions] = await Promise.all([
          c.answers(org, q),
          responses.submissionsOf(c.db, q.id, org.id),
        ]);
        const saved = response?.sections_saved ?? [];
        const newest = submissions[0];
        return reply.page(
          <AnswerOverviewPage
            ctx={reply.ctx()}
            org={org}
            m={{
              questionnaire: q,
              window: q.window,
              sections: q.definition.sections.map((s) => ({
                section: s,
                status: statusOf(s, current, saved, prefilled),
              })),
              submissions,
              changedSinceSubmit: !!newest && !!response && response.updated_at > newest.submitted_at,
              done: req.query.gedaan,
            }}
          />,
        );
      },
    );

    /**
     * The section page from its parts (also after a refused or stale save), as a render function,
     * and the menu version it shows (null when it shows none), for the key of its template.
     */
    async function sectionPage(
      ctx: { c: AnswerContext; org: Awaited<ReturnType<AnswerContext['org']>> },
      q: Awaited<ReturnType<AnswerContext['questionnaire']>>,
      section: Section,
      state: {
        answers: Answers;
        prefilled: Answers;
        /** The form's values; by default the answers as they stand. */
        values?: RawForm;
        errors: FieldErrors;
        revision: number;
        stale?: { by: string | null; theirs: Answers };
        withdrawn?: boolean;
        notice?: 'erbij' | 'opgeslagen';
      },
    ) {
      const chosen = section.questions.flatMap((x) => {
        const v = state.answers[x.key];
        return x.type === 'interventies' && Array.isArray(v) ? v : [];
      });
      const needsMenu = section.questions.some(
        (x) => x.type === 'interventies' || x.type === 'bedragen-per-categorie',
      );
      // Only intervention and money questions show anything of the menu (names, categories).
      const menu = needsMenu ? await ctx.c.menu(chosen) : undefined;
      const readFrom = state.stale?.theirs ?? state.answers;
      const lines = (x: Question) =>
        answerLines(x, isShown(x, readFrom) ? readFrom[x.key] : undefined, menu?.names ?? new Map());
      const render = (view: ViewContext) => (
        <AnswerSectionPage
          ctx={view}
          org={ctx.org}
          m={{
            questionnaire: q,
            window: q.window,
            section,
            position: { index: q.definition.sections.indexOf(section), count: q.definition.sections.length },
            values: state.values ?? formOf(section, state.answers),
            errors: state.errors,
            revision: state.revision,
            shown: new Set(section.questions.filter((x) => isShown(x, state.answers)).map((x) => x.key)),
            prefilled: new Set(
              section.questions
                .filter((x) => x.prefill && samePrefill(state.answers[x.key], state.prefilled[x.key]))
                .map((x) => x.key),
            ),
            menu: menu?.options ?? [],
            categoryNames: menu?.categoryNames ?? new Map(),
            lines,
            stale: state.stale,
            withdrawn: state.withdrawn,
            notice: state.notice,
          }}
        />
      );
      return { render, menuVersion: menu ? String(menu.versionId) : '-' };
    }

    /** A refused or stale save's page: rendered for this request alone (it shows what was typed). */
    async function renderSection(
      reply: FastifyReply,
      ctx: Parameters<typeof sectionPage>[0],
      q: Parameters<typeof sectionPage>[1],
      section: Section,
      state: Parameters<typeof sectionPage>[3] & { status: number },
    ) {
      const { render } = await sectionPage(ctx, q, section, state);
      return reply.page(render(reply.ctx()), state.status);
    }

    const sectionOf = (q: { definition: { sections: Section[] } }, key: string) => {
      const s = q.definition.sections.find((x) => x.key === key);
      if (!s) throw notFound();
      return s;
    };

    app.get(
      `${prefix}/:questionnaireId/onderdelen/:sectionKey`,
      {
        config: { access: c.access, page: true, examples: ex.section },
        schema: { params: sParams, querystring: query({ melding: text(20) }) },
      },
      async (req, reply) => {
        const { org, q, section, response, prefilled, current } = await c.sectionState(
          orgIdOf(audience, req.params),
          req.params.questionnaireId,
          (d) => sectionOf({ definition: d }, req.params.sectionKey),
        );
        const notice =
          req.query.melding === 'erbij' || req.query.melding === 'opgeslagen' ? req.query.melding : undefined;
        const revision = response?.revision ?? 0;
        const page = await sectionPage({ c, org }, q, section, {
          answers: current,
          prefilled,
          errors: {},
          revision,
          notice,
        });
        // A page with a notice is seen once, after a save: rendered, not kept (the template's key
        // has the path without the query). Otherwise the key names all the markup shows besides
        // the person's name and form token (the path gives audience, organisation, questionnaire
        // and section). Who may open
        // it does not change it: every reader of the page sees the same form or read-only answers.
        const key = notice
          ? null
          : [
              org.name,
              q.revision,
              q.title,
              q.opens_on,
              q.closes_on,
              q.window,
              response ? `${response.id}:${revision}` : '-',
              prefillKey(prefilled),
              page.menuVersion,
            ].join('|');
        return templates.send(reply, key, page.render);
      },
    );

    app.post(
      `${prefix}/:questionnaireId/onderdelen/:sectionKey`,
      {
        config: { access: c.access, audit: saveAction, examples: ex.saveSection },
        schema: { params: sParams, body: sectionForm },
      },
      async (
        req: FastifyRequest<{
          Params: Record<string, unknown> & { questionnaireId: number; sectionKey: string };
          Body: z.infer<typeof sectionForm>;
        }>,
        reply,
      ) => {
        const org = await c.org(orgIdOf(audience, req.params));
        const q = await c.questionnaire(req.params.questionnaireId);
        const section = sectionOf(q, req.params.sectionKey);
        if (q.window !== 'open') {
          await c.refused(req, saveAction, org.id, { reden: q.window, onderdeel: section.key }, q.id);
          return reply.redirect(`${questionnaireBase(org, q.id)}/onderdelen/${section.key}`, 303);
        }
        const { response, prefilled, current } = await c.answers(org, q);
        const revision = /^\d{1,9}$/.test(req.body.revisie) ? Number(req.body.revisie) : -1;
        const values = req.body as RawForm;
        const asComplete = req.body.actie !== 'concept';
        const menu = section.questions.some((x) => x.type === 'interventies') ? await c.menu() : undefined;
        const menuCodes = new Set(menu?.names.keys() ?? []);
        // Parse on top of what the writer started from, so a stale save does not mix two people's work.
        const parsed = parseSection(section, current, values, menuCodes, asComplete);
        if (!parsed.ok) {
          await c.refused(
            req,
            saveAction,
            org.id,
            { reden: 'ongeldig', velden: Object.keys(parsed.errors).join(',').slice(0, 500) },
            q.id,
          );
          return renderSection(reply, { c, org }, q, section, {
            answers: choicesAsTyped(section, current, values),
            prefilled,
            values,
            errors: parsed.errors,
            revision,
            status: 400,
          });
        }
        const saved = new Set(response?.sections_saved ?? []);
        if (parsed.complete) saved.add(section.key);
        else saved.delete(section.key);
        const save = c.db.transaction().execute(async (trx) => {
          const r = await responses.saveResponse(trx, {
            questionnaireId: q.id,
            orgId: org.id,
            revision,
            answers: parsed.answers,
            sectionsSaved: [...saved],
            ...c.who(req),
          });
          if (r.ok)
            await audit(req, trx, {
              action: saveAction,
              objectType,
              objectId: r.responseId,
              organisationId: org.id,
              details: { onderdeel: section.key, revisie: r.revision },
            });
          return r;
        });
        const out = await save.catch((err: unknown) => {
          if (responses.isRefusedAsConcept(err)) return 'concept' as const;
          throw err;
        });
        if (out === 'concept') {
          // Taken back to concept while this first save was on its way: nothing was written.
          await c.refused(req, saveAction, org.id, { reden: 'concept', onderdeel: section.key }, q.id);
          return renderSection(reply, { c, org }, q, section, {
            answers: parsed.answers,
            prefilled,
            values,
            errors: {},
            revision,
            withdrawn: true,
            status: 409,
          });
        }
        if (!out.ok) {
          await c.refused(req, saveAction, org.id, { reden: 'verouderd', onderdeel: section.key }, q.id);
          const theirs = await responses.findResponse(c.db, q.id, org.id);
          return renderSection(reply, { c, org }, q, section, {
            answers: parsed.answers,
            prefilled,
            values,
            errors: {},
            revision: theirs?.revision ?? 0,
            stale: { by: theirs?.updatedByName ?? null, theirs: theirs?.answers ?? {} },
            status: 409,
          });
        }
        const base = questionnaireBase(org, q.id);
        // A question that appeared through this save is shown before moving on.
        const appeared = section.questions.some((x) => isShown(x, parsed.answers) && !isShown(x, current));
        if (appeared && !parsed.complete)
          return reply.redirect(`${base}/onderdelen/${section.key}?melding=erbij`, 303);
        if (!asComplete) return reply.redirect(`${base}/onderdelen/${section.key}?melding=opgeslagen`, 303);
        const next = q.definition.sections[q.definition.sections.indexOf(section) + 1];
        return reply.redirect(next ? `${base}/onderdelen/${next.key}` : `${base}/controleren`, 303);
      },
    );
  };
}
