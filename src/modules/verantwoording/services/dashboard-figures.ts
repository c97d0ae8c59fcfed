// Verantwoording's key figures on the dashboard: the school leader and the board see where their
// questionnaire of the current round stands (open until, submitted on); the board also its annual
// report of the last year that ended; the analist the response to the current school round, with
// the same count and suppression as the national monitor.
import type { DashboardFigure, DashboardInput } from '../../../platform/dashboard.ts';
import { programmeOf } from '../../../platform/dashboard.ts';
import { formatDate, formatNumber } from '../../../platform/i18n/i18n.ts';
import { todayIn } from '../../menukaart/services/menu.ts';
import { listRounds, responseCounts } from '../repository/monitoring.ts';
import {
  boardReports,
  roundsOfOrganisation,
  type RoundOfOrganisation,
} from '../repository/dashboard-figures.ts';
import { answeringAudience } from './dashboard-answer.ts';
import { questionnaireBase } from '../views/answer-parts.tsx';
import { responseRows } from './monitoring.ts';
import { windowOf } from './submit.ts';

export async function verantwoordingFigures(input: DashboardInput): Promise<DashboardFigure[]> {
  const m = input.membership;
  if (m.role === 'analist') return [await responseFigure(input)];
  const audience = answeringAudience(m);
  if (!audience) return [];
  const programme = await programmeOf(input);
  const today = todayIn(input.now);
  const [rounds, reports] = await Promise.all([
    roundsOfOrganisation(input.db, programme.id, audience, m.organisationId),
    audience === 'bestuur' ? boardReports(input.db, m.organisationId, programme.id) : undefined,
  ]);
  const figures: DashboardFigure[] = [];
  const round = currentRound(rounds, today);
  if (round)
    figures.push({
      label: `Vragenlijst ${round.yearLabel}`,
      ...roundState(round, today),
      href: questionnaireBase({ id: m.organisationId, audience }, round.id),
    });
  if (reports) {
    const figure = reportFigure(reports, input.now, m.organisationId);
    if (figure) figures.push(figure);
  }
  return figures;
}

/** The round that is open now; else the newest that has opened; else the next to open. */
export function currentRound(rounds: RoundOfOrganisation[], today: string) {
  return (
    rounds.find((r) => windowOf(r, today) === 'open') ??
    rounds.find((r) => r.opens_on <= today) ??
    rounds.at(-1)
  );
}

export function roundState(r: RoundOfOrganisation, today: string): { value: string; description: string } {
  if (r.submittedAt)
    return { value: 'Ingediend', description: `${r.title}: ingediend op ${formatDate(r.submittedAt)}.` };
  const w = windowOf(r, today);
  if (w === 'open')
    return { value: 'Open', description: `${r.title}: open tot en met ${formatDate(r.closes_on)}.` };
  if (w === 'nog-niet-open')
    return { value: 'Nog niet open', description: `${r.title}: open vanaf ${formatDate(r.opens_on)}.` };
  return { value: 'Niet ingediend', description: `${r.title}: gesloten op ${formatDate(r.closes_on)}.` };
}

/** The annual report of the last calendar year that ended (the first year while none has). */
function reportFigure(
  { fromYear, toYear, reports }: Awaited<ReturnType<typeof boardReports>>,
  now: Date,
  boardId: number,
): DashboardFigure | undefined {
  if (fromYear === null || toYear === null) return undefined;
  const ended = (y: number) => now.getTime() >= new Date(`${y + 1}-01-01T00:00:00+01:00`).getTime();
  let year = fromYear;
  for (let y = fromYear; y <= toYear; y++) if (ended(y)) year = y;
  const report = reports.find((r) => r.year === year);
  const href = `/besturen/${boardId}/jaarverslag`;
  const label = `Jaarverslag ${year}`;
  if (report?.status === 'bevestigd')
    return {
      label,
      value: 'Bevestigd',
      description: report.confirmedAt
        ? `Bevestigd op ${formatDate(new Date(report.confirmedAt))}.`
        : undefined,
      href,
    };
  if (report) return { label, value: 'Concept', description: 'Nog niet bevestigd.', href };
  return {
    label,
    value: 'Nog niet begonnen',
    description: ended(year)
      ? 'Het jaar is voorbij; vul het verslag in en bevestig het.'
      : 'Het jaar loopt nog.',
    href,
  };
}

/** The response to the current school round, nationally (hidden as on the monitor when too small). */
async function responseFigure(input: DashboardInput): Promise<DashboardFigure> {
  const programme = await programmeOf(input);
  const today = todayIn(input.now);
  const [rounds, counts] = await Promise.all([
    listRounds(input.db, programme.id),
    responseCounts(input.db, programme.id, {}),
  ]);
  const school = rounds.filter((r) => r.audience === 'school').reverse();
  const round =
    school.find((r) => windowOf(r, today) === 'open') ??
    school.find((r) => r.opens_on <= today) ??
    school.at(-1);
  if (!round)
    return {
      label: 'Respons',
      value: 'Geen vragenlijst',
      description: 'Er is nog geen vragenlijst voor schoolleiders gepubliceerd.',
      href: '/beheer/vragenlijsten',
    };
  const row = responseRows([round], counts)[0]!;
  const href = '/monitoring';
  if (row.rate.hidden)
    return {
      label: `Respons ${round.year_label}`,
      value: 'Verborgen',
      description: `${round.title}: minder dan 5 scholen aan een kant van de telling, dus niet getoond.`,
      href,
    };
  return {
    label: `Respons ${round.year_label}`,
    value: `${row.rate.value.toLocaleString('nl-NL')}%`,
    description: `${round.title}: ${formatNumber(row.submitted.value ?? 0)} van ${formatNumber(row.eligible.value ?? 0)} scholen hebben ingediend.`,
    href,
  };
}
