// Shared pieces of the menukaart routes: their context, form reading, choices and the example data the route checks use.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Platform } from '../../../platform/platform.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { access } from '../../../platform/auth/access.ts';
import { draftVersion, type VersionRow } from '../repository/versions.ts';
import { insertItem, setItemInterventions } from '../repository/kennisplein.ts';
import { interventionByCode } from '../repository/entries.ts';
import { loadMenu } from '../services/menu.ts';
import { ensureDraft } from '../services/entry-editing.ts';
import type { MenuState } from '../services/menu-state.ts';
import type { MenuPageCache } from '../services/page-caches.ts';
import { normaliseLineEndings } from '../services/form-checks.ts';

export const publicPage = { access: access.public(), page: true } as const;
export const redactie = access.platform('redactie');

/** What each group of menukaart routes gets from the module's register(). */
export interface MenuRouteContext {
  app: FastifyInstance;
  platform: Platform;
  db: Kysely<DB>;
  state: MenuState;
  /** The search pages' own cache. */
  searchPages: MenuPageCache;
  /** Forgets the menu in force and empties the page caches (after a publish or a kennisplein change). */
  invalidate: () => void;
}

type Body = Record<string, string | string[] | undefined>;

/** Single values of a form body, and lists for repeated fields (checkboxes); line endings normalised. */
export function readForm(req: FastifyRequest) {
  const body = (req.body ?? {}) as Body;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body))
    if (k !== '_csrf') values[k] = normaliseLineEndings(Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
  const list = (k: string) => {
    const v = body[k];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v])
      .filter((x): x is string => typeof x === 'string')
      .map(normaliseLineEndings);
  };
  return { values, list };
}

export function positiveInt(s: unknown): number | null {
  return typeof s === 'string' && /^\d{1,9}$/.test(s) ? Number(s) : null;
}

export async function interventionChoices(db: Kysely<DB>, version: VersionRow) {
  const menu = await loadMenu(db, version);
  return menu.interventions.filter((i) => !i.withdrawn).map((i) => ({ code: i.code, name: i.nameNl }));
}

export async function exampleItem(db: Kysely<DB>, schoolId: number, status: 'concept' | 'ingediend') {
  const id = await insertItem(db, {
    kind: 'voorbeeld',
    school_id: schoolId,
    author_person_id: null,
    status,
    title: 'Tutoren uit de bovenbouw',
    school_type: 'Basisschool',
    what_they_did: 'Leerlingen uit groep 8 lazen twee keer per week met leerlingen uit groep 4.',
    cost_text: 'Vooral tijd van de coördinator.',
    cost_cents: 150000,
    lessons: 'Vaste duo’s en een korte training voor de tutoren maakten het verschil.',
    contact_ok: true,
    source_url: null,
  });
  const iv = await interventionByCode(db, 'B5');
  if (iv) await setItemInterventions(db, id, [iv.id]);
  return id;
}

/** Route-check example: a draft exists (made if needed), with these path parameters. */
export function draftExample(params: Record<string, string> = {}) {
  return {
    params: async ({ db: d }: { db: Kysely<DB> }) => {
      await ensureDraft(d, new Date(), null);
      return { ...params };
    },
  };
}

/** Route-check example: a draft exists (made if needed); no path parameters. */
export const draftOnly = draftExample();

/** The intervention or category code in the path, in capitals. */
export function codeParam(req: FastifyRequest): string {
  return String((req.params as { code: string }).code).toUpperCase();
}

/** The draft being edited; without one the editor is sent back to the redactie home page. */
export async function draftOrRedirect(db: Kysely<DB>, reply: FastifyReply) {
  const draft = await draftVersion(db);
  if (!draft) {
    reply.redirect('/redactie/menukaart', 303);
    return null;
  }
  return draft;
}
