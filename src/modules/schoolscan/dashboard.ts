// What the dashboard shows about the schoolscan: staff the scan of the current school year
// (a team member also the assessments of their own groups still to fill in; the school leader
// the steps not yet done), the MR the conclusions once a scan is completed, the board its
// schools' scans.
import type { DashboardProvider } from '../../platform/dashboard.ts';
import { loadProgramme } from '../../platform/programme.ts';
import * as scans from './repository/scans.ts';
import * as groups from './repository/wellbeing.ts';
import { currentSchoolYear, sectionNames, sectionTexts } from './services/scan.ts';
import { assessedSteps, isComplete } from './services/wellbeing.ts';

/** 'Stap 3. Sociaal-emotionele …' as 'stap 3 (sociaal-emotionele …)'. */
const stepInWords = (n: (typeof sectionNames)[number]) => {
  const [num, ...rest] = sectionTexts[n].title.split('. ');
  return `${num!.toLowerCase()} (${rest.join('. ').toLowerCase()})`;
};

export const schoolscanDashboard: DashboardProvider = {
  name: 'schoolscan',
  async actions({ membership: m, principal, db, now }) {
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
    const full = scan ? await scans.findScan(db, m.organisationId, year.id) : undefined;
    const assessments = full ? await groups.assessmentsOf(db, full.id) : [];
    const stepName = (step: (typeof assessedSteps)[number]) =>
      sectionTexts[step].title.replace(/^Stap \d\. /, '').toLowerCase();
    if (m.role === 'teamlid') {
      const mine = await groups.gradesOf(db, m.organisationId, year.id, principal.personId);
      const todo = mine.flatMap((grade) =>
        assessedSteps
          .map((step) => ({
            step,
            grade,
            row: assessments.find((a) => a.step === step && a.grade === grade),
          }))
          .filter((t) => !isComplete(t.step, t.row?.scores)),
      );
      return [
        ...todo.map((t) => ({
          label: `Groep ${t.grade} beoordelen: ${stepName(t.step)}`,
          href: `${base}/${year.id}/stappen/${t.step}/groepen/${t.grade}`,
          description: t.row
            ? 'Deels ingevuld: nog niet alle onderdelen hebben een score.'
            : `Nog niet ingevuld voor schooljaar ${year.label}.`,
        })),
        {
          label: `Meewerken aan de schoolscan ${year.label}`,
          href: `${base}/${year.id}`,
          description: scan
            ? 'De scan is in bewerking. Vul de stappen aan; de schoolleider rondt hem af.'
            : 'Begin met de context van de school en importeer de toetsgegevens.',
        },
      ];
    }
    const saved = full ? await scans.sectionsOf(db, full.id) : [];
    const open = sectionNames.filter((n) => !saved.some((x) => x.section === n && x.body.trim() !== ''));
    const actions = [
      {
        label: `Schoolscan ${year.label} ${scan ? 'afronden' : 'beginnen'}`,
        href: `${base}/${year.id}`,
        description: open.length
          ? `Nog niet gedaan: ${open.map(stepInWords).join(', ')}.`
          : 'Alle stappen zijn ingevuld. Lees ze na en rond de scan af.',
      },
    ];
    if ((await groups.assignments(db, m.organisationId, year.id)).length === 0)
      actions.push({
        label: `Teamleden aan groepen koppelen (${year.label})`,
        href: `${base}/${year.id}/groepen`,
        description: 'Dan weet elk teamlid welke groepen het beoordeelt bij stap 3 en 4.',
      });
    return actions;
  },
};
