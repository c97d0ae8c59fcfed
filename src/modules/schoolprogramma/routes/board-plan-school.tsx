// The school's view of the board's reservations of its money: amount, year, purpose, menu
// category or intervention, its MR's consent and the GMR's status of the board-level plan.
import type { App, Platform } from '../../../platform/platform.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { id, params } from '../../../platform/http/schemas.ts';
import { findSchool } from '../repository/plans.ts';
import { reservationsOfSchool } from '../repository/board-plan-school.ts';
import { versionsOf } from '../repository/board-plan-versions.ts';
import { statusPerReservation, statusText } from '../services/board-plan-rules.ts';
import { SchoolBoardReservationsPage } from '../views/board-plan-school.tsx';
import { schoolReservationReaders } from './board-plan-access.ts';

export function registerBoardPlanSchoolRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  app.get(
    '/scholen/:schoolId/schoolprogramma/bovenschools',
    {
      config: {
        access: schoolReservationReaders,
        page: true,
        examples: { params: ({ schoolId }) => ({ schoolId }) },
      },
      schema: { params: params({ schoolId: id }) },
    },
    async (req, reply) => {
      const school = await findSchool(db, req.params.schoolId);
      if (!school) throw notFound();
      const rows = await reservationsOfSchool(db, school.id);
      const planIds = [...new Set(rows.map((r) => r.plan_id).filter((x): x is number => x !== null))];
      const status = statusPerReservation(await versionsOf(db, planIds));
      return reply.page(
        <SchoolBoardReservationsPage
          ctx={reply.ctx()}
          school={school}
          rows={rows.map((r) => {
            const s = status.get(r.id);
            return {
              ...r,
              gmrStatus: s
                ? statusText(s)
                : r.plan_id
                  ? 'Nog niet aan de GMR voorgelegd'
                  : 'Hoort nog bij geen bovenschools plan',
            };
          })}
        />,
      );
    },
  );
}
