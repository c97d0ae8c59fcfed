// School leaders' kennisplein pages: their own examples, writing, saving and submitting them.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { perPersonLimit } from '../../../platform/http/rate-limits.ts';
import { createOnce } from '../../../platform/http/idempotency.ts';
import type { FormState } from '../../../ui/components.tsx';
import {
  insertItem,
  itemById,
  itemInterventions,
  itemsOfSchool,
  setItemInterventions,
  updateItem,
  type ItemRow,
} from '../repository/kennisplein.ts';
import { interventionIds } from '../repository/entries.ts';
import { schoolMayEdit, validateItem } from '../services/kennisplein.ts';
import { ItemFormPage, ItemPage, SchoolItemsPage } from '../views/kennisplein.tsx';
import { type MenuRouteContext, interventionChoices, readForm, exampleItem, positiveInt } from './support.ts';

/** A school's own kennisplein examples. */
export function registerSchoolKennispleinRoutes({ app, db, state, platform }: MenuRouteContext) {
  const school = access.school(['schoolleider']);
  // Each save renders Markdown and updates a search vector: a sixth of FORM_RATE_LIMIT per
  // person per minute is plenty for writing and keeps one account from keeping a process busy.
  const rateLimit = perPersonLimit(platform.config, 1 / 6);
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
        <SchoolItemsPage ctx={reply.ctx()} schoolId={schoolId} items={await itemsOfSchool(db, schoolId)} />,
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
      return renderItemForm(reply, `/scholen/${schoolId}/kennisplein/nieuw`, { values: {}, errors: {} }, []);
    },
  );

  const saveItem = async (
    req: FastifyRequest,
    reply: FastifyReply,
    schoolId: number,
    existing: ItemRow | null,
  ) => {
    const { values, list } = readForm(req);
    const action = existing
      ? `/scholen/${schoolId}/kennisplein/${existing.id}`
      : `/scholen/${schoolId}/kennisplein/nieuw`;
    const chosen = list('interventies');
    const choices = await interventionChoices(db, await state.inForce());
    const result = validateItem(
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
    const ids = await interventionIds(db, result.codes);
    const done = `/scholen/${schoolId}/kennisplein`;
    // A new example is created once per form, however often it is posted (double click, two tabs).
    const outcome = await db.transaction().execute(async (trx) =>
      createOnce(trx, req, existing ? {} : ((req.body ?? {}) as Record<string, unknown>), async () => {
        let id: number;
        if (existing) {
          id = existing.id;
          await updateItem(trx, id, { ...result.values, status });
        } else {
          id = await insertItem(trx, {
            ...result.values,
            kind: 'voorbeeld',
            school_id: schoolId,
            author_person_id: req.principal?.personId ?? null,
            status,
          });
        }
        await setItemInterventions(trx, id, ids);
        await audit(req, trx, {
          action: status === 'ingediend' ? 'kennisplein.indienen' : 'kennisplein.opslaan',
          objectType: 'kennisplein_item',
          objectId: id,
          organisationId: schoolId,
        });
        return done;
      }),
    );
    return reply.redirect(outcome.location ?? done, 303);
  };

  app.post(
    '/scholen/:schoolId/kennisplein/nieuw',
    { config: { access: school, rateLimit, examples: { ...schoolExample, body: itemBody } } },
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
    const item = id === null ? undefined : await itemById(db, id);
    return item && item.school_id === Number(p.schoolId) && item.kind === 'voorbeeld' ? item : null;
  };

  app.get(
    '/scholen/:schoolId/kennisplein/:itemId',
    { config: { access: school, page: true, examples: itemExample } },
    async (req, reply) => {
      const item = await ownItem(req);
      if (!item) return reply.callNotFound();
      const version = await state.inForce();
      const links = await itemInterventions(db, [item.id], version.id);
      if (!schoolMayEdit(item.status))
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
    { config: { access: school, rateLimit, examples: { ...itemExample, body: itemBody } } },
    async (req, reply) => {
      const item = await ownItem(req);
      if (!item) return reply.callNotFound();
      if (!schoolMayEdit(item.status)) {
        const version = await state.inForce();
        const links = await itemInterventions(db, [item.id], version.id);
        return reply.page(<ItemPage ctx={reply.ctx()} item={item} links={links} preview />, 409);
      }
      return saveItem(req, reply, item.school_id!, item);
    },
  );
}
