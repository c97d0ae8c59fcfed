// The redactie editing the draft: an intervention (changed or new) and a category.
import { notFound } from '../../../platform/http/not-found.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../platform/audit/audit.ts';
import { form, params, z } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import { allInterventions, categories, entryByCode, updateCategory } from '../repository/entries.ts';
import type { VersionRow } from '../repository/versions.ts';
import { loadMenu, toIntervention } from '../services/menu.ts';
import {
  entryFormValues,
  saveDraftEntry,
  validateCategory,
  validateEntry,
} from '../services/entry-editing.ts';
import {
  type MenuRouteContext,
  categoryCode,
  codeList,
  draftExample,
  draftOnly,
  draftOrRedirect,
  onDraft,
  formText,
  interventionCode,
  redactie,
} from './support.ts';
import { CategoryFormPage } from '../views/draft-form-pages.tsx';
import { EntryFormPage } from '../views/entry-form-page.tsx';

/** A section of the praktijkkaart (the rules allow 20,000 characters and say so next to the field). */
const section = formText(100_000);

/** What the intervention form sends; the rules (codes, scores, dates, links, sections) are in the service. */
const entryForm = form({
  code: formText(100),
  categorie: formText(100),
  naam: formText(2000),
  naamEn: formText(2000),
  bron: formText(2000),
  samenvatting: formText(20_000),
  opmerkingen: formText(20_000),
  sectoren: codeList,
  effect: formText(100),
  bewijs: formText(100),
  kosten: formText(100),
  beoordeeldOp: formText(100),
  beoordelingBron: formText(2000),
  status: formText(100),
  redenIntrekken: formText(20_000),
  pk_watHetIs: section,
  pk_onderzoek: section,
  pk_aanpak: section,
  pk_voorwaarden: section,
  pk_valkuilen: section,
  pk_kosten: section,
  pk_evaluatie: section,
  pk_aandachtspunten: section,
});
type EntryForm = z.output<typeof entryForm>;

const categoryForm = form({
  naam: formText(2000),
  korteNaam: formText(1000),
  omschrijving: formText(20_000),
  alleenOndersteunend: formText(20),
});

const entryParams = params({ code: interventionCode });
const categoryParams = params({ code: categoryCode });

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
    { config: { access: redactie, page: true, examples: withDraft }, schema: { params: entryParams } },
    async (req, reply) => {
      const draft = await draftOrRedirect(db, req, reply);
      if (!draft) return reply;
      const entry = await entryByCode(db, draft.id, req.params.code);
      if (!entry) throw notFound();
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

  /** Saves a new intervention (code null) or the one with this code in the draft. */
  const saveEntry = async (
    req: FastifyRequest,
    reply: FastifyReply,
    body: EntryForm,
    code: string | null,
  ) => {
    const isNew = code === null;
    const action = isNew ? 'menukaart.interventie.nieuw' : 'menukaart.interventie.wijzigen';
    const draft = await draftOrRedirect(db, req, reply, action);
    if (!draft) return reply;
    const { sectoren, ...values } = body;
    const menu = await loadMenu(db, draft);
    const previous = isNew ? undefined : menu.interventions.find((i) => i.code === code);
    if (!isNew && !previous) throw notFound();
    const allCodes = (await allInterventions(db)).map((r) => r.code);
    const result = validateEntry(
      { values, sectors: sectoren },
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
        code ?? '',
        isNew,
        { values, errors: result.errors },
        sectoren,
        422,
      );
    await db.transaction().execute(async (trx) => {
      await saveDraftEntry(trx, draft.id, {
        code: result.code,
        interventionId: previous?.id ?? null,
        values: result.values,
        personId: req.principal?.personId ?? null,
      });
      await audit(req, trx, {
        action,
        objectType: 'menukaart_intervention',
        objectId: isNew ? result.code : code,
        ...(isNew ? {} : { details: { ingetrokken: result.values.withdrawn } }),
      });
    });
    return reply.redirect('/redactie/menukaart?melding=opgeslagen', 303);
  };

  app.post(
    '/redactie/menukaart/concept/interventie/:code',
    {
      config: {
        access: redactie,
        audit: 'menukaart.interventie.wijzigen',
        examples: { ...withDraft, body: entryBody },
      },
      schema: { params: entryParams, body: entryForm },
    },
    async (req, reply) => saveEntry(req, reply, req.body, req.params.code),
  );

  app.get(
    '/redactie/menukaart/concept/nieuw',
    { config: { access: redactie, page: true, examples: draftOnly } },
    async (req, reply) => {
      const draft = await draftOrRedirect(db, req, reply);
      if (!draft) return reply;
      return renderEntryForm(reply, draft, '', true, { values: { status: 'actief' }, errors: {} }, []);
    },
  );

  app.post(
    '/redactie/menukaart/concept/nieuw',
    {
      config: {
        access: redactie,
        audit: 'menukaart.interventie.nieuw',
        examples: onDraft({ ...entryBody, code: 'B20' }),
      },
      schema: { body: entryForm },
    },
    async (req, reply) => saveEntry(req, reply, req.body, null),
  );

  const withCategory = draftExample({ code: 'C' });

  /** The draft and the category named in the path; null once redirected (no draft); 404 without the category. */
  const draftAndCategory = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    action?: string,
  ) => {
    const draft = await draftOrRedirect(db, req, reply, action);
    if (!draft) return null;
    const c = (await categories(db, draft.id)).find((x) => x.code === code);
    if (!c) throw notFound();
    return { draft, c };
  };

  app.get(
    '/redactie/menukaart/concept/categorie/:code',
    { config: { access: redactie, page: true, examples: withCategory }, schema: { params: categoryParams } },
    async (req, reply) => {
      const { code } = req.params;
      const found = await draftAndCategory(req, reply, code);
      if (!found) return reply;
      const { c } = found;
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
        audit: 'menukaart.categorie.wijzigen',
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
      schema: { params: categoryParams, body: categoryForm },
    },
    async (req, reply) => {
      const { code } = req.params;
      const found = await draftAndCategory(req, reply, code, 'menukaart.categorie.wijzigen');
      if (!found) return reply;
      const values = req.body;
      const result = validateCategory(values);
      if (!result.ok)
        return reply.page(
          <CategoryFormPage ctx={reply.ctx()} code={code} form={{ values, errors: result.errors }} />,
          422,
        );
      await db.transaction().execute(async (trx) => {
        await updateCategory(trx, found.draft.id, code, result.values);
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
