// The beheerder's upload page for DUO and CBS files: the file waits in the database, a job
// imports it (one transaction) and the module publishes 'open-data.gewijzigd' (the funding
// module recomputes the amounts); the page shows progress and the report with line numbers.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { choice, form, id, params } from '../../../platform/http/schemas.ts';
import * as repo from '../repository/imports.ts';
import {
  decideConfirmation,
  importProgress,
  queueUpload,
  runImportNow,
  uploadKinds,
  validateUpload,
  type UploadFields,
} from '../services/run-import.ts';
import { ImportPage, ImportReportPage } from '../views/imports.tsx';

const beheerder = access.platform('beheerder');
const importParams = params({ importId: id });

/** The CSRF check of the platform, run by hand (it is synchronous: next() is called at once on success). */
function verifyCsrf(app: App, req: FastifyRequest, reply: FastifyReply): boolean {
  let ok = false;
  app.csrfProtection(req, reply, () => {
    ok = true;
  });
  return ok;
}

/** The fields and the first file of the upload form (multipart; a plain form post has no file). */
async function readUpload(req: FastifyRequest) {
  const fields: Record<string, string> = {};
  let file: { name: string; data: Buffer } | null = null;
  if (req.isMultipart()) {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (!file && part.filename)
          file = { name: part.filename.replace(/[^\w.()\-+ ]/g, '_').slice(0, 200), data };
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value.slice(0, 200);
    }
    // The CSRF check reads the token from the body.
    req.body = fields;
  } else if (req.body && typeof req.body === 'object') {
    for (const [k, v] of Object.entries(req.body)) if (typeof v === 'string') fields[k] = v.slice(0, 200);
  }
  return { fields, file };
}

export async function registerDuoImportRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  app.get('/beheer/imports', { config: { access: beheerder, page: true } }, async (_req, reply) => {
    return reply.page(
      <ImportPage
        ctx={reply.ctx()}
        form={{ values: { soort: 'scholen' }, errors: {} }}
        imports={await repo.recentImports(db)}
        kinds={uploadKinds}
      />,
    );
  });

  // No body schema: the form is multipart (a file), which Fastify's validation does not read;
  // readUpload takes the fields and the file, validateUpload checks them.
  app.post(
    '/beheer/imports',
    {
      config: {
        access: beheerder,
        csrf: false,
        audit: 'import.geupload',
        examples: {
          body: { soort: 'scholen', jaar: '' },
          // Stored and queued; no worker runs in the suites that send it, so nothing is imported.
          file: {
            field: 'bestand',
            name: 'voorbeeld.csv',
            type: 'text/csv',
            content: 'VESTIGINGSNUMMER;NAAM\n00AA00;Voorbeeld\n',
          },
        },
      },
    },
    async (req, reply) => {
      const { fields, file } = await readUpload(req);
      // The form is multipart, so the CSRF check runs here, after the fields are read.
      if (!verifyCsrf(app, req, reply)) return reply;
      const checked = validateUpload(fields as UploadFields, file);
      if (!checked.ok) {
        return reply.page(
          <ImportPage
            ctx={reply.ctx()}
            form={{ values: fields, errors: checked.errors }}
            imports={await repo.recentImports(db)}
            kinds={uploadKinds}
          />,
          422,
        );
      }
      const { upload } = checked;
      const importId = await db.transaction().execute(async (trx) => {
        const created = await queueUpload(platform, trx, upload, req.principal?.personId ?? null);
        await audit(req, trx, {
          action: 'import.geupload',
          objectType: 'duo_import',
          objectId: created,
          details: { bestand: upload.file.name, soort: upload.kind, bytes: upload.file.data.length },
        });
        return created;
      });
      if (!platform.jobs) await runImportNow(platform, importId);
      return reply.redirect(`/beheer/imports/${importId}`, 303);
    },
  );

  // An upload that would close more than the set share of a sector's schools waits here.
  app.post(
    '/beheer/imports/:importId/bevestigen',
    {
      config: {
        access: beheerder,
        audit: ['import.sluiten-bevestigd', 'import.geannuleerd'],
        examples: {
          params: async ({ db }) => ({
            importId: await repo.insertExampleImport(db, { status: 'bevestigen' }),
          }),
          body: { besluit: 'sluiten' },
        },
      },
      schema: { params: importParams, body: form({ besluit: choice(['sluiten', 'annuleren']) }) },
    },
    async (req, reply) => {
      const { importId } = req.params;
      const decision = req.body.besluit;
      if (!decision) throw notFound();
      const done = await db.transaction().execute(async (trx) => {
        const fileName = await decideConfirmation(platform, trx, importId, decision);
        if (fileName === null) return false;
        await audit(req, trx, {
          action: decision === 'sluiten' ? 'import.sluiten-bevestigd' : 'import.geannuleerd',
          objectType: 'duo_import',
          objectId: importId,
          details: { bestand: fileName },
        });
        return true;
      });
      if (!done) throw notFound();
      if (!platform.jobs && decision === 'sluiten') await runImportNow(platform, importId);
      return reply.redirect(`/beheer/imports/${importId}`, 303);
    },
  );

  app.get(
    '/beheer/imports/:importId',
    {
      config: {
        access: beheerder,
        page: true,
        examples: {
          params: async ({ db }) => ({
            importId: await repo.insertExampleImport(db, {
              status: 'mislukt',
              message: 'Voorbeeld',
              problems: JSON.stringify([{ line: 1, reason: 'Voorbeeld' }]),
            }),
          }),
        },
      },
      schema: { params: importParams },
    },
    async (req, reply) => {
      const { importId } = req.params;
      const row = await repo.findImportReport(db, importId);
      if (!row) throw notFound();
      const changes = await repo.importChanges(db, importId, 301);
      return reply.page(
        <ImportReportPage
          ctx={reply.ctx()}
          row={row}
          progress={importProgress.get(importId) ?? null}
          changes={changes}
        />,
      );
    },
  );
}
