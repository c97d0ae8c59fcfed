// The redactie editing the draft: an intervention (changed or new) and a category.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../platform/audit/audit.ts';
import type { FormState } from '../../../ui/components.tsx';
import type { VersionRow } from '../repository/versions.ts';
import {
  allInterventions,
  categories,
  entryByCode,
  insertEntry,
  insertIntervention,
  updateCategory,
  updateEntry,
} from '../repository/entries.ts';
import { loadMenu, toIntervention } from '../services/menu.ts';
import { entryFormValues, validateCategory, validateEntry } from '../services/entry-editing.ts';
import {
  type MenuRouteContext,
  codeParam,
  draftExample,
  draftOnly,
  draftOrRedirect,
  readForm,
  redactie,
} from './support.ts';
import { CategoryFormPage } from '../views/draft-form-pages.tsx';
import { EntryFormPage } from '../views/entry-form-page.tsx';

/** Forms for the interventions and categories of the draft. */
export function registerRedactieEntryRoutes({ app, db }: MenuRouteContext) {
  const withDraft = draftExample({ code: 'B6' });

  const renderEntryForm = async (
    reply: FastifyReply,
    draft: VersionRow,
    code: string,
    isNew: boolean,
    form: FormState,
    sectors: string[],
    status = 200,
  ) => {
    const cats = await loadMenu(db, draft);
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
      const draft = await draftOrRedirect(db, reply);
      if (!draft) return reply;
      const entry = await entryByCode(db, draft.id, codeParam(req));
      if (!entry) return reply.callNotFound();
      const f = entryFormValues(toIntervention(entry));
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
    const draft = await draftOrRedirect(db, reply);
    if (!draft) return reply;
    const { values, list } = readForm(req);
    const menu = await loadMenu(db, draft);
    const code = isNew ? '' : codeParam(req);
    const previous = isNew ? undefined : menu.interventions.find((i) => i.code === code);
    if (!isNew && !previous) return reply.callNotFound();
    const allCodes = (await allInterventions(db)).map((r) => r.code);
    const result = validateEntry(
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
        const id = await insertIntervention(trx, result.code);
        await insertEntry(trx, draft.id, id, result.values, null, personId);
        await audit(req, trx, {
          action: 'menukaart.interventie.nieuw',
          objectType: 'menukaart_intervention',
          objectId: result.code,
        });
      } else {
        await updateEntry(trx, draft.id, previous!.id, result.values, personId);
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

  app.get(
    '/redactie/menukaart/concept/nieuw',
    { config: { access: redactie, page: true, examples: draftOnly } },
    async (req, reply) => {
      const draft = await draftOrRedirect(db, reply);
      if (!draft) return reply;
      return renderEntryForm(reply, draft, '', true, { values: { status: 'actief' }, errors: {} }, []);
    },
  );

  app.post(
    '/redactie/menukaart/concept/nieuw',
    { config: { access: redactie, examples: { ...draftOnly, body: { ...entryBody, code: 'B20' } } } },
    async (req, reply) => saveEntry(req, reply, true),
  );

  const withCategory = draftExample({ code: 'C' });

  /** The draft and the category named in the path; null once redirected (no draft) or sent a 404. */
  const draftAndCategory = async (req: FastifyRequest, reply: FastifyReply) => {
    const draft = await draftOrRedirect(db, reply);
    if (!draft) return null;
    const code = codeParam(req);
    const c = (await categories(db, draft.id)).find((x) => x.code === code);
    if (!c) {
      reply.callNotFound();
      return null;
    }
    return { draft, code, c };
  };

  app.get(
    '/redactie/menukaart/concept/categorie/:code',
    { config: { access: redactie, page: true, examples: withCategory } },
    async (req, reply) => {
      const found = await draftAndCategory(req, reply);
      if (!found) return reply;
      const { code, c } = found;
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
      const found = await draftAndCategory(req, reply);
      if (!found) return reply;
      const { draft, code } = found;
      const { values } = readForm(req);
      const result = validateCategory(values);
      if (!result.ok)
        return reply.page(
          <CategoryFormPage ctx={reply.ctx()} code={code} form={{ values, errors: result.errors }} />,
          422,
        );
      await db.transaction().execute(async (trx) => {
        await updateCategory(trx, draft.id, code, result.values);
        await audit(req, trx, {
          action: 'menukaart.categorie.wijzigen',
          objectType: 'menukaart_category',
          objectId: code,
        });
      });
      return reply.redirect('/redactie/menukaart?melding=opgeslagen', 303);
    },
  );
}
