// School leaders' kennisplein pages: their own examples, writing, saving and submitting them.
import { notFound } from '../../../platform/http/not-found.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { perPersonLimit } from '../../../platform/http/rate-limits.ts';
import { createOnce } from '../../../platform/http/idempotency.ts';
import { choice, form, id, params, z } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import { itemById, itemInterventions, itemsOfSchool, type ItemRow } from '../repository/kennisplein.ts';
import { interventionChoices } from '../services/menu.ts';
import { itemFormValues, saveExample, schoolMayEdit, validateItem } from '../services/kennisplein.ts';
import { ItemFormPage, ItemPage, SchoolItemsPage } from '../views/kennisplein.tsx';
import { type MenuRouteContext, codeList, exampleItem, formText } from './support.ts';

/** What the example form sends; the rules (required, lengths, Markdown shape, links) are in the service. */
const exampleForm = form({
  titel: formText(1000),
  schooltype: formText(200),
  interventies: codeList,
  watGedaan: formText(40_000),
  kosten: formText(40_000),
  kostenBedrag: formText(100),
  geleerd: formText(40_000),
  contact: formText(20),
  actie: choice(['opslaan', 'indienen']),
});
type ExampleForm = z.output<typeof exampleForm>;

const schoolParams = params({ schoolId: id });
const itemParams = params({ schoolId: id, itemId: id });
const saveActions = ['kennisplein.opslaan', 'kennisplein.indienen'];

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
    { config: { access: school, page: true, examples: schoolExample }, schema: { params: schoolParams } },
    async (req, reply) => {
      const { schoolId } = req.params;
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
    { config: { access: school, page: true, examples: schoolExample }, schema: { params: schoolParams } },
    async (req, reply) =>
      renderItemForm(
        reply,
        `/scholen/${req.params.schoolId}/kennisplein/nieuw`,
        { values: {}, errors: {} },
        [],
      ),
  );

  const saveItem = async (
    req: FastifyRequest,
    reply: FastifyReply,
    schoolId: number,
    body: ExampleForm,
    existing: ItemRow | null,
  ) => {
    const { interventies: chosen, ...values } = body;
    const action = existing
      ? `/scholen/${schoolId}/kennisplein/${existing.id}`
      : `/scholen/${schoolId}/kennisplein/nieuw`;
    const choices = await interventionChoices(db, await state.inForce());
    const submit = values.actie !== 'opslaan';
    // "Opslaan als concept" keeps an unfinished example; sending it to the redactie needs it whole.
    const result = validateItem(
      { values, interventions: chosen },
      { interventionCodes: choices.map((c) => c.code), kind: 'voorbeeld', draft: !submit },
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
    const done = `/scholen/${schoolId}/kennisplein`;
    // A new example is created once per form, however often it is posted (double click, two tabs).
    const outcome = await db.transaction().execute(async (trx) =>
      createOnce(trx, req, existing ? {} : body, async () => {
        const itemId = await saveExample(trx, {
          schoolId,
          existingId: existing?.id ?? null,
          authorPersonId: req.principal?.personId ?? null,
          values: result.values,
          codes: result.codes,
          submit,
        });
        await audit(req, trx, {
          action: submit ? 'kennisplein.indienen' : 'kennisplein.opslaan',
          objectType: 'kennisplein_item',
          objectId: itemId,
          organisationId: schoolId,
        });
        return done;
      }),
    );
    return reply.redirect(outcome.location ?? done, 303);
  };

  app.post(
    '/scholen/:schoolId/kennisplein/nieuw',
    {
      config: {
        access: school,
        rateLimit,
        audit: saveActions,
        examples: { ...schoolExample, body: itemBody },
      },
      schema: { params: schoolParams, body: exampleForm },
    },
    async (req, reply) => saveItem(req, reply, req.params.schoolId, req.body, null),
  );

  const itemExample = {
    params: async ({ schoolId, db: d }: { schoolId: number; db: Kysely<DB> }) => ({
      schoolId,
      itemId: await exampleItem(d, schoolId, 'concept'),
    }),
  };
  /** The school's own example named in the path, or undefined (another school's is not found). */
  const ownItem = async (p: { schoolId: number; itemId: number }) => {
    const item = await itemById(db, p.itemId);
    return item && item.school_id === p.schoolId && item.kind === 'voorbeeld' ? item : undefined;
  };

  app.get(
    '/scholen/:schoolId/kennisplein/:itemId',
    { config: { access: school, page: true, examples: itemExample }, schema: { params: itemParams } },
    async (req, reply) => {
      const item = await ownItem(req.params);
      if (!item) throw notFound();
      const version = await state.inForce();
      const links = await itemInterventions(db, [item.id], version.id);
      if (!schoolMayEdit(item.status))
        return reply.page(<ItemPage ctx={reply.ctx()} item={item} links={links} preview />);
      return renderItemForm(
        reply,
        `/scholen/${req.params.schoolId}/kennisplein/${item.id}`,
        { values: itemFormValues(item), errors: {} },
        links.map((l) => l.code),
        200,
        item.status === 'wijzigingen_gevraagd' ? item.moderator_note : null,
      );
    },
  );

  app.post(
    '/scholen/:schoolId/kennisplein/:itemId',
    {
      config: { access: school, rateLimit, audit: saveActions, examples: { ...itemExample, body: itemBody } },
      schema: { params: itemParams, body: exampleForm },
    },
    async (req, reply) => {
      const item = await ownItem(req.params);
      if (!item) throw notFound();
      if (!schoolMayEdit(item.status)) {
        const version = await state.inForce();
        const links = await itemInterventions(db, [item.id], version.id);
        return reply.page(<ItemPage ctx={reply.ctx()} item={item} links={links} preview />, 409);
      }
      return saveItem(req, reply, req.params.schoolId, req.body, item);
    },
  );
}
