// The answering part of the dashboard: the school leader and the board see each open
// questionnaire they have not submitted yet, with its close date (urgent in the last week).
import type { DashboardAction, DashboardInput } from '../../../platform/dashboard.ts';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { todayIn } from '../../menukaart/services/menu.ts';
import { questionnairesFor } from '../repository/responses.ts';
import type { Audience } from '../tables.ts';
import type { Membership } from '../../../platform/auth/principal.ts';
import { questionnaireBase } from '../views/answer-parts.tsx';
import { addDays, reminderDays } from './reminders.ts';
import { windowOf } from './submit.ts';

export async function answerDashboard({
  membership: m,
  db,
  now,
}: DashboardInput): Promise<DashboardAction[]> {
  const audience = answeringAudience(m);
  if (!audience) return [];
  const programme = await loadProgramme(db);
  const today = todayIn(now);
  const rows = await questionnairesFor(db, programme.id, audience, m.organisationId);
  return rows
    .filter((q) => windowOf(q, today) === 'open' && !(q.submitted_number && q.submitted_number > 0))
    .map((q) => ({
      label: `Vragenlijst invullen: ${q.title}`,
      href: questionnaireBase({ id: m.organisationId, audience }, q.id),
      description: `Open tot en met ${formatDate(q.closes_on)}. Veel antwoorden staan al klaar vanuit het platform.`,
      urgent: q.closes_on <= addDays(today, reminderDays),
    }));
}

/** The audience a membership answers questionnaires for: a school's leader, a board's member. */
export function answeringAudience(m: Membership): Audience | undefined {
  if (m.organisationKind === 'school' && m.role === 'schoolleider') return 'school';
  if (m.organisationKind === 'bestuur' && m.role === 'bestuur') return 'bestuur';
  return undefined;
}
