// Importing expenses from a bookkeeping export (school leader). The upload is multipart, like
// the schoolscan's LVS import (readUpload there; CSRF checked after reading the parts). The
// mapping step posts the file's content back in a hidden field with the chosen columns and the
// meaning of unknown values. The import is all or nothing: one wrong line books nothing, and
// the page lists every wrong line with its reason. The file is not kept; the import row records
// its name, the number of lines and the total.
import type { FastifyReply } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { createOnce } from '../../../platform/http/idempotency.ts';
import { id, params } from '../../../platform/http/schemas.ts';
import { todayIn } from '../../menukaart/services/menu.ts';
import { readUpload } from '../../schoolscan/routes/lvs.tsx';
import * as expenses from '../repository/expenses.ts';
import { loadPlanContext, loadPlanContextIfStarted, type PlanContext } from '../repository/plan-context.ts';
import { isCostType } from '../services/budget-amounts.ts';
import {
  completeColumns,
  guessColumns,
  importFields,
  maxImportBytes,
  readExpenseFile,
  readExpenseText,
  type ImportField,
} from '../services/expense-file.ts';
import { checkExpenseRecords, unknownValues, type ValueMapping } from '../services/expense-import.ts';
import { ExpenseImportPage, type ImportReportView, type MappingStep } from '../views/expense-import.tsx';
import { expensesBase } from '../views/budget-base.tsx';
import { planEditors } from './access.ts';
import { importExample, planSchoolExample } from './budget-examples.ts';

export const importAction = 'schoolprogramma.uitgaven-geimporteerd';

const schoolParams = params({ schoolId: id });

/** The columns chosen in the mapping step (`kolom-datum` = '2'). */
function postedColumns(fields: Record<string, string>): Partial<Record<ImportField, number>> {
  const out: Partial<Record<ImportField, number>> = {};
  for (const f of importFields) {
    const v = fields[`kolom-${f}`];
    if (v !== undefined && /^\d{1,3}$/.test(v)) out[f] = Number(v);
  }
  return out;
}

export function registerExpenseImportRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  const render = async (
    reply: FastifyReply,
    l: PlanContext,
    extra: { mapping?: MappingStep; report?: ImportReportView; key?: string } = {},
    status?: number,
  ) =>
    reply.page(
      <ExpenseImportPage
        ctx={reply.ctx()}
        school={l.school}
        interventions={l.interventions}
        imports={await expenses.importsOfPlan(db, l.plan.id)}
        mapping={extra.mapping}
        report={extra.report}
        idempotencyKey={extra.key}
      />,
      status,
    );

  app.get(
    '/scholen/:schoolId/schoolprogramma/uitgaven/importeren',
    {
      config: { access: planEditors, page: true, examples: planSchoolExample },
      schema: { params: schoolParams },
    },
    async (req, reply) => {
      const l = await loadPlanContextIfStarted(db, req.params.schoolId);
      if (!l) return reply.redirect(`/scholen/${req.params.schoolId}/schoolprogramma?gedaan=eerst-plan`, 303);
      return render(reply, l);
    },
  );

  app.post(
    '/scholen/:schoolId/schoolprogramma/uitgaven/importeren',
    {
      // Multipart (the upload) or a form (the mapping step): no body schema; CSRF checked by hand.
      config: { access: planEditors, csrf: false, audit: importAction, examples: importExample },
      schema: { params: schoolParams },
    },
    async (req, reply) => {
      const l = await loadPlanContext(db, req.params.schoolId);
      const upload = await readUpload(req);
      req.body = upload.fields;
      let csrfOk = false;
      app.csrfProtection(req, reply, () => {
        csrfOk = true;
      });
      if (!csrfOk) return reply;
      const fields = upload.fields;
      // Pasted lines count as a file when no file was chosen. (Not 'inhoud': that id is the page's main.)
      const pasted = fields.regels ?? '';
      if (!upload.file && !upload.tooLarge && pasted.trim() !== '')
        upload.file = { name: 'geplakte-regels.csv', data: Buffer.from(pasted, 'utf8') };
      const key = fields._sleutel;
      const refuse = async (report: ImportReportView, status: number) => {
        await audit(req, db, {
          action: importAction,
          result: 'mislukt',
          objectType: 'school_plan',
          objectId: l.plan.id,
          organisationId: l.school.id,
          details: { bestand: report.fileName.slice(0, 100), regels_fout: report.problems.length },
        });
        return render(reply, l, { report, key }, status);
      };

      // The file: from the mapping step's hidden field, or uploaded (or pasted).
      const mappingStep = fields.stap === 'koppelen' && fields.bestand64 !== undefined;
      const fileName =
        (mappingStep ? fields.bestandsnaam : upload.file?.name)?.slice(0, 200) || 'het bestand';
      if (!mappingStep && !upload.file)
        return refuse(
          {
            fileName,
            problem: upload.tooLarge
              ? `het is groter dan ${maxImportBytes / 1024} kB.`
              : 'kies het exportbestand uit de boekhouding.',
            problems: [],
          },
          upload.tooLarge ? 413 : 422,
        );
      const read = mappingStep
        ? readExpenseText(Buffer.from(fields.bestand64 ?? '', 'base64').toString('utf8'))
        : readExpenseFile(upload.file!.data);
      if (!read.ok) return refuse({ fileName, problem: read.problem, problems: [] }, 422);

      const columns = mappingStep ? postedColumns(fields) : guessColumns(read.headers);
      const step = (extra: Partial<MappingStep>): MappingStep => ({
        fileName,
        content64: Buffer.from(read.text, 'utf8').toString('base64'),
        headers: read.headers,
        columns,
        unknown: null,
        choices: fields,
        ...extra,
      });
      if (!completeColumns(columns, read.headers.length))
        return render(
          reply,
          l,
          {
            mapping: step({
              message: mappingStep ? 'Kies voor elk gegeven een eigen kolom van het bestand.' : undefined,
            }),
            key,
          },
          mappingStep ? 422 : 200,
        );

      const plan = l.interventions.map((i) => ({ id: i.id, code: i.code, name: i.name }));
      const unknown = unknownValues(read.records, columns, plan);
      const mapping: ValueMapping = { interventions: {}, costTypes: {} };
      let open = 0;
      for (const u of unknown.interventions) {
        const v = fields[`iv-${u.key}`];
        if (v === 'weigeren') mapping.interventions[u.key] = 'weigeren';
        else if (v && plan.some((p) => String(p.id) === v)) mapping.interventions[u.key] = Number(v);
        else open++;
      }
      for (const u of unknown.costTypes) {
        const v = fields[`ks-${u.key}`] ?? '';
        if (v === 'weigeren' || isCostType(v)) mapping.costTypes[u.key] = v;
        else open++;
      }
      if (open > 0)
        return render(
          reply,
          l,
          {
            mapping: step({
              unknown,
              message: mappingStep
                ? 'Kies voor elke onbekende interventie en kostensoort wat ze betekent, of weiger ze.'
                : undefined,
            }),
            key,
          },
          mappingStep ? 422 : 200,
        );

      const checked = checkExpenseRecords({
        records: read.records,
        columns,
        mapping,
        plan,
        years: l.years,
        today: todayIn(platform.now()),
      });
      if (!checked.ok) return refuse({ fileName, problems: checked.problems }, 422);

      const personId = req.principal?.personId ?? null;
      const now = platform.now();
      const outcome = await db.transaction().execute(async (trx) =>
        createOnce(trx, req, fields, async () => {
          const importId = await expenses.insertImport(trx, {
            planId: l.plan.id,
            fileName,
            rows: checked.rows.length,
            totalCents: checked.totalCents,
            personId,
            now,
          });
          await expenses.insertExpenses(
            trx,
            checked.rows.map((r) => ({ planId: l.plan.id, ...r, importId })),
            personId,
            now,
          );
          await audit(req, trx, {
            action: importAction,
            objectType: 'school_plan_expense_import',
            objectId: importId,
            organisationId: l.school.id,
            details: { regels: checked.rows.length, totaal_cent: checked.totalCents },
          });
          return `${expensesBase(l.school.id)}?geboekt=import`;
        }),
      );
      return reply.redirect(outcome.location ?? expensesBase(l.school.id), 303);
    },
  );
}
