// The budget overview of a school's plan (read by everyone who reads the plan).
import type { App, Platform } from '../../../platform/platform.ts';
import { decide } from '../../../platform/auth/access.ts';
import { id, params } from '../../../platform/http/schemas.ts';
import { todayIn } from '../../menukaart/services/menu.ts';
import { findPlan } from '../repository/plans.ts';
import { loadBudgetOverview } from '../repository/budget-overview.ts';
import { BudgetOverviewPage } from '../views/budget-overview.tsx';
import { planEditors, planReaders } from './access.ts';
import { planSchoolExample } from './budget-examples.ts';
import type { PageMemo } from '../services/page-memo.ts';
import { sendTemplatePage } from '../../../platform/http/page-template.tsx';
import { memoizedSchool } from './plan-context.ts';

export function registerBudgetOverviewRoutes(app: App, platform: Platform, memo: PageMemo) {
  const db = platform.database.db;
  const programme = platform.programme;

  app.get(
    '/scholen/:schoolId/schoolprogramma/begroting',
    {
      config: { access: planReaders, page: true, examples: planSchoolExample },
      schema: { params: params({ schoolId: id }) },
    },
    async (req, reply) => {
      const school = await memoizedSchool(memo, db, req.params.schoolId);
      const today = todayIn(platform.now());
      const { plan, overview } = await memo.get(
        { schoolId: school.id, boardId: school.parent_id },
        `begroting:${school.id}:${today}`,
        async () => {
          const plan = await findPlan(db, school.id, programme.id);
          const overview = await loadBudgetOverview(db, {
            schoolId: school.id,
            planId: plan?.id ?? null,
            programmeId: programme.id,
            today,
            spendUntil: programme.spendUntil,
          });
          return { plan, overview };
        },
      );
      const canEdit =
        decide(req.principal, planEditors, { id: school.id, kind: 'school', parentId: school.parent_id }) ===
        'allow';
      return sendTemplatePage(reply, overview, `${school.id}|${school.name}|${canEdit}`, (ctx) => (
        <BudgetOverviewPage
          ctx={ctx}
          school={school}
          overview={overview}
          hasPlan={plan !== undefined}
          canEdit={canEdit}
          spendUntil={programme.spendUntil}
        />
      ));
    },
  );
}
