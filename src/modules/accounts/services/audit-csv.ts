// The audit log as CSV: the same columns as the page, in words, plus the action code (for
// filtering in a spreadsheet). Written through the platform's formula-safe CSV writer.
import { stringifySafeCsv } from '../../../platform/csv/safe-csv.ts';
import { actionInWords } from '../../../platform/audit/words.ts';
import type { AuditRow } from '../repository/audit-search.ts';
import { actorInWords, objectInWords, resultInWords } from './audit-words.ts';

/** A download holds at most this many entries; narrow the search for older ones. */
export const auditCsvMax = 10_000;

export function auditCsv(rows: AuditRow[], names: Map<string, string>, showIp: boolean): string {
  const header = ['Wanneer', 'Wie', 'Actie', 'Actiecode', 'Object', 'Organisatie', 'Resultaat'];
  return stringifySafeCsv(
    [
      showIp ? [...header, 'Adres'] : header,
      ...rows.map((r) => {
        const line = [
          new Date(r.at).toISOString(),
          actorInWords(r),
          actionInWords(r.action),
          r.action,
          objectInWords(r, names),
          r.organisation_name ?? '',
          resultInWords[r.result],
        ];
        return showIp ? [...line, r.ip ?? ''] : line;
      }),
    ],
    { delimiter: ';', bom: true },
  );
}
