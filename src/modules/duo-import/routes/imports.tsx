// The beheerder's upload page for DUO and CBS files: the file waits in the database, a job
// imports it (one transaction) and recomputes the amounts; the page shows progress and the
// report with line numbers.
import type { FastifyInstance } from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Platform } from '../../../platform/platform.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { recomputeAll } from '../../funding/services/recompute.ts';
import { importCbsFile, importDuoFile, linkScores } from '../services/importer.ts';
import { DuoFileError, type DuoFileGroup } from '../services/parse/parse.ts';
import { ImportPage, ImportReportPage, type UploadForm } from '../views/imports.tsx';
import { isoDate } from '../services/peildatum.ts';
import crypto from 'node:crypto';

export const importQueue = 'duo-import';

/** Progress of running imports in this process (the transaction hides it from other connections). */
export const importProgress = new Map<number, { phase: string; done: number; total: number }>();

function notFound(): Error {
  return Object.assign(new Error('Niet gevonden'), { statusCode: 404 });
}

export const uploadKinds = {
  scholen: 'DUO: scholen (vestigingen)',
  leerlingen: 'DUO: leerlingen per vestiging',
  besturen: 'DUO: besturen (bevoegde gezagen)',
  cbs: 'CBS: achterstandsscores (.xlsx)',
} as const;
export type UploadKind = keyof typeof uploadKinds;

/** Runs one waiting import and the recompute after it. Used by the job and, without jobs, inline. */
export async function runImport(platform: Platform, importId: number): Promise<void> {
  const db = platform.database.db;
  const row = await db
    .selectFrom('duo_import')
    .select(['id', 'source', 'file_name', 'content', 'options', 'person_id', 'status'])
    .where('id', '=', importId)
    .executeTakeFirst();
  if (!row || row.status !== 'wachtend' || !row.content) return;
  const options = (row.options ?? {}) as {
    expected?: DuoFileGroup | null;
    year?: number | null;
    peildatum?: string | null;
    allowMassClose?: boolean;
  };
  const opts = {
    fileName: row.file_name,
    importId,
    personId: row.person_id,
    expected: options.expected ?? undefined,
    year: options.year ?? undefined,
    peildatum: options.peildatum ?? undefined,
    allowMassClose: options.allowMassClose === true,
    today: platform.now().toISOString().slice(0, 10),
    progress: (phase: string, done: number, total: number) =>
      importProgress.set(importId, { phase, done, total }),
  };
  try {
    if (row.source === 'cbs') await importCbsFile(db, Buffer.from(row.content), opts);
    else await importDuoFile(db, Buffer.from(row.content), opts);
  } catch (err) {
    // The import row already says why it failed. A fault that is not the file's goes on to the
    // caller (the job, which records it; inline, the route logs it); the row is no longer
    // 'wachtend', so a retry of the job does nothing.
    if (err instanceof DuoFileError) return;
    throw err;
  } finally {
    importProgress.delete(importId);
  }
  await linkScores(db);
  await recomputeAll(db, platform.programme.id, `Import ${row.file_name}`, row.person_id);
  platform.caches.invalidate('funding');
}

/**
 * An import left 'bezig' when the platform stopped (a crash, a restart) was rolled back with its
 * transaction: it is marked failed at start, so its page does not keep saying "Bezig".
 */
export async function failInterruptedImports(db: Kysely<DB>): Promise<number> {
  const rows = await db
    .updateTable('duo_import')
    .set({
      status: 'mislukt',
      message:
        'De import is onderbroken doordat het platform stopte; er is niets veranderd. Upload het bestand opnieuw.',
      finished_at: new Date(),
      content: null,
    })
    .where('status', '=', 'bezig')
    .returning('id')
    .execute();
  return rows.length;
}

/** The CSRF check of the platform, run by hand (it is synchronous: next() is called at once on success). */
function verifyCsrf(app: { csrfProtection: any }, req: FastifyRequest, reply: FastifyReply): boolean {
  let ok = false;
  app.csrfProtection(req, reply, () => {
    ok = true;
  });
  return ok;
}

async function recentImports(db: Kysely<DB>) {
  return db
    .selectFrom('duo_import as i')
    .leftJoin('person as p', 'p.id', 'i.person_id')
    .select([
      'i.id',
      'i.created_at',
      'i.file_name',
      'i.file_kind',
      'i.source',
      'i.status',
      'i.problem_count',
      'i.counts',
      'p.name as person',
    ])
    .orderBy('i.id', 'desc')
    .limit(20)
    .execute();
}

/** Runs an import in the request when there is no job queue; its failure is recorded on the import. */
async function runImportNow(platform: Platform, req: FastifyRequest, id: number): Promise<void> {
  try {
    await runImport(platform, id);
  } catch (err) {
    req.log.error({ err, importId: id }, 'Import mislukt door een fout buiten het bestand');
  }
}

/** An import row for the route examples (authorization matrix, accessibility suite). */
async function exampleImport(
  db: Kysely<DB>,
  values: { status: 'bevestigen' | 'mislukt'; message?: string; problems?: string },
): Promise<number> {
  const r = await db
    .insertInto('duo_import')
    .values({
      source: 'duo',
      file_name: 'voorbeeld.csv',
      sha256: '0',
      size_bytes: 0,
      options: '{}',
      counts: '{}',
      problems: '[]',
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function registerDuoImportRoutes(app: FastifyInstance, platform: Platform) {
  const db = platform.database.db;
  const interrupted = await failInterruptedImports(db);
  if (interrupted) app.log.warn({ interrupted }, 'Onderbroken imports gemarkeerd als mislukt');
  const beheerder = access.platform('beheerder');

  app.get('/beheer/imports', { config: { access: beheerder, page: true } }, async (_req, reply) => {
    return reply.page(
      <ImportPage
        ctx={reply.ctx()}
        form={{ values: { soort: 'scholen' }, errors: {} }}
        imports={await recentImports(db)}
        kinds={uploadKinds}
      />,
    );
  });

  app.post(
    '/beheer/imports',
    { config: { access: beheerder, csrf: false, examples: { body: { soort: 'scholen', jaar: '' } } } },
    async (req, reply) => {
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
        (req as any).body = fields;
      } else {
        for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>))
          if (typeof v === 'string') fields[k] = v.slice(0, 200);
      }
      // The form is multipart, so the CSRF check runs here, after the fields are read.
      if (!verifyCsrf(app, req, reply)) return reply;
      const errors: Record<string, string> = {};
      const kind = (Object.keys(uploadKinds) as UploadKind[]).find((k) => k === fields.soort);
      if (!kind) errors.soort = 'Kies wat voor bestand u uploadt.';
      const yearText = (fields.jaar ?? '').trim();
      const year = yearText === '' ? undefined : Number(yearText);
      if (year !== undefined && (!Number.isInteger(year) || year < 1990 || year > 2100))
        errors.jaar = 'Vul een jaartal in, bijvoorbeeld 2020, of laat dit veld leeg.';
      const peildatumText = (fields.peildatum ?? '').trim();
      if (peildatumText !== '' && !isoDate(peildatumText))
        errors.peildatum = 'Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2020-12-01, of laat dit veld leeg.';
      if (!file || file.data.length === 0) errors.bestand = 'Kies een bestand om te uploaden.';
      if (Object.keys(errors).length) {
        const form: UploadForm = { values: fields, errors };
        return reply.page(
          <ImportPage ctx={reply.ctx()} form={form} imports={await recentImports(db)} kinds={uploadKinds} />,
          422,
        );
      }
      const inline = !platform.jobs;
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('duo_import')
          .values({
            source: kind === 'cbs' ? 'cbs' : 'duo',
            file_name: file!.name,
            sha256: crypto.createHash('sha256').update(file!.data).digest('hex'),
            size_bytes: file!.data.length,
            status: 'wachtend',
            person_id: req.principal?.personId ?? null,
            options: JSON.stringify({
              expected: kind === 'cbs' ? null : kind,
              year: year ?? null,
              peildatum: peildatumText || null,
            }),
            counts: JSON.stringify({}),
            problems: JSON.stringify([]),
            content: file!.data,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit(req, trx, {
          action: 'import.geupload',
          objectType: 'duo_import',
          objectId: row.id,
          details: { bestand: file!.name, soort: kind!, bytes: file!.data.length },
        });
        if (!inline) await platform.jobs!.send(importQueue, { importId: row.id }, { trx, retryLimit: 1 });
        return row.id;
      });
      if (inline) {
        await runImportNow(platform, req, id);
      }
      return reply.redirect(`/beheer/imports/${id}`, 303);
    },
  );

  // An upload that would close more than the set share of a sector's schools waits here.
  app.post(
    '/beheer/imports/:importId/bevestigen',
    {
      config: {
        access: beheerder,
        examples: {
          params: async ({ db }) => ({ importId: await exampleImport(db, { status: 'bevestigen' }) }),
          body: { besluit: 'sluiten' },
        },
      },
    },
    async (req, reply) => {
      const id = Number((req.params as Record<string, string>).importId);
      const decision = (req.body as Record<string, unknown> | undefined)?.besluit;
      if (!Number.isSafeInteger(id) || (decision !== 'sluiten' && decision !== 'annuleren')) throw notFound();
      const inline = !platform.jobs;
      const done = await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('duo_import')
          .select(['id', 'options', 'file_name'])
          .where('id', '=', id)
          .where('status', '=', 'bevestigen')
          .forUpdate()
          .executeTakeFirst();
        if (!row) return false;
        if (decision === 'sluiten') {
          await trx
            .updateTable('duo_import')
            .set({
              status: 'wachtend',
              message: null,
              options: JSON.stringify({ ...(row.options ?? {}), allowMassClose: true }),
            })
            .where('id', '=', id)
            .execute();
          if (!inline) await platform.jobs!.send(importQueue, { importId: id }, { trx, retryLimit: 1 });
        } else {
          await trx
            .updateTable('duo_import')
            .set({
              status: 'mislukt',
              message: 'U hebt de import geannuleerd; er is niets veranderd.',
              finished_at: new Date(),
              content: null,
            })
            .where('id', '=', id)
            .execute();
        }
        await audit(req, trx, {
          action: decision === 'sluiten' ? 'import.sluiten-bevestigd' : 'import.geannuleerd',
          objectType: 'duo_import',
          objectId: id,
          details: { bestand: row.file_name },
        });
        return true;
      });
      if (!done) throw notFound();
      if (inline && decision === 'sluiten') {
        await runImportNow(platform, req, id);
      }
      return reply.redirect(`/beheer/imports/${id}`, 303);
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
            importId: await exampleImport(db, {
              status: 'mislukt',
              message: 'Voorbeeld',
              problems: JSON.stringify([{ line: 1, reason: 'Voorbeeld' }]),
            }),
          }),
        },
      },
    },
    async (req, reply) => {
      const id = Number((req.params as Record<string, string>).importId);
      const row = Number.isSafeInteger(id)
        ? await db
            .selectFrom('duo_import as i')
            .leftJoin('person as p', 'p.id', 'i.person_id')
            .select([
              'i.id',
              'i.created_at',
              'i.finished_at',
              'i.file_name',
              'i.file_kind',
              'i.source',
              'i.status',
              'i.problem_count',
              'i.problems',
              'i.counts',
              'i.message',
              'i.size_bytes',
              'i.peildatum',
              'i.peildatum_source',
              'p.name as person',
            ])
            .where('i.id', '=', id)
            .executeTakeFirst()
        : undefined;
      if (!row) throw notFound();
      const changes = await db
        .selectFrom('organisation_change as c')
        .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
        .select(['c.id', 'c.change', 'c.field', 'c.old_value', 'c.new_value', 'o.code', 'o.name', 'o.kind'])
        .where('c.import_id', '=', id)
        .where('c.change', '<>', 'nieuw')
        .orderBy('c.id')
        .limit(301)
        .execute();
      return reply.page(
        <ImportReportPage
          ctx={reply.ctx()}
          row={row}
          progress={importProgress.get(id) ?? null}
          changes={changes}
        />,
      );
    },
  );
}
