// Shared pieces of the menukaart routes: their context, access rules, schema parts, the search
// page cache's serving, and the example data the route checks use.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { VNode } from 'preact';
import type { App, Platform } from '../../../platform/platform.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { renderDocument } from '../../../platform/http/render.ts';
import { many, text, z } from '../../../platform/http/schemas.ts';
import type { RouteExamples } from '../../../platform/http/fastify-types.ts';
import { draftVersion } from '../repository/versions.ts';
import { moderateItem, setItemInterventions } from '../repository/kennisplein.ts';
import { createItem } from '../services/kennisplein.ts';
import { interventionByCode } from '../repository/entries.ts';
import { ensureDraft } from '../services/entry-editing.ts';
import type { MenuState } from '../services/menu-state.ts';
import type { MenuPageCache } from '../services/page-caches.ts';
import { normaliseLineEndings } from '../services/form-checks.ts';

export const publicPage = { access: access.public(), page: true } as const;
export const redactie = access.platform('redactie');

/** What each group of menukaart routes gets from the module's register(). */
export interface MenuRouteContext {
  app: App;
  platform: Platform;
  db: Kysely<DB>;
  state: MenuState;
  /** The search pages' own cache. */
  searchPages: MenuPageCache;
  /** Forgets the menu in force and empties the page caches (after a publish or a kennisplein change). */
  invalidate: () => void;
}

/**
 * A text field of a form, with its line endings as stored: browsers send textarea lines as
 * CRLF; every text is kept with LF only. Lenient like `text()`: the module's own rules say
 * what is too long next to the field, so `max` is well above them.
 */
export const formText = (max: number) => text(max).transform(normaliseLineEndings);

/** A checkbox group or multiple select (interventions, sectors): always a list. */
export const codeList = many(20, 100);

/**
 * A query value a link may repeat (?q=a&q=b): the first one counts, as before the schemas.
 * Lenient: an absent value is undefined, never a 400. (Described as a plain string.)
 */
export const firstOf = (max: number) =>
  z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(max).optional());

/** An intervention code (B6) or category code (C) in the path, in capitals; anything else is a 404. */
export const interventionCode = z
  .string()
  .regex(/^[A-Za-z]\d{1,2}$/)
  .transform((s) => s.toUpperCase());
export const categoryCode = z
  .string()
  .regex(/^[A-Za-z]$/)
  .transform((s) => s.toUpperCase());

/** Serves a search page from the menukaart's own cache for visitors (never the front cache). */
export async function cachedMenuPage(
  cache: MenuPageCache,
  key: string,
  req: FastifyRequest,
  reply: FastifyReply,
  render: () => Promise<VNode>,
) {
  if (req.principal) return reply.page(await render());
  const fullKey = `${key}|${req.locale}`;
  const entry = cache.get(fullKey) ?? cache.set(fullKey, renderDocument(await render()));
  reply.header('etag', entry.etag).header('cache-control', 'public, max-age=0, must-revalidate');
  if (req.headers['if-none-match'] === entry.etag) return reply.status(304).send();
  return reply.type('text/html; charset=utf-8').send(entry.body);
}

/**
 * The draft being edited; without one (another editor published or discarded it) the editor is
 * sent back to the redactie home page, and the attempt is audited under the route's action.
 */
export async function draftOrRedirect(
  db: Kysely<DB>,
  req: FastifyRequest,
  reply: FastifyReply,
  action?: string,
) {
  const draft = await draftVersion(db);
  if (!draft) {
    if (action)
      await audit(req, db, {
        action,
        result: 'mislukt',
        objectType: 'menukaart_version',
        details: { reden: 'geen concept' },
      });
    reply.redirect('/redactie/menukaart', 303);
    return null;
  }
  return draft;
}

/** Route-check example data: a kennisplein example of the school, linked to B5. */
export async function exampleItem(db: Kysely<DB>, schoolId: number, status: 'concept' | 'ingediend') {
  const id = await createItem(db, {
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

/** Route-check example data: a published kennisplein example of the school. */
export async function publishedExampleItem(db: Kysely<DB>, schoolId: number) {
  const itemId = await exampleItem(db, schoolId, 'ingediend');
  await moderateItem(db, itemId, { status: 'gepubliceerd', note: null, personId: null });
  return itemId;
}

/** Makes sure a draft exists, for the route checks' examples (the editing routes need one). */
const ensureExampleDraft = (db: Kysely<DB>) => ensureDraft(db, new Date(), null);

/** Route-check example: a draft exists (made if needed), with these path parameters. */
export function draftExample(params: Record<string, string>): Required<Pick<RouteExamples, 'params'>> {
  return {
    params: async ({ db }) => {
      await ensureExampleDraft(db);
      return { ...params };
    },
  };
}

/** Route-check example for a page of the draft without path parameters: a draft exists. */
export const draftOnly: RouteExamples = {
  query: async ({ db }) => {
    await ensureExampleDraft(db);
    return '';
  },
};

/** Route-check example for a write on the draft without path parameters: a draft exists, then this body. */
export function onDraft(body: Record<string, string>): RouteExamples {
  return {
    bodyFor: async ({ db }) => {
      await ensureExampleDraft(db);
      return body;
    },
  };
}
