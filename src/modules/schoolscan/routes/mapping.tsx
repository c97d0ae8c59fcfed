// Column mappings of LVS exports: the school's saved mappings, reading a new export's columns
// (the file is read in memory for its column names and codes, never kept), saving, changing and
// deleting a mapping. Every write is audited in its own transaction; refusals as 'mislukt'.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, id, many, params, query, text, z } from '../../../platform/http/schemas.ts';
import * as scans from '../repository/scans.ts';
import * as repo from '../repository/mapping.ts';
import { maxFileMegabytes, type ColumnKey } from '../services/parse/lvs-format.ts';
import { headerSignature, mappingFields, profileFile, valueFields } from '../services/parse/lvs-mapping.ts';
import type { ValueField } from '../services/parse/lvs-parse.ts';
import {
  formForFile,
  formForMapping,
  readCarriedProfile,
  readMappingForm,
  type MappingContext,
  type MappingFormInput,
  type MappingFormState,
} from '../services/mapping.ts';
import { MappingFormPage, MappingListPage, mappingBase } from '../views/mapping.tsx';
import { scanBase } from '../views/scan.tsx';
import { readUpload } from './lvs.tsx';
import { staff } from './scan.tsx';
import {
  mappingCreateExample,
  mappingDeleteExample,
  mappingEditExample,
  mappingExample,
  mappingFileExample,
  schoolExample,
} from './examples.ts';

const schoolParams = params({ schoolId: id });
const mappingParams = params({ schoolId: id, mappingId: id });

/** The mapping form's fields: name, provider, a column per field, value rows per value field. */
const mappingBody = form({
  naam: text(300),
  aanbieder: text(20),
  // The file's columns and codes, carried between the pages (the file is not kept).
  bestand: text(600_000),
  ...Object.fromEntries(mappingFields.map((f) => [`kolom_${f.key}`, text(300)])),
  ...Object.fromEntries(
    valueFields.flatMap((f) => [
      [`van_${f}`, many(300, 400)],
      [`naar_${f}`, many(40, 400)],
      [`nieuw_van_${f}`, text(300)],
      [`nieuw_naar_${f}`, text(40)],
    ]),
  ),
});
type MappingBody = z.infer<typeof mappingBody>;

function inputOf(body: MappingBody): MappingFormInput {
  const b = body as unknown as Record<string, unknown>;
  const kolommen: Partial<Record<ColumnKey, string>> = {};
  for (const f of mappingFields) kolommen[f.key] = String(b[`kolom_${f.key}`] ?? '');
  const van = {} as Record<ValueField, string[]>;
  const naar = {} as Record<ValueField, string[]>;
  const extra = {} as MappingFormInput['extra'];
  for (const f of valueFields) {
    van[f] = (b[`van_${f}`] as string[] | undefined) ?? [];
    naar[f] = (b[`naar_${f}`] as string[] | undefined) ?? [];
    extra[f] = { raw: String(b[`nieuw_van_${f}`] ?? ''), target: String(b[`nieuw_naar_${f}`] ?? '') };
  }
  return { naam: String(b.naam ?? ''), aanbieder: String(b.aanbieder ?? ''), kolommen, van, naar, extra };
}

export function registerMappingRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  const loadSchool = async (schoolId: number) => {
    const school = await scans.findSchool(db, schoolId);
    if (!school) throw notFound();
    return school;
  };
  const loadMapping = async (schoolId: number, mappingId: number) => {
    const m = await repo.findMapping(db, schoolId, mappingId);
    if (!m) throw notFound();
    return m;
  };

  const renderList = async (
    reply: FastifyReply,
    schoolId: number,
    extra: { notice?: string; fileError?: string },
    status?: number,
  ) => {
    const school = await loadSchool(schoolId);
    return reply.page(
      <MappingListPage
        ctx={reply.ctx()}
        school={school}
        mappings={await repo.mappingsOfSchool(db, school.id)}
        notice={extra.notice}
        fileError={extra.fileError}
        status={extra.fileError ? 'refused' : undefined}
      />,
      status,
    );
  };

  const renderForm = async (
    reply: FastifyReply,
    schoolId: number,
    ctx: MappingContext,
    state: MappingFormState,
    mapping?: { id: number; name: string },
    opts: { status?: number; notice?: string } = {},
  ) => {
    const school = await loadSchool(schoolId);
    return reply.page(
      <MappingFormPage
        ctx={reply.ctx()}
        school={school}
        headers={ctx.headers}
        profile={ctx.profile}
        form={state}
        mapping={mapping}
        notice={opts.notice}
      />,
      opts.status,
    );
  };

  const refuse = (
    req: FastifyRequest,
    action: string,
    schoolId: number,
    objectId: number | undefined,
    reden: string,
  ) =>
    audit(req, db, {
      action,
      result: 'mislukt',
      objectType: objectId === undefined ? 'school' : 'lvs_mapping',
      objectId: objectId ?? schoolId,
      organisationId: schoolId,
      details: { reden },
    });

  app.get(
    '/scholen/:schoolId/schoolscan/toetsgegevens/koppelingen',
    {
      config: { access: staff, page: true, examples: schoolExample },
      schema: {
        params: schoolParams,
        querystring: query({ verwijderd: z.literal('1').optional().catch(undefined) }),
      },
    },
    async (req, reply) =>
      renderList(reply, req.params.schoolId, {
        notice: req.query.verwijderd ? 'De koppeling is verwijderd.' : undefined,
      }),
  );

  // Reads a file's columns for the mapping form. Multipart: no body schema, CSRF checked by hand.
  app.post(
    '/scholen/:schoolId/schoolscan/toetsgegevens/koppelingen/nieuw',
    {
      config: {
        access: staff,
        csrf: false,
        audit: 'schoolscan.koppeling-bestand-gelezen',
        examples: mappingFileExample,
      },
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
      const action = 'schoolscan.koppeling-bestand-gelezen';
      if (upload.tooLarge) {
        await refuse(req, action, schoolId, undefined, 'te-groot');
        return renderList(
          reply,
          schoolId,
          {
            fileError: `Het bestand is groter dan ${maxFileMegabytes} MB. Splits het, bijvoorbeeld per schooljaar, en kies één deel: de kolommen zijn in elk deel dezelfde.`,
          },
          413,
        );
      }
      if (!upload.file) {
        await refuse(req, action, schoolId, undefined, 'geen-bestand');
        return renderList(
          reply,
          schoolId,
          { fileError: 'Kies het exportbestand met de toetsuitslagen.' },
          422,
        );
      }
      const read = profileFile(upload.file.data, upload.file.name);
      if (!read.ok) {
        await refuse(req, action, schoolId, undefined, 'onleesbaar');
        return renderList(reply, schoolId, { fileError: read.fileProblem }, 422);
      }
      const profile = read.profile;
      await audit(req, db, {
        action,
        objectType: 'school',
        objectId: schoolId,
        organisationId: schoolId,
        details: { kolommen: profile.headers.length, weggelaten: profile.dropped.length },
      });
      const ctx = { headers: profile.headers, profile };
      // A mapping for these columns exists: change it, with this file's codes beside it.
      const existing = await repo.mappingBySignature(db, schoolId, headerSignature(profile.headers));
      if (existing)
        return renderForm(
          reply,
          schoolId,
          ctx,
          formForMapping(existing.mapping, profile),
          { id: existing.id, name: existing.mapping.name },
          {
            notice: `Uw school heeft al een koppeling voor deze kolommen: "${existing.mapping.name}". Een export met deze kolommen wordt daar al mee ingelezen. Hieronder kunt u haar aanvullen met de waarden uit dit bestand.`,
          },
        );
      return renderForm(reply, schoolId, ctx, formForFile(profile));
    },
  );

  app.post(
    '/scholen/:schoolId/schoolscan/toetsgegevens/koppelingen',
    {
      config: { access: staff, audit: 'schoolscan.koppeling-opgeslagen', examples: mappingCreateExample },
      schema: { params: schoolParams, body: mappingBody },
    },
    async (req, reply) => {
      const schoolId = req.params.schoolId;
      await loadSchool(schoolId);
      const action = 'schoolscan.koppeling-opgeslagen';
      const profile = readCarriedProfile(String(req.body.bestand ?? ''));
      if (!profile) {
        await refuse(req, action, schoolId, undefined, 'bestand-ontbreekt');
        return renderList(
          reply,
          schoolId,
          {
            fileError:
              'De kolommen van het bestand zijn niet meegekomen met het formulier. Kies het bestand opnieuw.',
          },
          400,
        );
      }
      const ctx = { headers: profile.headers, profile };
      const r = readMappingForm(inputOf(req.body), ctx);
      if (!r.ok) {
        await refuse(req, action, schoolId, undefined, 'invoer');
        return renderForm(reply, schoolId, ctx, r.state, undefined, { status: 400 });
      }
      const personId = req.principal?.personId ?? null;
      const created = await db.transaction().execute(async (trx) => {
        const newId = await repo.insertMapping(trx, schoolId, r.signature, r.mapping, personId);
        if (newId !== null)
          await audit(req, trx, {
            action,
            objectType: 'lvs_mapping',
            objectId: newId,
            organisationId: schoolId,
            details: { aanbieder: r.mapping.provider, kolommen: Object.keys(r.mapping.columns).length },
          });
        return newId;
      });
      if (created !== null)
        return reply.redirect(`${scanBase(schoolId)}/toetsgegevens?koppeling=${created}`, 303);
      const existing = await repo.mappingBySignature(db, schoolId, r.signature);
      // The same form sent twice (a double click): the first post saved it.
      if (existing && existing.mapping.name === r.mapping.name) {
        await audit(req, db, {
          action,
          objectType: 'lvs_mapping',
          objectId: existing.id,
          organisationId: schoolId,
          details: { herhaald: true },
        });
        return reply.redirect(`${scanBase(schoolId)}/toetsgegevens?koppeling=${existing.id}`, 303);
      }
      await refuse(req, action, schoolId, undefined, 'bestaat-al');
      return renderForm(
        reply,
        schoolId,
        ctx,
        {
          ...formForMapping(r.mapping, profile),
          errors: {
            naam: `Uw school heeft al een koppeling voor een export met deze kolommen: "${existing?.mapping.name ?? ''}". Wijzig die koppeling; deze is niet opgeslagen.`,
          },
        },
        undefined,
        { status: 409 },
      );
    },
  );

  app.get(
    '/scholen/:schoolId/schoolscan/toetsgegevens/koppelingen/:mappingId',
    {
      config: { access: staff, page: true, examples: mappingExample },
      schema: { params: mappingParams },
    },
    async (req, reply) => {
      const m = await loadMapping(req.params.schoolId, req.params.mappingId);
      return renderForm(
        reply,
        req.params.schoolId,
        { headers: m.mapping.headers },
        formForMapping(m.mapping),
        {
          id: m.id,
          name: m.mapping.name,
        },
      );
    },
  );

  app.post(
    '/scholen/:schoolId/schoolscan/toetsgegevens/koppelingen/:mappingId',
    {
      config: { access: staff, audit: 'schoolscan.koppeling-gewijzigd', examples: mappingEditExample },
      schema: { params: mappingParams, body: mappingBody },
    },
    async (req, reply) => {
      const { schoolId, mappingId } = req.params;
      await loadSchool(schoolId);
      const m = await loadMapping(schoolId, mappingId);
      const action = 'schoolscan.koppeling-gewijzigd';
      // A file read for this mapping carries its codes; only when it has the mapping's columns.
      const carried = req.body.bestand ? readCarriedProfile(String(req.body.bestand)) : null;
      const profile = carried && headerSignature(carried.headers) === m.signature ? carried : undefined;
      const ctx: MappingContext = { headers: m.mapping.headers, profile };
      const r = readMappingForm(inputOf(req.body), ctx);
      if (!r.ok) {
        await refuse(req, action, schoolId, mappingId, 'invoer');
        return renderForm(reply, schoolId, ctx, r.state, { id: m.id, name: m.mapping.name }, { status: 400 });
      }
      const personId = req.principal?.personId ?? null;
      await db.transaction().execute(async (trx) => {
        if (!(await repo.updateMapping(trx, schoolId, mappingId, r.mapping, personId))) throw notFound();
        await audit(req, trx, {
          action,
          objectType: 'lvs_mapping',
          objectId: mappingId,
          organisationId: schoolId,
          details: { aanbieder: r.mapping.provider, kolommen: Object.keys(r.mapping.columns).length },
        });
      });
      return reply.redirect(`${scanBase(schoolId)}/toetsgegevens?koppeling=${mappingId}`, 303);
    },
  );

  app.post(
    '/scholen/:schoolId/schoolscan/toetsgegevens/koppelingen/:mappingId/verwijderen',
    {
      config: { access: staff, audit: 'schoolscan.koppeling-verwijderd', examples: mappingDeleteExample },
      schema: { params: mappingParams, body: form({}) },
    },
    async (req, reply) => {
      const { schoolId, mappingId } = req.params;
      await loadSchool(schoolId);
      const deleted = await db.transaction().execute(async (trx) => {
        const name = await repo.deleteMapping(trx, schoolId, mappingId);
        if (name !== null)
          await audit(req, trx, {
            action: 'schoolscan.koppeling-verwijderd',
            objectType: 'lvs_mapping',
            objectId: mappingId,
            organisationId: schoolId,
          });
        return name;
      });
      if (deleted === null) throw notFound();
      return reply.redirect(`${mappingBase(schoolId)}?verwijderd=1`, 303);
    },
  );
}
