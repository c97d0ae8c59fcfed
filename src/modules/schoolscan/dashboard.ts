// What the dashboard shows about the schoolscan: staff the scan of the current school year,
// the MR the conclusions once a scan is completed, the board its schools' scans.
import type { DashboardProvider } from '../../platform/dashboard.ts';
import { loadProgramme } from '../../platform/programme.ts';
import * as scans from './repository/scans.ts';
import { currentSchoolYear } from './services/scan.ts';

export const schoolscanDashboard: DashboardProvider = {
  name: 'schoolscan',
  async actions({ membership: m, db, now }) {
    const base = `/scholen/${m.organisationId}/schoolscan`;
    if (m.role === 'bestuur')
      return [
        {
          label: 'Schoolscans van uw scholen',
          href: `/besturen/${m.organisationId}/schoolscans`,
          description: 'Per school en schooljaar: is er een scan, en is die afgerond?',
        },
      ];
    if (m.role === 'mr-lid')
      return (await scans.hasCompleted(db, m.organisationId))
        ? [{ label: 'Conclusies van de schoolscan lezen', href: `${base}/conclusies` }]
        : [];
    if (m.role !== 'schoolleider' && m.role !== 'teamlid') return [];
    const programme = await loadProgramme(db);
    const year = currentSchoolYear(await scans.schoolYears(db, programme.id), now.toISOString().slice(0, 10));
    if (!year) return [];
    const scan = (await scans.scanStatuses(db, [m.organisationId], year.id))[0];
    if (scan?.status === 'afgerond')
      return [{ label: `Schoolscan ${year.label} (afgerond)`, href: `${base}/${year.id}` }];
    return [
      {
        label:
          m.role === 'schoolleider'
            ? `Schoolscan ${year.label} ${scan ? 'afronden' : 'beginnen'}`
            : `Meewerken aan de schoolscan ${year.label}`,
        href: `${base}/${year.id}`,
        description: scan
          ? 'De scan is in bewerking. Vul de stappen aan; de schoolleider rondt hem af.'
          : 'Begin met de context van de school en importeer de toetsgegevens.',
      },
    ];
  },
};
