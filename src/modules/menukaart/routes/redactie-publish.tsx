// Publishing the draft (issue 11, item 11): a preview of the public menu as it will look, the
// form with the date from which it applies (today or later), a confirmation, and cancelling a
// version that is scheduled for a later date. All without JavaScript; every write audited.
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { choice, form, id, params } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import { latestValidFrom, versionById, type VersionRow } from '../repository/versions.ts';
import { interventionPage, loadMenu, todayIn } from '../services/menu.ts';
import { diffBetween } from '../services/version-diff.ts';
import { publishDraft, dutchDay, validatePublish } from '../services/publishing.ts';
import { cancelRefusal, cancelScheduled } from '../services/scheduling.ts';
import { ensureDraft } from '../services/entry-editing.ts';
import { draftVersion } from '../repository/versions.ts';
import {
  type MenuRouteContext,
  redactie,
  draftOnly,
  draftOrRedirect,
  formText,
  interventionCode,
} from './support.ts';
import { MenuPage } from '../views/menu-page.tsx';
import { InterventionPage } from '../views/intervention-page.tsx';
import {
  CancelScheduledPage,
  PreviewNotice,
  PublishConfirmPage,
  PublishPage,
} from '../views/publish-pages.tsx';
import { CannotCancelPage } from '../views/cannot-cancel-page.tsx';

/** The publish form; the rules (title, a date from today and the newest version on, a note) are in the service. */
const publishForm = form({
  titel: formText(1000),
  geldigVanaf: formText(100),
  toelichting: formText(20_000),
  bron: formText(2000),
  // Absent: check and ask for confirmation; 'ja': publish; 'nee': back to the form with the values.
  bevestigd: choice(['ja', 'nee']).optional(),
});

const versionParams = params({ versionId: id });

/** Route-check examples: the earliest date the publish rules accept on a real calendar day. */
async function exampleDate(db: Kysely<DB>, daysAhead: number) {
  const day = new Date(Date.now() + daysAhead * 86_400_000);
  const latest = await latestValidFrom(db);
  const today = todayIn(day);
  return latest && latest > today ? latest : today;
}

/** Route-check example: a version scheduled a year ahead, the newest, with no draft beside it. */
async function exampleScheduled(db: Kysely<DB>) {
  await ensureDraft(db, new Date(), null);
  const draft = (await draftVersion(db))!;
  const validFrom = await exampleDate(db, 365);
  await publishDraft(
    db,
    draft,
    { title: 'Geplande proefversie', validFrom, note: 'Proef.', sourceUrl: null },
    null,
  );
  return { versionId: draft.id };
}

/** Preview pages are for the redactie only: never indexed, never kept by a shared cache. */
function previewHeaders(reply: FastifyReply) {
  reply.header('x-robots-tag', 'noindex, nofollow').header('cache-control', 'private, no-store');
}

export function registerRedactiePublishRoutes({ app, platform, db, state, invalidate }: MenuRouteContext) {
  const today = () => todayIn(platform.now());
  const previewHref = (code: string) => `/redactie/menukaart/concept/voorbeeld/${code}`;

  app.get(
    '/redactie/menukaart/concept/voorbeeld',
    { config: { access: redactie, page: true, examples: draftOnly } },
    async (req, reply) => {
      const draft = await draftOrRedirect(db, req, reply);
      if (!draft) return reply;
      const menu = await loadMenu(db, draft);
      // The draft has no title or date yet: it shows as the new version from today.
      const version: VersionRow = { ...draft, title: 'Nieuwe versie (voorbeeld)', valid_from: today() };
      previewHeaders(reply);
      return reply.page(
        <MenuPage
          ctx={reply.ctx()}
          version={version}
          categories={menu.categories}
          interventions={menu.interventions}
          total={menu.interventions.length}
          filters={{ sortering: 'code', weergave: 'tabel' }}
          errors={[]}
          preview={{ notice: <PreviewNotice />, href: previewHref }}
        />,
      );
    },
  );

  app.get(
    '/redactie/menukaart/concept/voorbeeld/:code',
    {
      config: {
        access: redactie,
        page: true,
        examples: {
          params: async ({ db: d }) => {
            await ensureDraft(d, new Date(), null);
            return { code: 'B6' };
          },
        },
      },
      schema: { params: params({ code: interventionCode }) },
    },
    async (req, reply) => {
      const draft = await draftOrRedirect(db, req, reply);
      if (!draft) return reply;
      const found = await interventionPage(db, draft, req.params.code, today());
      if (!found) throw notFound();
      previewHeaders(reply);
      return reply.page(
        <InterventionPage
          ctx={reply.ctx()}
          version={draft}
          inForce
          i={found.intervention}
          category={found.category}
          ratingHistory={found.ratingHistory}
          versions={found.versions}
          items={found.items}
          preview={<PreviewNotice />}
        />,
      );
    },
  );

  const diffCount = async (draft: VersionRow) =>
    (await diffBetween(db, await state.inForce(), draft)).changes.length;

  const renderForm = async (reply: FastifyReply, draft: VersionRow, form: FormState, status = 200) =>
    reply.page(<PublishPage ctx={reply.ctx()} form={form} diffCount={await diffCount(draft)} />, status);

  app.get(
    '/redactie/menukaart/concept/publiceren',
    { config: { access: redactie, page: true, examples: draftOnly } },
    async (req, reply) => {
      const draft = await draftOrRedirect(db, req, reply);
      if (!draft) return reply;
      return renderForm(reply, draft, { values: { geldigVanaf: dutchDay(today()) }, errors: {} });
    },
  );

  app.post(
    '/redactie/menukaart/concept/publiceren',
    {
      config: {
        access: redactie,
        audit: 'menukaart.publiceren',
        examples: {
          bodyFor: async ({ db: d }) => {
            await ensureDraft(d, new Date(), null);
            const geldigVanaf = await exampleDate(d, 0);
            return { titel: 'Menukaart proef', geldigVanaf, toelichting: 'Proefversie.', bevestigd: 'ja' };
          },
        },
      },
      schema: { body: publishForm },
    },
    async (req, reply) => {
      const draft = await draftOrRedirect(db, req, reply, 'menukaart.publiceren');
      if (!draft) return reply;
      const { bevestigd, ...values } = req.body;
      const day = today();
      const result = validatePublish(values, { today: day, latestValidFrom: await latestValidFrom(db) });
      if (!result.ok) return renderForm(reply, draft, { values, errors: result.errors }, 422);
      // Back to the form: the date as the form shows it.
      if (bevestigd === 'nee')
        return renderForm(reply, draft, {
          values: { ...values, geldigVanaf: dutchDay(result.validFrom) },
          errors: {},
        });
      if (bevestigd !== 'ja')
        return reply.page(
          <PublishConfirmPage
            ctx={reply.ctx()}
            values={result}
            today={day}
            diffCount={await diffCount(draft)}
          />,
        );
      await db.transaction().execute(async (trx) => {
        const label = await publishDraft(trx, draft, result, req.principal?.personId ?? null);
        await audit(req, trx, {
          action: 'menukaart.publiceren',
          objectType: 'menukaart_version',
          objectId: draft.id,
          details: { label, geldigVanaf: result.validFrom, gepland: result.validFrom > day },
        });
      });
      invalidate();
      const melding = result.validFrom > day ? 'gepland' : 'gepubliceerd';
      return reply.redirect(`/redactie/menukaart?melding=${melding}`, 303);
    },
  );

  app.get(
    '/redactie/menukaart/versie/:versionId/annuleren',
    {
      config: { access: redactie, page: true, examples: { params: ({ db: d }) => exampleScheduled(d) } },
      schema: { params: versionParams },
    },
    async (req, reply) => {
      const version = await versionById(db, req.params.versionId);
      if (!version || version.status !== 'gepubliceerd') throw notFound();
      // The page says why it cannot be cancelled (an answer, 200); a POST anyway gets 409.
      const refusal = await cancelRefusal(db, version, today());
      if (refusal)
        return reply.page(<CannotCancelPage ctx={reply.ctx()} version={version} reason={refusal} />);
      return reply.page(<CancelScheduledPage ctx={reply.ctx()} version={version} />);
    },
  );

  app.post(
    '/redactie/menukaart/versie/:versionId/annuleren',
    {
      config: {
        access: redactie,
        audit: 'menukaart.planning.annuleren',
        examples: { params: ({ db: d }) => exampleScheduled(d), body: {} },
      },
      schema: { params: versionParams, body: form({}) },
    },
    async (req, reply) => {
      const version = await versionById(db, req.params.versionId);
      if (!version || version.status !== 'gepubliceerd') throw notFound();
      const outcome = await db.transaction().execute(async (trx) => {
        const refusal = await cancelScheduled(trx, version, today());
        await audit(req, trx, {
          action: 'menukaart.planning.annuleren',
          objectType: 'menukaart_version',
          objectId: version.id,
          ...(refusal
            ? { result: 'mislukt' as const, details: { reden: refusal } }
            : { details: { label: version.label, geldigVanaf: version.valid_from } }),
        });
        return refusal;
      });
      if (outcome)
        return reply.page(<CannotCancelPage ctx={reply.ctx()} version={version} reason={outcome} />, 409);
      invalidate();
      return reply.redirect('/redactie/menukaart?melding=geannuleerd', 303);
    },
  );
}
