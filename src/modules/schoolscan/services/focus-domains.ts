// The domains a focus point (aandachtspunt) can be about, with their Dutch labels: the subjects
// of the LVS analysis plus the non-cognitive domains of the scan. Other parts of the schoolscan
// (the keuzehulp, well-being) import this list; data, no rules.
import { subjects } from './parse/lvs-format.ts';

export interface FocusDomain {
  code: string;
  label: string;
  /** True for the subjects of the LVS analysis: their comparisons can back a focus point. */
  analysed: boolean;
}

export const focusDomains: readonly FocusDomain[] = [
  ...subjects.map((s) => ({ code: s.code, label: s.label, analysed: true })),
  { code: 'sociaal-emotioneel', label: 'Sociaal-emotionele ontwikkeling', analysed: false },
  { code: 'welbevinden', label: 'Welbevinden', analysed: false },
  { code: 'executieve-functies', label: 'Executieve functies', analysed: false },
];

export const focusDomainCodes = focusDomains.map((d) => d.code);

export const focusDomainLabel = (code: string) => focusDomains.find((d) => d.code === code)?.label ?? code;
