// Routes of the menukaart: public pages (cached per menu version for visitors), the JSON API,
// the kennisplein (public, school submissions, moderation) and editing by the redactie.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { PlatformModule } from '../module.ts';
import type { Platform } from '../../app.ts';
import type { DB } from '../../platform/db/schema.ts';
import { access } from '../../platform/auth/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { VNode } from 'preact';
import { cachedPage } from '../site/routes.tsx';
import type { PageCache } from '../../platform/http/page-cache.ts';
import { renderDocument } from '../../platform/http/render.ts';
import type { FormState } from '../../ui/components.tsx';
import * as repo from './repository.ts';
import * as svc from './service.ts';
import {
  applyFilters,
  parseCompare,
  parseFilters,
  sortInterventions,
  type MenuFilters,
} from './catalogue.ts';
import {
  ApiDocsPage,
  ComparePage,
  InterventionPage,
  MenuPage,
  ScalesPage,
  SearchPage,
  VersionDiffPage,
  VersionsPage,
  menuNav,
} from './views.tsx';
import { ItemFormPage, ItemPage, KennispleinPage, SchoolItemsPage } from './kennisplein-views.tsx';
import {
  CategoryFormPage,
  DraftDiffPage,
  EditorHome,
  EntryFormPage,
  ModerationFormPage,
  ModerationQueuePage,
  PublishPage,
  ResearchFormPage,
} from './editor-views.tsx';
import { registerApi } from './api.ts';

const publicPage = { access: access.public(), page: true } as const;
const redactie = access.platform('redactie');
const cachePrefix = 'menukaart:';

type Body = Record<string, string | string[] | undefined>;

/** Single values of a form body, and lists for repeated fields (checkboxes). */
function readForm(req: FastifyRequest) {
  const body = (req.body ?? {}) as Body;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body))
    if (k !== '_csrf') values[k] = Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  const list = (k: string) => {
    const v = body[k];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
      (x): x is string => typeof x === 'string',
    );
  };
  return { values, list };
}

function positiveInt(s: unknown): number | null {
  return typeof s === 'string' && /^\d{1,9}$/.test(s) ? Number(s) : null;
}

/**
 * The menu version in force, remembered per calendar day and forgotten on publish, so cached
 * pages need no database round trip.
 */
export class MenuState {
  private cached: { day: string; version: repo.VersionRow } | null = null;
  private menuCache: Promise<svc.Menu> | null = null;
  private menuVersionId: number | null = null;
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: () => Date,
  ) {}
  async inForce(): Promise<repo.VersionRow> {
    const day = svc.todayIn(this.now());
    if (this.cached?.day === day) return this.cached.version;
    const version = await svc.menuVersionInForce(this.db, this.now());
    this.cached = { day, version };
    return version;
  }
  /** The whole menu in force (categories and interventions), kept until it changes. */
  async menu(): Promise<{ version: repo.VersionRow; menu: svc.Menu }> {
    const version = await this.inForce();
    if (this.menuVersionId !== version.id || !this.menuCache) {
      this.menuVersionId = version.id;
      this.menuCache = svc.loadMenu(this.db, version);
      this.menuCache.catch(() => {
        this.menuCache = null;
      });
    }
    return { version, menu: await this.menuCache };
  }
  forget() {
    this.cached = null;
    this.menuCache = null;
    this.menuVersionId = null;
  }
}

async function interventionChoices(db: Kysely<DB>, version: repo.VersionRow) {
  const menu = await svc.loadMenu(db, version);
  return menu.interventions.filter((i) => !i.withdrawn).map((i) => ({ code: i.code, name: i.nameNl }));
}

async function exampleItem(db: Kysely<DB>, schoolId: number, status: 'concept' | 'ingediend') {
  const id = await repo.insertItem(db, {
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
  const iv = await repo.interventionByCode(db, 'B5');
  if (iv) await repo.setItemInterventions(db, id, [iv.id]);
  return id;
}

export const menukaartModule: PlatformModule = {
  name: 'menukaart',
  nav: [menuNav],
  register(app: FastifyInstance, platform: Platform) {
    const db = platform.database.db;
    const state = new MenuState(db, platform.now);
    // Visitors' pages live in the platform's page cache (and its front cache) under
    // 'menukaart:'; search pages in a cache of their own, so a flood of different searches
    // never pushes the menu out. Both are emptied when a version is published or the
    // kennisplein changes, and when a new calendar day brings another version into force.
    const searchPages = new MenuPageCache(1000);
    const invalidate = () => {
      state.forget();
      platform.pageCache.invalidate(cachePrefix);
      searchPages.clear();
    };
    let day = svc.todayIn(platform.now());
    const dayWatch = setInterval(() => {
      const today = svc.todayIn(platform.now());
      if (today !== day) {
        day = today;
        invalidate();
      }
    }, 60_000);
    dayWatch.unref();
    app.addHook('onClose', async () => clearInterval(dayWatch));

    // ---- public pages ---------------------------------------------------------------------

    app.get(
      '/menukaart',
      { config: { ...publicPage, examples: { query: '?categorie=B&sortering=effect' } } },
      async (req, reply) => {
        const { version, menu } = await state.menu();
        const parsed = parseFilters(
          req.query as Record<string, unknown>,
          menu.categories.map((c) => c.code),
        );
        const render = () => {
          const rows = sortInterventions(
            applyFilters(menu.interventions, parsed.filters),
            parsed.filters.sortering,
          );
          return (
            <MenuPage
              ctx={reply.ctx()}
              version={version}
              categories={menu.categories}
              interventions={rows}
              total={menu.interventions.length}
              filters={parsed.filters}
              errors={parsed.ok ? [] : parsed.errors}
            />
          );
        };
        if (!parsed.ok) return reply.page(render(), 400);
        const key = `${cachePrefix}v${version.id}:list${filterQueryKey(parsed.filters)}`;
        return cachedPageOr404(platform.pageCache, key, req, reply, render);
      },
    );

    app.get('/menukaart/uitleg', { config: publicPage }, async (req, reply) =>
      cachedPageOr404(platform.pageCache, `${cachePrefix}uitleg`, req, reply, () => (
        <ScalesPage ctx={reply.ctx()} />
      )),
    );

    app.get('/menukaart/api', { config: publicPage }, async (req, reply) =>
      cachedPageOr404(platform.pageCache, `${cachePrefix}api`, req, reply, () => (
        <ApiDocsPage ctx={reply.ctx()} />
      )),
    );

    app.get(
      '/menukaart/zoeken',
      { config: { ...publicPage, examples: { query: '?q=lezen' } } },
      async (req, reply) => {
        const version = await state.inForce();
        const q = (req.query as Record<string, unknown>).q;
        const raw = Array.isArray(q) ? q[0] : q;
        const shown = typeof raw === 'string' ? raw.slice(0, svc.maxQueryLength) : '';
        const terms = svc.searchTerms(raw);
        if (!terms) {
          const problem = shown.trim()
            ? 'Uw zoekvraag bevat geen letters of cijfers waarop we kunnen zoeken. Typ een of meer woorden, bijvoorbeeld "lezen" of "feedback".'
            : 'Typ een of meer woorden om te zoeken, bijvoorbeeld "lezen" of "feedback".';
          return reply.page(
            <SearchPage
              ctx={reply.ctx()}
              q={shown}
              notice={null}
              problem={problem}
              interventions={[]}
              items={[]}
            />,
            shown.trim() ? 400 : 200,
          );
        }
        return cachedMenuPage(searchPages, `v${version.id}:${shown}`, req, reply, async () => {
          const found = await svc.search(db, version.id, terms);
          return (
            <SearchPage
              ctx={reply.ctx()}
              q={shown}
              notice={terms.notice}
              problem={null}
              interventions={found.interventions}
              items={found.items}
            />
          );
        });
      },
    );

    app.get(
      '/menukaart/vergelijken',
      { config: { ...publicPage, examples: { query: '?code=B6&code=D1' } } },
      async (req, reply) => {
        const { menu } = await state.menu();
        const raw = (req.query as Record<string, unknown>).code;
        const { codes, tooMany } = parseCompare(raw);
        const chosen = codes
          .map((c) => menu.interventions.find((i) => i.code === c))
          .filter((i): i is svc.Intervention => Boolean(i));
        const unknown = codes.filter((c) => !menu.interventions.some((i) => i.code === c));
        return reply.page(
          <ComparePage
            ctx={reply.ctx()}
            chosen={chosen}
            all={menu.interventions}
            tooMany={tooMany}
            unknown={unknown}
          />,
          tooMany || unknown.length ? 400 : 200,
        );
      },
    );

    app.get('/menukaart/versies', { config: publicPage }, async (req, reply) => {
      const version = await state.inForce();
      return cachedPageOr404(
        platform.pageCache,
        `${cachePrefix}v${version.id}:versies`,
        req,
        reply,
        async () => (
          <VersionsPage
            ctx={reply.ctx()}
            versions={await repo.publishedVersions(db)}
            inForceId={version.id}
          />
        ),
      );
    });

    app.get(
      '/menukaart/verschil',
      { config: { ...publicPage, examples: { query: '?van=2021-05&naar=2022-04' } } },
      async (req, reply) => {
        const q = req.query as Record<string, unknown>;
        const [from, to] = await Promise.all([
          typeof q.van === 'string' ? repo.versionByLabel(db, q.van) : undefined,
          typeof q.naar === 'string' ? repo.versionByLabel(db, q.naar) : undefined,
        ]);
        if (!from || !to) return reply.callNotFound();
        return cachedPageOr404(
          platform.pageCache,
          `${cachePrefix}diff:${from.id}:${to.id}`,
          req,
          reply,
          async () => (
            <VersionDiffPage
              ctx={reply.ctx()}
              from={from}
              to={to}
              diff={await svc.diffBetween(db, from, to)}
            />
          ),
        );
      },
    );

    app.get(
      '/menukaart/:code',
      { config: { ...publicPage, examples: { params: () => ({ code: 'B6' }) } } },
      async (req, reply) => {
        const code = String((req.params as { code: string }).code).toUpperCase();
        const inForce = await state.inForce();
        const label = (req.query as Record<string, unknown>).versie;
        const version =
          typeof label === 'string' && label !== inForce.label
            ? await repo.versionByLabel(db, label)
            : inForce;
        if (!version || !/^[A-Z]\d{1,2}$/.test(code)) return reply.callNotFound();
        return cachedPageOr404(
          platform.pageCache,
          `${cachePrefix}v${version.id}:iv:${code}`,
          req,
          reply,
          async () => {
            const entry = await repo.entryByCode(db, version.id, code);
            if (!entry) return null;
            const i = svc.toIntervention(entry);
            const [cats, history, versions, items] = await Promise.all([
              repo.categories(db, version.id),
              repo.ratings(db, i.id),
              repo.versionsOfIntervention(db, i.id),
              repo.publishedItems(db, { interventionId: i.id }),
            ]);
            const c = cats.find((x) => x.code === i.categoryCode);
            const category = c
              ? {
                  code: c.code,
                  name: c.name,
                  shortName: c.short_name,
                  description: c.description,
                  supportOnly: c.support_only,
                }
              : undefined;
            return (
              <InterventionPage
                ctx={reply.ctx()}
                version={version}
                inForce={version.id === inForce.id}
                i={i}
                category={category}
                ratingHistory={history}
                versions={versions}
                items={items}
              />
            );
          },
        );
      },
    );

    // ---- kennisplein (public) -------------------------------------------------------------

    app.get('/kennisplein', { config: publicPage }, async (req, reply) => {
      const version = await state.inForce();
      return cachedPageOr404(platform.pageCache, `${cachePrefix}kp:list`, req, reply, async () => {
        const items = await repo.publishedItems(db);
        const links = await repo.itemInterventions(
          db,
          items.map((i) => i.id),
          version.id,
        );
        return <KennispleinPage ctx={reply.ctx()} items={items} links={links} />;
      });
    });

    app.get(
      '/kennisplein/:itemId',
      {
        config: {
          ...publicPage,
          examples: {
            params: async ({ schoolId, db: d }) => {
              const id = await exampleItem(d, schoolId, 'ingediend');
              await repo.moderateItem(d, id, { status: 'gepubliceerd', note: null, personId: null });
              return { itemId: id };
            },
          },
        },
      },
      async (req, reply) => {
        const id = positiveInt((req.params as { itemId: string }).itemId);
        if (id === null) return reply.callNotFound();
        const version = await state.inForce();
        return cachedPageOr404(platform.pageCache, `${cachePrefix}kp:${id}`, req, reply, async () => {
          const item = await repo.itemById(db, id);
          if (!item || item.status !== 'gepubliceerd') return null;
          const links = await repo.itemInterventions(db, [id], version.id);
          return <ItemPage ctx={reply.ctx()} item={item} links={links} />;
        });
      },
    );

    // ---- kennisplein (school leaders submit) ----------------------------------------------

    const school = access.school(['schoolleider']);
    const schoolExample = { params: ({ schoolId }: { schoolId: number }) => ({ schoolId }) };
    const itemBody = {
      titel: 'Lezen met tutoren',
      schooltype: 'Basisschool',
      interventies: 'B5',
      watGedaan: 'Groep 8 las met groep 4.',
      geleerd: 'Vaste duo’s werken.',
      actie: 'indienen',
    };

    app.get(
      '/scholen/:schoolId/kennisplein',
      { config: { access: school, page: true, examples: schoolExample } },
      async (req, reply) => {
        const schoolId = Number((req.params as { schoolId: string }).schoolId);
        return reply.page(
          <SchoolItemsPage
            ctx={reply.ctx()}
            schoolId={schoolId}
            items={await repo.itemsOfSchool(db, schoolId)}
          />,
        );
      },
    );

    const renderItemForm = async (
      reply: FastifyReply,
      action: string,
      form: FormState,
      chosen: string[],
      status = 200,
      note?: string | null,
    ) => {
      const choices = await interventionChoices(db, await state.inForce());
      return reply.page(
        <ItemFormPage
          ctx={reply.ctx()}
          action={action}
          form={form}
          chosen={chosen}
          choices={choices}
          note={note}
        />,
        status,
      );
    };

    app.get(
      '/scholen/:schoolId/kennisplein/nieuw',
      { config: { access: school, page: true, examples: schoolExample } },
      async (req, reply) => {
        const schoolId = Number((req.params as { schoolId: string }).schoolId);
        return renderItemForm(
          reply,
          `/scholen/${schoolId}/kennisplein/nieuw`,
          { values: {}, errors: {} },
          [],
        );
      },
    );

    const saveItem = async (
      req: FastifyRequest,
      reply: FastifyReply,
      schoolId: number,
      existing: repo.ItemRow | null,
    ) => {
      const { values, list } = readForm(req);
      const action = existing
        ? `/scholen/${schoolId}/kennisplein/${existing.id}`
        : `/scholen/${schoolId}/kennisplein/nieuw`;
      const chosen = list('interventies');
      const choices = await interventionChoices(db, await state.inForce());
      const result = svc.validateItem(
        { values, interventions: chosen },
        { interventionCodes: choices.map((c) => c.code), kind: 'voorbeeld' },
      );
      if (!result.ok)
        return renderItemForm(
          reply,
          action,
          { values, errors: result.errors },
          chosen,
          422,
          existing?.moderator_note,
        );
      const status = values.actie === 'opslaan' ? 'concept' : 'ingediend';
      const ids = await Promise.all(result.codes.map((c) => repo.interventionByCode(db, c)));
      await db.transaction().execute(async (trx) => {
        let id: number;
        if (existing) {
          id = existing.id;
          await repo.updateItem(trx, id, { ...result.values, status });
        } else {
          id = await repo.insertItem(trx, {
            ...result.values,
            kind: 'voorbeeld',
            school_id: schoolId,
            author_person_id: req.principal?.personId ?? null,
            status,
          });
        }
        await repo.setItemInterventions(
          trx,
          id,
          ids.filter((x) => x !== undefined).map((x) => x!.id),
        );
        await audit(req, trx, {
          action: status === 'ingediend' ? 'kennisplein.indienen' : 'kennisplein.opslaan',
          objectType: 'kennisplein_item',
          objectId: id,
          organisationId: schoolId,
        });
      });
      return reply.redirect(`/scholen/${schoolId}/kennisplein`, 303);
    };

    app.post(
      '/scholen/:schoolId/kennisplein/nieuw',
      { config: { access: school, examples: { ...schoolExample, body: itemBody } } },
      async (req, reply) => {
        const schoolId = Number((req.params as { schoolId: string }).schoolId);
        return saveItem(req, reply, schoolId, null);
      },
    );

    const itemExample = {
      params: async ({ schoolId, db: d }: { schoolId: number; db: Kysely<DB> }) => ({
        schoolId,
        itemId: await exampleItem(d, schoolId, 'concept'),
      }),
    };
    const ownItem = async (req: FastifyRequest) => {
      const p = req.params as { schoolId: string; itemId: string };
      const id = positiveInt(p.itemId);
      const item = id === null ? undefined : await repo.itemById(db, id);
      return item && item.school_id === Number(p.schoolId) && item.kind === 'voorbeeld' ? item : null;
    };

    app.get(
      '/scholen/:schoolId/kennisplein/:itemId',
      { config: { access: school, page: true, examples: itemExample } },
      async (req, reply) => {
        const item = await ownItem(req);
        if (!item) return reply.callNotFound();
        const version = await state.inForce();
        const links = await repo.itemInterventions(db, [item.id], version.id);
        if (!svc.schoolMayEdit(item.status))
          return reply.page(<ItemPage ctx={reply.ctx()} item={item} links={links} preview />);
        const values = {
          titel: item.title,
          schooltype: item.school_type,
          watGedaan: item.what_they_did,
          kosten: item.cost_text,
          kostenBedrag: item.cost_cents === null ? '' : (item.cost_cents / 100).toFixed(2).replace('.', ','),
          geleerd: item.lessons,
          contact: item.contact_ok ? 'ja' : '',
        };
        return renderItemForm(
          reply,
          `/scholen/${item.school_id}/kennisplein/${item.id}`,
          { values, errors: {} },
          links.map((l) => l.code),
          200,
          item.status === 'wijzigingen_gevraagd' ? item.moderator_note : null,
        );
      },
    );

    app.post(
      '/scholen/:schoolId/kennisplein/:itemId',
      { config: { access: school, examples: { ...itemExample, body: itemBody } } },
      async (req, reply) => {
        const item = await ownItem(req);
        if (!item) return reply.callNotFound();
        if (!svc.schoolMayEdit(item.status)) {
          const version = await state.inForce();
          const links = await repo.itemInterventions(db, [item.id], version.id);
          return reply.page(<ItemPage ctx={reply.ctx()} item={item} links={links} preview />, 409);
        }
        return saveItem(req, reply, item.school_id!, item);
      },
    );

    // ---- redactie: menu editing -----------------------------------------------------------

    const editorHome = async (req: FastifyRequest, reply: FastifyReply, message?: string) => {
      const inForce = await state.inForce();
      const draft = await repo.draftVersion(db);
      const menu = draft ? await svc.loadMenu(db, draft) : null;
      const pending = (await repo.itemsWithStatus(db, ['ingediend'])).length;
      return reply.page(
        <EditorHome
          ctx={reply.ctx()}
          inForce={inForce}
          draft={draft}
          categories={menu?.categories ?? []}
          interventions={menu?.interventions ?? []}
          versions={await repo.publishedVersions(db)}
          pending={pending}
          message={message}
        />,
      );
    };

    app.get('/redactie/menukaart', { config: { access: redactie, page: true } }, async (req, reply) => {
      const q = req.query as Record<string, unknown>;
      const messages: Record<string, string> = {
        opgeslagen: 'Het concept is opgeslagen.',
        gepubliceerd: 'De nieuwe versie is gepubliceerd.',
        weggegooid: 'Het concept is weggegooid.',
        begonnen: 'Er is een concept gemaakt.',
      };
      return editorHome(req, reply, typeof q.melding === 'string' ? messages[q.melding] : undefined);
    });

    app.post(
      '/redactie/menukaart/concept',
      { config: { access: redactie, examples: { body: {} } } },
      async (req, reply) => {
        try {
          await db.transaction().execute(async (trx) => {
            const { id, created } = await svc.ensureDraft(
              trx,
              platform.now(),
              req.principal?.personId ?? null,
            );
            if (created)
              await audit(req, trx, {
                action: 'menukaart.concept.begin',
                objectType: 'menukaart_version',
                objectId: id,
              });
            else req.audited = true;
          });
        } catch (err) {
          // Another editor started a draft at the same moment: theirs is the draft.
          if ((err as { code?: string }).code !== '23505') throw err;
          req.audited = true;
        }
        return reply.redirect('/redactie/menukaart?melding=begonnen', 303);
      },
    );

    app.post(
      '/redactie/menukaart/concept/verwijderen',
      { config: { access: redactie, examples: { body: {} } } },
      async (req, reply) => {
        await db.transaction().execute(async (trx) => {
          const draft = await repo.draftVersion(trx);
          if (draft) {
            await repo.deleteDraft(trx, draft.id);
            await audit(req, trx, {
              action: 'menukaart.concept.weggooien',
              objectType: 'menukaart_version',
              objectId: draft.id,
            });
          } else req.audited = true;
        });
        return reply.redirect('/redactie/menukaart?melding=weggegooid', 303);
      },
    );

    const withDraft = {
      params: async ({ db: d }: { db: Kysely<DB> }) => {
        await svc.ensureDraft(d, new Date(), null);
        return { code: 'B6' };
      },
    };
    const draftOr404 = async (reply: FastifyReply) => {
      const draft = await repo.draftVersion(db);
      if (!draft) {
        reply.redirect('/redactie/menukaart', 303);
        return null;
      }
      return draft;
    };

    const renderEntryForm = async (
      reply: FastifyReply,
      draft: repo.VersionRow,
      code: string,
      isNew: boolean,
      form: FormState,
      sectors: string[],
      status = 200,
    ) => {
      const cats = await svc.loadMenu(db, draft);
      return reply.page(
        <EntryFormPage
          ctx={reply.ctx()}
          code={code}
          isNew={isNew}
          form={form}
          sectors={sectors}
          categories={cats.categories}
        />,
        status,
      );
    };

    app.get(
      '/redactie/menukaart/concept/interventie/:code',
      { config: { access: redactie, page: true, examples: withDraft } },
      async (req, reply) => {
        const draft = await draftOr404(reply);
        if (!draft) return reply;
        const entry = await repo.entryByCode(
          db,
          draft.id,
          String((req.params as { code: string }).code).toUpperCase(),
        );
        if (!entry) return reply.callNotFound();
        const f = svc.entryFormValues(svc.toIntervention(entry));
        return renderEntryForm(reply, draft, entry.code, false, { values: f.values, errors: {} }, f.sectors);
      },
    );

    const entryBody = {
      categorie: 'B',
      naam: 'Feedback',
      bron: 'EEF',
      samenvatting: 'Gerichte feedback.',
      sectoren: 'po',
      effect: '6',
      bewijs: '4',
      kosten: '1',
      beoordeeldOp: '2022-04-01',
      beoordelingBron: 'https://www.nponderwijs.nl/po-en-vo/aan-de-slag/menukaart/',
      status: 'actief',
      pk_watHetIs: 'Tekst.',
      pk_onderzoek: 'Tekst.',
      pk_aanpak: 'Tekst.',
      pk_voorwaarden: 'Tekst.',
      pk_valkuilen: 'Tekst.',
      pk_kosten: 'Tekst.',
      pk_evaluatie: 'Tekst.',
      pk_aandachtspunten: 'Tekst.',
    };

    const saveEntry = async (req: FastifyRequest, reply: FastifyReply, isNew: boolean) => {
      const draft = await draftOr404(reply);
      if (!draft) return reply;
      const { values, list } = readForm(req);
      const menu = await svc.loadMenu(db, draft);
      const code = isNew ? '' : String((req.params as { code: string }).code).toUpperCase();
      const previous = isNew ? undefined : menu.interventions.find((i) => i.code === code);
      if (!isNew && !previous) return reply.callNotFound();
      const allCodes = (await db.selectFrom('menukaart_intervention').select('code').execute()).map(
        (r) => r.code,
      );
      const result = svc.validateEntry(
        { values, sectors: list('sectoren') },
        {
          categoryCodes: menu.categories.map((c) => c.code),
          interventionCodes: isNew ? allCodes : menu.interventions.map((i) => i.code),
          previous,
          isNew,
        },
      );
      if (!result.ok)
        return renderEntryForm(
          reply,
          draft,
          code,
          isNew,
          { values, errors: result.errors },
          list('sectoren'),
          422,
        );
      await db.transaction().execute(async (trx) => {
        const personId = req.principal?.personId ?? null;
        if (isNew) {
          const id = await repo.insertIntervention(trx, result.code);
          await repo.insertEntry(trx, draft.id, id, result.values, null, personId);
          await audit(req, trx, {
            action: 'menukaart.interventie.nieuw',
            objectType: 'menukaart_intervention',
            objectId: result.code,
          });
        } else {
          await repo.updateEntry(trx, draft.id, previous!.id, result.values, personId);
          await audit(req, trx, {
            action: 'menukaart.interventie.wijzigen',
            objectType: 'menukaart_intervention',
            objectId: code,
            details: { ingetrokken: result.values.withdrawn },
          });
        }
      });
      return reply.redirect('/redactie/menukaart?melding=opgeslagen', 303);
    };

    app.post(
      '/redactie/menukaart/concept/interventie/:code',
      { config: { access: redactie, examples: { ...withDraft, body: entryBody } } },
      async (req, reply) => saveEntry(req, reply, false),
    );

    const draftOnly = {
      params: async ({ db: d }: { db: Kysely<DB> }) => {
        await svc.ensureDraft(d, new Date(), null);
        return {};
      },
    };

    app.get(
      '/redactie/menukaart/concept/nieuw',
      { config: { access: redactie, page: true, examples: draftOnly } },
      async (req, reply) => {
        const draft = await draftOr404(reply);
        if (!draft) return reply;
        return renderEntryForm(reply, draft, '', true, { values: { status: 'actief' }, errors: {} }, []);
      },
    );

    app.post(
      '/redactie/menukaart/concept/nieuw',
      { config: { access: redactie, examples: { ...draftOnly, body: { ...entryBody, code: 'B20' } } } },
      async (req, reply) => saveEntry(req, reply, true),
    );

    const withCategory = {
      params: async ({ db: d }: { db: Kysely<DB> }) => {
        await svc.ensureDraft(d, new Date(), null);
        return { code: 'C' };
      },
    };

    app.get(
      '/redactie/menukaart/concept/categorie/:code',
      { config: { access: redactie, page: true, examples: withCategory } },
      async (req, reply) => {
        const draft = await draftOr404(reply);
        if (!draft) return reply;
        const code = String((req.params as { code: string }).code).toUpperCase();
        const c = (await repo.categories(db, draft.id)).find((x) => x.code === code);
        if (!c) return reply.callNotFound();
        return reply.page(
          <CategoryFormPage
            ctx={reply.ctx()}
            code={code}
            form={{
              values: {
                naam: c.name,
                korteNaam: c.short_name,
                omschrijving: c.description,
                alleenOndersteunend: c.support_only ? 'ja' : 'nee',
              },
              errors: {},
            }}
          />,
        );
      },
    );

    app.post(
      '/redactie/menukaart/concept/categorie/:code',
      {
        config: {
          access: redactie,
          examples: {
            ...withCategory,
            body: {
              naam: 'Sociaal-emotionele en fysieke ontwikkeling van leerlingen',
              korteNaam: 'Sociaal-emotioneel',
              omschrijving: 'Welbevinden en beweging.',
              alleenOndersteunend: 'nee',
            },
          },
        },
      },
      async (req, reply) => {
        const draft = await draftOr404(reply);
        if (!draft) return reply;
        const code = String((req.params as { code: string }).code).toUpperCase();
        const c = (await repo.categories(db, draft.id)).find((x) => x.code === code);
        if (!c) return reply.callNotFound();
        const { values } = readForm(req);
        const result = svc.validateCategory(values);
        if (!result.ok)
          return reply.page(
            <CategoryFormPage ctx={reply.ctx()} code={code} form={{ values, errors: result.errors }} />,
            422,
          );
        await db.transaction().execute(async (trx) => {
          await repo.updateCategory(trx, draft.id, code, result.values);
          await audit(req, trx, {
            action: 'menukaart.categorie.wijzigen',
            objectType: 'menukaart_category',
            objectId: code,
          });
        });
        return reply.redirect('/redactie/menukaart?melding=opgeslagen', 303);
      },
    );

    app.get(
      '/redactie/menukaart/concept/verschil',
      { config: { access: redactie, page: true, examples: draftOnly } },
      async (req, reply) => {
        const draft = await draftOr404(reply);
        if (!draft) return reply;
        const inForce = await state.inForce();
        return reply.page(
          <DraftDiffPage
            ctx={reply.ctx()}
            inForce={inForce}
            diff={await svc.diffBetween(db, inForce, draft)}
          />,
        );
      },
    );

    const renderPublish = async (
      reply: FastifyReply,
      draft: repo.VersionRow,
      form: FormState,
      status = 200,
    ) => {
      const diff = await svc.diffBetween(db, await state.inForce(), draft);
      return reply.page(
        <PublishPage ctx={reply.ctx()} form={form} diffCount={diff.changes.length} />,
        status,
      );
    };

    app.get(
      '/redactie/menukaart/concept/publiceren',
      { config: { access: redactie, page: true, examples: draftOnly } },
      async (req, reply) => {
        const draft = await draftOr404(reply);
        if (!draft) return reply;
        return renderPublish(reply, draft, {
          values: { geldigVanaf: svc.todayIn(platform.now()) },
          errors: {},
        });
      },
    );

    app.post(
      '/redactie/menukaart/concept/publiceren',
      {
        config: {
          access: redactie,
          examples: {
            ...draftOnly,
            body: { titel: 'Menukaart proef', geldigVanaf: '2023-09-01', toelichting: 'Proefversie.' },
          },
        },
      },
      async (req, reply) => {
        const draft = await draftOr404(reply);
        if (!draft) return reply;
        const { values } = readForm(req);
        const result = svc.validatePublish(values, await repo.latestValidFrom(db));
        if (!result.ok) return renderPublish(reply, draft, { values, errors: result.errors }, 422);
        await db.transaction().execute(async (trx) => {
          const label = await svc.publishDraft(trx, draft, result, req.principal?.personId ?? null);
          await audit(req, trx, {
            action: 'menukaart.publiceren',
            objectType: 'menukaart_version',
            objectId: draft.id,
            details: { label, geldigVanaf: result.validFrom },
          });
        });
        invalidate();
        return reply.redirect('/redactie/menukaart?melding=gepubliceerd', 303);
      },
    );

    // ---- redactie: kennisplein moderation -------------------------------------------------

    app.get('/redactie/kennisplein', { config: { access: redactie, page: true } }, async (req, reply) => {
      const q = req.query as Record<string, unknown>;
      const message =
        q.melding === 'besluit'
          ? 'Het besluit is opgeslagen.'
          : q.melding === 'onderzoek'
            ? 'De samenvatting is gepubliceerd.'
            : undefined;
      return reply.page(
        <ModerationQueuePage
          ctx={reply.ctx()}
          items={await repo.itemsWithStatus(db, ['ingediend'])}
          message={message}
        />,
      );
    });

    const renderResearch = async (reply: FastifyReply, form: FormState, chosen: string[], status = 200) => {
      const choices = await interventionChoices(db, await state.inForce());
      return reply.page(
        <ResearchFormPage ctx={reply.ctx()} form={form} chosen={chosen} choices={choices} />,
        status,
      );
    };

    app.get(
      '/redactie/kennisplein/onderzoek',
      { config: { access: redactie, page: true } },
      async (req, reply) => renderResearch(reply, { values: {}, errors: {} }, []),
    );

    app.post(
      '/redactie/kennisplein/onderzoek',
      {
        config: {
          access: redactie,
          examples: {
            body: {
              titel: 'Feedback in de praktijk',
              interventies: 'B6',
              watGedaan: 'Samenvatting.',
              bron: 'https://onderwijskennis.nl/',
            },
          },
        },
      },
      async (req, reply) => {
        const { values, list } = readForm(req);
        const chosen = list('interventies');
        const choices = await interventionChoices(db, await state.inForce());
        const result = svc.validateItem(
          { values, interventions: chosen },
          { interventionCodes: choices.map((c) => c.code), kind: 'onderzoek' },
        );
        if (!result.ok) return renderResearch(reply, { values, errors: result.errors }, chosen, 422);
        const ids = await Promise.all(result.codes.map((c) => repo.interventionByCode(db, c)));
        await db.transaction().execute(async (trx) => {
          const id = await repo.insertItem(trx, {
            ...result.values,
            kind: 'onderzoek',
            school_id: null,
            author_person_id: req.principal?.personId ?? null,
            status: 'gepubliceerd',
          });
          await repo.setItemInterventions(
            trx,
            id,
            ids.filter((x) => x !== undefined).map((x) => x!.id),
          );
          await audit(req, trx, {
            action: 'kennisplein.onderzoek.publiceren',
            objectType: 'kennisplein_item',
            objectId: id,
          });
        });
        invalidate();
        return reply.redirect('/redactie/kennisplein?melding=onderzoek', 303);
      },
    );

    const pendingExample = {
      params: async ({ schoolId, db: d }: { schoolId: number; db: Kysely<DB> }) => ({
        itemId: await exampleItem(d, schoolId, 'ingediend'),
      }),
    };
    const itemFor = async (req: FastifyRequest) => {
      const id = positiveInt((req.params as { itemId: string }).itemId);
      return id === null ? undefined : repo.itemById(db, id);
    };

    app.get(
      '/redactie/kennisplein/:itemId',
      { config: { access: redactie, page: true, examples: pendingExample } },
      async (req, reply) => {
        const item = await itemFor(req);
        if (!item || item.kind !== 'voorbeeld') return reply.callNotFound();
        return reply.page(
          <ModerationFormPage ctx={reply.ctx()} item={item} form={{ values: {}, errors: {} }} />,
        );
      },
    );

    app.get(
      '/redactie/kennisplein/:itemId/voorbeeld',
      { config: { access: redactie, page: true, examples: pendingExample } },
      async (req, reply) => {
        const item = await itemFor(req);
        if (!item) return reply.callNotFound();
        const links = await repo.itemInterventions(db, [item.id], (await state.inForce()).id);
        return reply.page(<ItemPage ctx={reply.ctx()} item={item} links={links} preview />);
      },
    );

    app.post(
      '/redactie/kennisplein/:itemId',
      { config: { access: redactie, examples: { ...pendingExample, body: { actie: 'goedkeuren' } } } },
      async (req, reply) => {
        const item = await itemFor(req);
        if (!item || item.kind !== 'voorbeeld') return reply.callNotFound();
        const { values } = readForm(req);
        const result = svc.validateModeration(item.status, values);
        if (!result.ok)
          return reply.page(
            <ModerationFormPage ctx={reply.ctx()} item={item} form={{ values, errors: result.errors }} />,
            422,
          );
        await db.transaction().execute(async (trx) => {
          await repo.moderateItem(trx, item.id, {
            status: result.status,
            note: result.note,
            personId: req.principal?.personId ?? null,
          });
          await audit(req, trx, {
            action: 'kennisplein.besluit',
            objectType: 'kennisplein_item',
            objectId: item.id,
            organisationId: item.school_id,
            details: { besluit: result.status },
          });
        });
        invalidate();
        return reply.redirect('/redactie/kennisplein?melding=besluit', 303);
      },
    );

    registerApi(app, platform, state);
  },
};

function filterQueryKey(f: MenuFilters) {
  return [f.categorie ?? '', f.sector ?? '', f.kosten ?? '', f.bewijs ?? '', f.sortering, f.weergave].join(
    '|',
  );
}

/**
 * Rendered pages for visitors, kept as bytes (no re-encoding per request) and keyed by menu
 * version; emptied when a version is published or the kennisplein changes. Signed-in people
 * always get a fresh page (it carries their name and CSRF token).
 */
export class MenuPageCache {
  private readonly pages = new Map<string, { body: Buffer; etag: string }>();
  private counter = 0;
  constructor(private readonly maxEntries = 400) {}
  get(key: string) {
    return this.pages.get(key);
  }
  set(key: string, html: string) {
    if (this.pages.size >= this.maxEntries) {
      const first = this.pages.keys().next().value;
      if (first !== undefined) this.pages.delete(first);
    }
    const body = Buffer.from(html, 'utf8');
    const entry = { body, etag: `"m${(++this.counter).toString(36)}-${body.length.toString(36)}"` };
    this.pages.set(key, entry);
    return entry;
  }
  clear() {
    this.pages.clear();
  }
}

/** Serves a search page from its own cache for visitors. */
async function cachedMenuPage(
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

/** cachedPage for pages that may not exist: the renderer returns null for a 404 (never cached). */
async function cachedPageOr404(
  cache: PageCache,
  key: string,
  req: FastifyRequest,
  reply: FastifyReply,
  render: () => Promise<VNode | null> | VNode | null,
) {
  if (!req.principal && cache.get(`${key}|${req.locale}`))
    return cachedPage(cache, key, req, reply, () => render() as VNode);
  const vnode = await render();
  if (!vnode) return reply.callNotFound();
  return cachedPage(cache, key, req, reply, () => vnode);
}
