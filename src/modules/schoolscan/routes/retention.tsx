// The retention of a school's LVS results: staff read the period and what it means; the school
// leader changes it. The purge itself is the daily job in workers.ts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { access, decide } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, id, params, query, z } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import * as scans from '../repository/scans.ts';
import * as repo from '../repository/retention.ts';
import { defaultRetentionMonths, parseRetentionChoice, settingAuditAction } from '../services/retention.ts';
import { RetentionPage } from '../views/retention.tsx';
import { scanBase } from '../views/scan.tsx';
import { retentionExample, schoolExample } from './examples.ts';
import { staff } from './scan.tsx';

const leader = access.school(['schoolleider']);
const schoolParams = params({ schoolId: id });

export function registerRetentionRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    schoolId: number,
    extra: { form?: FormState; saved?: boolean } = {},
    status?: number,
  ) => {
    const school = await scans.findSchool(db, schoolId);
    if (!school) throw notFound();
    const row = await repo.retentionOf(db, school.id);
    const months = row?.months ?? defaultRetentionMonths;
    return reply.page(
      <RetentionPage
        ctx={reply.ctx()}
        school={school}
        setting={{
          months,
          chosen: row ? { at: new Date(row.updated_at), by: row.updated_by_name } : null,
        }}
        imports={await repo.importsWithExpiry(db, school.id, months)}
        canChange={
          decide(req.principal, leader, { id: school.id, kind: 'school', parentId: school.parent_id }) ===
          'allow'
        }
        form={extra.form}
        saved={extra.saved}
      />,
      status,
    );
  };

  app.get(
    '/scholen/:schoolId/schoolscan/bewaartermijn',
    {
      config: { access: staff, page: true, examples: schoolExample },
      schema: {
        params: schoolParams,
        querystring: query({ opgeslagen: z.literal('1').optional().catch(undefined) }),
      },
    },
    async (req, reply) => render(req, reply, req.params.schoolId, { saved: req.query.opgeslagen === '1' }),
  );

  app.post(
    '/scholen/:schoolId/schoolscan/bewaartermijn',
    {
      config: { access: leader, audit: settingAuditAction, examples: retentionExample },
      schema: { params: schoolParams, body: form({ bewaartermijn: z.string().max(20).default('') }) },
    },
    async (req, reply) => {
      const { schoolId } = req.params;
      const school = await scans.findSchool(db, schoolId);
      if (!school) throw notFound();
      const choice = parseRetentionChoice(req.body.bewaartermijn);
      if (!choice.ok) {
        await audit(req, db, {
          action: settingAuditAction,
          result: 'mislukt',
          objectType: 'school',
          objectId: schoolId,
          organisationId: schoolId,
          details: { reden: 'ongeldige-keuze' },
        });
        return render(
          req,
          reply,
          schoolId,
          {
            form: {
              values: { bewaartermijn: req.body.bewaartermijn },
              errors: { bewaartermijn: choice.message },
            },
          },
          400,
        );
      }
      await db.transaction().execute(async (trx) => {
        const before = await repo.retentionOf(trx, schoolId);
        await repo.setRetention(
          trx,
          schoolId,
          choice.months,
          req.principal?.personId ?? null,
          platform.now(),
        );
        await audit(req, trx, {
          action: settingAuditAction,
          objectType: 'school',
          objectId: schoolId,
          organisationId: schoolId,
          details: { van_maanden: before?.months ?? null, naar_maanden: choice.months },
        });
      });
      return reply.redirect(`${scanBase(schoolId)}/bewaartermijn?opgeslagen=1`, 303);
    },
  );
}
