// What every answering route needs, for either audience: the school or board (404 when the id is
// not one), the published questionnaire of its audience (404 otherwise), today's answering window,
// the answers as they stand (the saved working copy, or the platform's prefill before the first
// save), the menu for intervention questions, and the audit of a refused write.
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { NoMenuError, todayIn, type Menu } from '../../menukaart/services/menu.ts';
import { menuStateOf } from '../../menukaart/services/menu-state.ts';
import * as responses from '../repository/responses.ts';
import { definitionSchema, type Definition, type Section } from '../services/definition.ts';
import { prefill } from '../services/prefill.ts';
import { windowOf } from '../services/submit.ts';
import type { Answers, Audience } from '../tables.ts';
import type { MenuOption } from '../views/answer-fields.tsx';
import type { OrgRef } from '../views/answer-parts.tsx';
import { boardRespondents, schoolRespondents, schoolSubmissionReaders } from './access.ts';

export const objectType = 'questionnaire_response';

/** The menu as the answering pages use it, with its names looked up once. */
type LoadedMenu = Menu & { names: Map<string, string>; categoryNames: Map<string, string> };

export function answerContext(platform: Platform, audience: Audience) {
  const db = platform.database.db;
  const today = () => todayIn(platform.now());

  async function org(id: number): Promise<OrgRef & { parentId: number | null }> {
    const o = await responses.findOrganisation(db, id, audience);
    if (!o) throw notFound();
    return { id: o.id, name: o.name, audience, parentId: o.parent_id };
  }

  // A questionnaire's definition, parsed once per revision: every change by the builder raises
  // the revision (and a definition freezes once answered), so id and revision name one parse.
  const definitions = new Map<string, Definition>();
  function definitionOf(q: { id: number; revision: number; definition: unknown }): Definition {
    const key = `${q.id}:${q.revision}`;
    let d = definitions.get(key);
    if (!d) {
      // The stored definition was checked when it was written; parse so a bad row fails loudly.
      d = definitionSchema.parse(q.definition) as Definition;
      if (definitions.size >= 64) definitions.delete(definitions.keys().next().value!);
      definitions.set(key, d);
    }
    return d;
  }
  /** The parsed definition of a questionnaire read without it, with the revision it is of. */
  async function definitionFor(q: { id: number; revision: number }) {
    const kept = definitions.get(`${q.id}:${q.revision}`);
    if (kept) return { definition: kept, revision: q.revision };
    // Read in a separate query only when it is not kept yet; should the builder have raised the
    // revision in between, definition and revision still belong together.
    const row = await responses.findDefinition(db, q.id);
    return { definition: definitionOf({ id: q.id, ...row }), revision: row.revision };
  }

  async function questionnaire(id: number) {
    const q = await responses.findPublished(db, id, audience);
    if (!q) throw notFound();
    return { ...q, definition: definitionOf(q), window: windowOf(q, today()) };
  }

  /**
   * The answers as they stand, and the platform's prefill where it still matters. Before the first
   * save the prefill is the answers; after it, it only marks the answers of `sections` (default:
   * all) that nobody saved yet and are still the platform's. A saved section's answers are the
   * person's own, so its prefill is not read at all (on a busy page that is most of the queries).
   */
  async function answers(
    o: { id: number; parentId: number | null },
    q: { id: number; school_year_id: number; definition: Definition },
    sections: readonly Section[] = q.definition.sections,
  ) {
    return answersFrom(await responses.findResponse(db, q.id, o.id), o, q, sections);
  }

  /** answers() with the working copy already read. */
  async function answersFrom(
    response: responses.ResponseRow | undefined,
    o: { id: number; parentId: number | null },
    q: { id: number; school_year_id: number; definition: Definition },
    sections: readonly Section[],
  ) {
    const target = {
      audience,
      orgId: o.id,
      parentId: o.parentId,
      programmeId: platform.programme.id,
      schoolYearId: q.school_year_id,
    };
    if (!response) {
      const filled = await prefill(db, q.definition, target);
      return { response, prefilled: filled, current: filled };
    }
    const saved = new Set(response.sections_saved);
    const open = sections.filter((s) => !saved.has(s.key) && s.questions.some((x) => x.prefill));
    const filled: Answers = open.length ? await prefill(db, { sections: open }, target) : {};
    return { response, prefilled: filled, current: response.answers as Answers };
  }

  /**
   * org(), questionnaire() and answers() for one section, with the three reads in one query (the
   * page people open most). `section` picks the section from the definition (it throws not-found).
   */
  async function sectionState(orgId: number, questionnaireId: number, section: (d: Definition) => Section) {
    const found = await responses.findAnswering(db, orgId, audience, questionnaireId);
    if (!found?.questionnaire) throw notFound();
    const o = found.org;
    const org = { id: o.id, name: o.name, audience, parentId: o.parent_id };
    const q = {
      ...found.questionnaire,
      ...(await definitionFor(found.questionnaire)),
      window: windowOf(found.questionnaire, today()),
    };
    const s = section(q.definition);
    return { org, q, section: s, ...(await answersFrom(found.response, org, q, [s])) };
  }

  // The menu in force, shared with the menukaart's own pages (kept per calendar day, forgotten
  // when a version is published): a section with intervention or money questions then costs no
  // menu queries per view. Its name lookups are made once per loaded menu.
  const menus = menuStateOf(platform);
  const named = new WeakMap<Menu, LoadedMenu>();
  async function menuInForceKept(): Promise<LoadedMenu | null> {
    let m: Menu;
    try {
      m = (await menus.menu()).menu;
    } catch (e) {
      if (e instanceof NoMenuError) return null;
      throw e;
    }
    let loaded = named.get(m);
    if (!loaded) {
      loaded = {
        ...m,
        names: new Map(m.interventions.map((i) => [i.code, i.nameNl])),
        categoryNames: new Map(m.categories.map((c) => [c.code, c.name])),
      };
      named.set(m, loaded);
    }
    return loaded;
  }

  /**
   * The menu in force: the interventions (not withdrawn, plus any already chosen) and names, and
   * the version they are of (null without a published menu), for keys of pages that show it.
   */
  async function menu(chosen: readonly string[] = []) {
    const m = await menuInForceKept();
    if (!m)
      return {
        versionId: null,
        options: [] as MenuOption[],
        names: new Map<string, string>(),
        categoryNames: new Map<string, string>(),
      };
    const options: MenuOption[] = m.interventions
      .filter((i) => !i.withdrawn || chosen.includes(i.code))
      .map((i) => ({ code: i.code, name: i.nameNl, categoryCode: i.categoryCode }));
    return { versionId: m.version.id, options, names: m.names, categoryNames: m.categoryNames };
  }

  return {
    db,
    today,
    org,
    questionnaire,
    answers,
    sectionState,
    menu,
    access: audience === 'school' ? schoolRespondents : boardRespondents,
    /** Who reads a receipt: for a school also its board. */
    readers: audience === 'school' ? schoolSubmissionReaders : boardRespondents,
    who: (req: FastifyRequest) => ({ personId: req.principal?.personId ?? null, now: platform.now() }),
    refused: (
      req: FastifyRequest,
      action: string,
      orgId: number,
      details: Record<string, string | number>,
      objectId?: number,
    ) => audit(req, db, { action, result: 'mislukt', objectType, objectId, organisationId: orgId, details }),
  };
}

export type AnswerContext = ReturnType<typeof answerContext>;

/** The path prefix and id parameter of an audience. */
export const audiencePrefix = (audience: Audience) =>
  audience === 'school' ? '/scholen/:schoolId/verantwoording' : '/besturen/:boardId/verantwoording';
