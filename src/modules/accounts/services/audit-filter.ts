// The audit log's search form: which values make a filter, and a Dutch message for a date
// that does not exist (the page is shown again with the values kept).
import { isIsoDate } from '../../../platform/input/strict.ts';
import type { AuditFilter } from '../repository/audit-search.ts';

export interface AuditFilterForm {
  actie: string;
  wie: string;
  resultaat: string;
  van: string;
  tot: string;
}

export function parseAuditFilter(values: AuditFilterForm): {
  filter: AuditFilter;
  form: { values: Record<string, string>; errors: Record<string, string> };
} {
  const errors: Record<string, string> = {};
  if (values.van && !isIsoDate(values.van)) errors.van = 'Vul een bestaande datum in als jjjj-mm-dd.';
  if (values.tot && !isIsoDate(values.tot)) errors.tot = 'Vul een bestaande datum in als jjjj-mm-dd.';
  const filter: AuditFilter = {
    action: values.actie.trim() || undefined,
    who: values.wie.trim() || undefined,
    result: (['ok', 'geweigerd', 'mislukt'] as const).find((r) => r === values.resultaat),
    from: errors.van ? undefined : values.van || undefined,
    to: errors.tot ? undefined : values.tot || undefined,
  };
  return { filter, form: { values: { ...values }, errors } };
}
