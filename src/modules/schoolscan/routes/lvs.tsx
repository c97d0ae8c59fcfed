// Importing LVS results. The upload is multipart (a file), so the route has no body schema:
// the parts are read here, with a size limit, and the CSRF token is checked after reading
// them. A form with the file's content pasted in a field (inhoud) is read the same way.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { createOnce } from '../../../platform/http/idempotency.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { id, params, query, z } from '../../../platform/http/schemas.ts';
import * as scans from '../repository/scans.ts';
import * as lvs from '../repository/lvs.ts';
import { checkLvsFile, storeLvsImport, type UploadedFile } from '../services/import.ts';
import { maxFileBytes } from '../services/parse/lvs-format.ts';
import { fileSignature, parseMappedFile } from '../services/parse/lvs-mapping.ts';
import * as mappings from '../repository/mapping.ts';
import { LvsPage, type ImportReport } from '../views/lvs.tsx';
import { scanBase } from '../views/scan.tsx';
import { schoolExample, uploadExample } from './examples.ts';
import { staff } from './scan.tsx';

const schoolParams = params({ schoolId: id });
/** Form fields besides the file: the CSRF token, the idempotency key and pasted content. */
const fieldLimit = 2 * 1024 * 1024;

interface Upload {
  fields: Record<string, string>;
  file: UploadedFile | null;
  tooLarge: boolean;
}

/**
 * Reads a multipart upload (one file, at most `maxBytes`) or a plain form. Content pasted in the
 * field `pasteField` counts as the file when no file was chosen.
 */
export async function readUpload(
  req: FastifyRequest,
  opts: { maxBytes?: number; pasteField?: string } = {},
): Promise<Upload> {
  const maxBytes = opts.maxBytes ?? maxFileBytes;
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  let tooLarge = false;
  if (req.isMultipart()) {
    // The form sends its hidden fields (CSRF token, form key) before the file, so they are read
    // even when the file turns out too large and the rest of the request is left unread.
    try {
      for await (const part of req.parts({
        limits: { fileSize: maxBytes, fieldSize: fieldLimit, files: 1 },
      })) {
        if (part.type === 'file') {
          const data = await part.toBuffer();
          if (part.filename && data.length > 0)
            file = { name: part.filename.replace(/[^\w.()\-+ ]/g, '_').slice(0, 200), data };
        } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      }
    } catch (err) {
      if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
      tooLarge = true;
      file = null;
    }
  } else if (req.body && typeof req.body === 'object') {
    for (const [k, v] of Object.entries(req.body)) if (typeof v === 'string') fields[k] = v;
  }
  // Pasted content counts as a file when no file was chosen.
  const pasted = fields[opts.pasteField ?? 'inhoud'] ?? '';
  if (!file && !tooLarge && pasted.trim() !== '')
    file = { name: 'geplakte-regels.csv', data: Buffer.from(pasted, 'utf8') };
  return { fields, file, tooLarge };
}

export function registerLvsRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  const loadSchool = async (schoolId: number) => {
    const school = await scans.findSchool(db, schoolId);
    if (!school) throw notFound();
    return school;
  };

  const render = async (
    reply: FastifyReply,
    schoolId: number,
    extra: { report?: ImportReport; done?: number; formError?: string; key?: string; mappingId?: number },
    status?: number,
  ) => {
    const school = await loadSchool(schoolId);
    const imports = await lvs.importsOfSchool(db, school.id);
    const saved = extra.mappingId ? await mappings.findMapping(db, school.id, extra.mappingId) : null;
    return reply.page(
      <LvsPage
        ctx={reply.ctx()}
        school={school}
        imports={imports}
        report={extra.report}
        done={extra.done ? imports.find((i) => i.id === extra.done) : undefined}
        formError={extra.formError}
        idempotencyKey={extra.key}
        mappingNames={await mappings.importMappingNames(
          db,
          school.id,
          imports.map((i) => i.id),
        )}
        savedMapping={saved ? { id: saved.id, name: saved.mapping.name } : undefined}
      />,
      status,
    );
  };

  app.get(
    '/scholen/:schoolId/schoolscan/toetsgegevens',
    {
      config: { access: staff, page: true, examples: schoolExample },
      schema: {
        params: schoolParams,
        querystring: query({
          ingelezen: z.coerce.number().int().positive().optional().catch(undefined),
          // A mapping just saved: the page says the next upload with its columns is recognised.
          koppeling: z.coerce
            .number()
            .int()
            .positive()
            .max(2 ** 31 - 1)
            .optional()
            .catch(undefined),
        }),
      },
    },
    async (req, reply) =>
      render(reply, req.params.schoolId, { done: req.query.ingelezen, mappingId: req.query.koppeling }),
  );

  app.post(
    '/scholen/:schoolId/schoolscan/toetsgegevens',
    {
      // Multipart: no body schema (the parts are read in the handler), CSRF checked by hand.
      config: { access: staff, csrf: false, audit: 'lvs.geimporteerd', examples: uploadExample },
      schema: { params: schoolParams },
    },
    async (req, reply) => {
      const schoolId = req.params.schoolId;
      await loadSchool(schoolId);
      const upload = await readUpload(req);
      req.body = upload.fields;
      let csrfOk = false;
      app.csrfProtection(req, reply, () => {
        csrfOk = true;
      });
      if (!csrfOk) return reply;
      const key = upload.fields._sleutel;
      if (!upload.file && !upload.tooLarge)
        return render(
          reply,
          schoolId,
          { formError: 'Kies het exportbestand met de toetsuitslagen.', key },
          422,
        );
      // A file whose columns match a saved mapping of the school is read through that mapping.
      const signature = upload.file && !upload.tooLarge ? fileSignature(upload.file.data) : null;
      const mapping = signature ? await mappings.mappingBySignature(db, schoolId, signature) : null;
      const checked = checkLvsFile(
        upload.file,
        upload.tooLarge,
        mapping ? (data) => parseMappedFile(data, mapping.mapping) : undefined,
      );
      if (!checked.ok) {
        await audit(req, db, {
          action: 'lvs.geimporteerd',
          result: 'mislukt',
          objectType: 'school',
          objectId: schoolId,
          organisationId: schoolId,
          details: {
            regels_fout: checked.problems.length,
            bestandsfout: checked.fileProblem !== null,
            koppeling: mapping?.id ?? null,
          },
        });
        const report = {
          fileName: upload.file?.name ?? 'het bestand',
          mappingName: mapping?.mapping.name,
          ...checked,
        };
        return render(reply, schoolId, { report, key }, upload.tooLarge ? 413 : 422);
      }
      const outcome = await db.transaction().execute(async (trx) =>
        createOnce(trx, req, upload.fields, async () => {
          const stored = await storeLvsImport(trx, checked, {
            schoolId,
            personId: req.principal?.personId ?? null,
          });
          if (mapping) await mappings.setImportMapping(trx, stored.importId, mapping.mapping.name);
          await audit(req, trx, {
            action: 'lvs.geimporteerd',
            objectType: 'lvs_import',
            objectId: stored.importId,
            organisationId: schoolId,
            details: {
              uitslagen: stored.rows,
              leerlingen: stored.pupils,
              schooljaren: stored.schoolYears.join(','),
              koppeling: mapping?.id ?? null,
            },
          });
          return `${scanBase(schoolId)}/toetsgegevens?ingelezen=${stored.importId}`;
        }),
      );
      return reply.redirect(outcome.location ?? `${scanBase(schoolId)}/toetsgegevens`, 303);
    },
  );
}
