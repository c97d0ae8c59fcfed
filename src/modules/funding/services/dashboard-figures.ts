// The funding figures of the dashboard as cards: a school leader sees the school's amount per
// school year with what its board reserved of it; a board member the total over its schools per
// school year with what it reserved, and the total reserved; an analist the national counts.
import type { DashboardFigure, DashboardInput } from '../../../platform/dashboard.ts';
import { programmeOf } from '../../../platform/dashboard.ts';
import { formatCents, formatNumber } from '../../../platform/i18n/i18n.ts';
import { boardMoney, nationalCounts, schoolMoney } from '../repository/dashboard-figures.ts';

const statusWord = { voorlopig: 'voorlopig', definitief: 'definitief', 'geen-toekenning': '' } as const;

export async function fundingFigures(input: DashboardInput): Promise<DashboardFigure[]> {
  const m = input.membership;
  if (m.role === 'schoolleider' && m.organisationKind === 'school') return schoolFigures(input);
  if (m.role === 'bestuur' && m.organisationKind === 'bestuur') return boardFigures(input);
  if (m.role === 'analist') return analistFigures(input);
  return [];
}

async function schoolFigures(input: DashboardInput): Promise<DashboardFigure[]> {
  const programme = await programmeOf(input);
  const { code, years } = await schoolMoney(input.db, input.membership.organisationId, programme.id);
  const href = code ? `/bedragen/scholen/${encodeURIComponent(code)}` : undefined;
  return years
    .filter((y) => y.status !== 'geen-toekenning' || y.reservedCents > 0)
    .map((y) => {
      // A year without a new allocation has € 0 (as the budget page counts it), not "unknown".
      const total = y.status === 'geen-toekenning' ? 0 : y.totalCents;
      return {
        label: `Bedrag ${y.label}`,
        value: total === null ? 'Nog niet bekend' : formatCents(total),
        description:
          total === null
            ? 'Het bedrag van de school is nog niet berekend of een deel ervan is onbekend.'
            : `${y.status === 'geen-toekenning' ? 'Geen nieuwe toekenning' : capital(statusWord[y.status])}. Gereserveerd door het bestuur: ${formatCents(y.reservedCents)}; over voor de school: ${formatCents(total - y.reservedCents)}.`,
        href,
      };
    });
}

async function boardFigures(input: DashboardInput): Promise<DashboardFigure[]> {
  const programme = await programmeOf(input);
  const boardId = input.membership.organisationId;
  const years = (await boardMoney(input.db, boardId, programme.id)).filter(
    (y) => y.hasRun || y.reservedCents > 0,
  );
  const base = `/besturen/${boardId}/bekostiging`;
  const cards: DashboardFigure[] = years.map((y) => ({
    label: `Totaal voor uw scholen ${y.label}`,
    value: formatCents(y.totalCents),
    description: [
      y.known < y.schools
        ? `Van ${y.schools - y.known} ${y.schools - y.known === 1 ? 'school is het bedrag' : 'scholen is het bedrag'} nog onbekend.`
        : `${formatNumber(y.schools)} ${y.schools === 1 ? 'school' : 'scholen'}, ${statusWord[y.status] || 'geen toekenning'}.`,
      `Gereserveerd: ${formatCents(y.reservedCents)}; over voor de scholen: ${formatCents(y.totalCents - y.reservedCents)}.`,
    ].join(' '),
    href: `${base}?schooljaar=${encodeURIComponent(y.label)}`,
  }));
  const reserved = years.reduce((s, y) => s + y.reservedCents, 0);
  cards.push({
    label: 'Gereserveerd voor bovenschoolse inzet',
    value: formatCents(reserved),
    description: 'Alle schooljaren samen, zonder ingetrokken reserveringen.',
    href: base,
  });
  return cards;
}

async function analistFigures(input: DashboardInput): Promise<DashboardFigure[]> {
  const { schools, proposals } = await nationalCounts(input.db);
  return [
    {
      label: 'Scholen',
      value: formatNumber(schools),
      description: 'Scholen op het platform die nu open zijn.',
      href: '/bedragen',
    },
    {
      label: 'Voorstellen voor bedragen per leerling',
      value: formatNumber(proposals),
      description:
        proposals === 0
          ? 'Er wacht geen wijziging op een tweede analist.'
          : `${proposals === 1 ? 'Wacht' : 'Wachten'} op het besluit van een tweede analist.`,
      href: '/beheer/bekostiging',
    },
  ];
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
