// The budget overview of a school's plan (read by everyone who reads the plan).
import type { App, Platform } from '../../../platform/platform.ts';
import { decide } from '../../../platform/auth/access.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { id, params } from '../../../platform/http/schemas.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { todayIn } from '../../menukaart/services/menu.ts';
import { findPlan, findSchool } from '../repository/plans.ts';
import { loadBudgetOverview } from '../repository/budget-overview.ts';
import { BudgetOverviewPage } from '../views/budget-overview.tsx';
import { planEditors, planReaders } from './access.ts';
import { planSchoolExample } from './budget-examples.ts';

export function registerBudgetOverviewRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  app.get(
    '/scholen/:schoolId/schoolprogramma/begroting',
    {
      config: { access: planReaders, page: true, examples: planSchoolExample },
      schema: { params: params({ schoolId: id }) },
    },
    async (req, reply) => {
      const school = await findSchool(db, req.params.schoolId);
      if (!school) throw notFound();
      const programme = await loadProgramme(db);
      const plan = await findPlan(db, school.id, programme.id);
      const overview = await loadBudgetOverview(db, {
        schoolId: school.id,
        planId: plan?.id ?? null,
        programmeId: programme.id,
        today: todayIn(platform.now()),
        spendUntil: programme.spendUntil,
      });
      return reply.page(
        <BudgetOverviewPage
          ctx={reply.ctx()}
          school={school}
          overview={overview}
          hasPlan={plan !== undefined}
          canEdit={
            decide(req.principal, planEditors, {
              id: school.id,
              kind: 'school',
              parentId: school.parent_id,
            }) === 'allow'
          }
          spendUntil={programme.spendUntil}
        />,
      );
    },
  );
}
