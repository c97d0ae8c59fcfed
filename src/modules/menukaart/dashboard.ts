// Dashboard actions of the menukaart: school leaders share examples on the kennisplein; the
// redactie sees examples waiting for a decision and the draft of the next menu version, and as key
// figures those counts and when a menu version was last published (one query).
import { sql } from 'kysely';
import type { DashboardFigure, DashboardInput, DashboardProvider } from '../../platform/dashboard.ts';
import { formatDate, formatNumber } from '../../platform/i18n/i18n.ts';
import { itemsOfSchool, itemsWithStatus } from './repository/kennisplein.ts';
import { draftVersion } from './repository/versions.ts';

export const menukaartDashboard: DashboardProvider = {
  name: 'menukaart',
  figures: redactieFigures,
  async actions({ membership, db }) {
    if (membership.role === 'schoolleider') {
      const changes = (await itemsOfSchool(db, membership.organisationId)).filter(
        (i) => i.status === 'wijzigingen_gevraagd',
      ).length;
      return [
        {
          label: changes
            ? `Kennisplein: de redactie vraagt om wijzigingen in ${changes === 1 ? 'een voorbeeld' : `${changes} voorbeelden`}`
            : 'Een voorbeeld delen op het kennisplein',
          href: `/scholen/${membership.organisationId}/kennisplein`,
          urgent: changes > 0,
        },
      ];
    }
    if (membership.role === 'redactie') {
      const pending = (await itemsWithStatus(db, ['ingediend'])).length;
      return [
        {
          label: 'Menukaart bewerken',
          href: '/redactie/menukaart',
          description: (await draftVersion(db)) ? 'Er is een concept voor de volgende versie.' : undefined,
        },
        {
          label: `Kennisplein: ${pending} ${pending === 1 ? 'voorbeeld wacht' : 'voorbeelden wachten'} op een besluit`,
          href: '/redactie/kennisplein',
          urgent: pending > 0,
        },
      ];
    }
    return [];
  },
};

async function redactieFigures({ membership, db }: DashboardInput): Promise<DashboardFigure[]> {
  if (membership.role !== 'redactie') return [];
  const r = await sql<{
    pending: number;
    draft: string | null;
    published_at: Date | string | null;
    title: string | null;
  }>`
    select (select count(*)::int from kennisplein_item where status = 'ingediend') as pending,
           (select title from menukaart_version where status = 'concept' limit 1) as draft,
           p.published_at, p.title
    from (select 1) one
    left join lateral (select published_at, title from menukaart_version
                       where status = 'gepubliceerd' and published_at is not null
                       order by published_at desc limit 1) p on true`.execute(db);
  const row = r.rows[0]!;
  return [
    {
      label: 'Voorbeelden die wachten',
      value: formatNumber(row.pending),
      description: 'Voorbeelden van scholen op het kennisplein die op een besluit van de redactie wachten.',
      href: '/redactie/kennisplein',
    },
    {
      label: 'Concept van de menukaart',
      value: row.draft ? 'Er is een concept' : 'Geen concept',
      description: row.draft
        ? 'Het concept voor de volgende versie is nog niet gepubliceerd.'
        : 'Er wordt nu geen nieuwe versie voorbereid.',
      href: '/redactie/menukaart',
    },
    {
      label: 'Laatst gepubliceerd',
      value: row.published_at ? formatDate(new Date(row.published_at)) : 'Nog niet',
      description: row.title ? `${row.title}.` : undefined,
      href: '/menukaart',
    },
  ];
}
