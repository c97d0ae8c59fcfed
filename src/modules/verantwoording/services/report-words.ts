// The report's figures in words, the same on the page, in the PDF, the workbook and the text
// block, so every export says exactly what the page says.
import { formatCents, formatDate } from '../../../platform/i18n/i18n.ts';
import { percentage, type ReportFigures, type SchoolFigures } from './report-figures.ts';

export const scanWords = (s: SchoolFigures) => (s.scan ? `Ja (${s.scan})` : 'Nee');

export function consentWords(s: SchoolFigures): string {
  const c = s.consent;
  switch (c.status) {
    case 'instemming':
      return `Ja, versie ${c.version} (${formatDate(c.meetingOn!)})`;
    case 'geen-instemming':
      return `Nee, geen instemming met versie ${c.version}`;
    case 'wacht':
      return `Versie ${c.version} wacht op het besluit van de MR`;
    default:
      return 'Niet aan de MR voorgelegd';
  }
}

export const categoriesWords = (s: SchoolFigures) => (s.categories.length ? s.categories.join(', ') : 'Geen');

/** "37,5%", or words when nothing was spent. */
export function pnilWords(f: ReportFigures): string {
  const p = percentage(f.totals.externalSpentCents, f.totals.spentCents);
  if (p === null) return `In ${f.year} is nog niets uitgegeven, dus er is geen aandeel te berekenen.`;
  return `${p.toLocaleString('nl-NL')}% van het uitgegeven geld (${formatCents(f.totals.externalSpentCents)} van ${formatCents(f.totals.spentCents)}) ging naar personeel niet in loondienst (PNIL).`;
}

export const decisionWords = { doorgaan: 'doorgaan', bijstellen: 'bijstellen', stoppen: 'stoppen' } as const;

export function evaluationSummary(f: ReportFigures): string {
  const t = f.totals;
  if (t.evaluations === 0) return `In ${f.year} hebben de scholen nog geen interventies geëvalueerd.`;
  const d = t.decisions;
  return `In ${f.year} legden de scholen ${t.evaluations} ${t.evaluations === 1 ? 'evaluatie' : 'evaluaties'} van interventies vast. Besluiten: ${d.doorgaan} keer doorgaan, ${d.bijstellen} keer bijstellen, ${d.stoppen} keer stoppen.`;
}

/** "1 van de 3 scholen had", "2 van de 3 scholen hadden", "0 van de 1 school had". */
const ofSchools = (n: number, total: number) =>
  `${n} van de ${total} ${total === 1 ? 'school' : 'scholen'} ${n === 1 || total === 1 ? 'had' : 'hadden'}`;

export function scanSummary(f: ReportFigures): string {
  return `${ofSchools(f.totals.withScan, f.totals.schools)} een afgeronde schoolscan voor een schooljaar dat in ${f.year} liep.`;
}

export function consentSummary(f: ReportFigures): string {
  return `${ofSchools(f.totals.withConsent, f.totals.schools)} aan het eind van ${f.year} instemming van de MR met de nieuwste versie van het schoolprogramma.`;
}

export const plannedNote =
  'Gepland: het deel van de begroting van elk schooljaar dat in het kalenderjaar valt, naar rato van de dagen. Uitgegeven: de uitgaven met een datum in het kalenderjaar.';
