// The order in which the CLI reads several files: school snapshots first, oldest reference
// date first (so a newer snapshot closes what an older one listed, never the other way round),
// then boards, then pupil counts (they need the schools), each group in the order given.
import crypto from 'node:crypto';
import path from 'node:path';
import { kindGroup, kindLabel, sniffKind, type DuoFileGroup } from './parse/parse.ts';
import { referenceDate } from './peildatum.ts';

export interface PlannedFile {
  file: string;
  buf: Buffer;
  source: 'duo' | 'cbs';
  /** One line for the operator: what the file is and why it comes where it does. */
  describe: string;
}

const groupOrder: Record<DuoFileGroup | 'onbekend', number> = {
  scholen: 0,
  besturen: 1,
  leerlingen: 2,
  onbekend: 3,
};

export function orderDuoFiles(
  files: { file: string; buf: Buffer }[],
  opts: { peildatum?: string; today: string },
): PlannedFile[] {
  const planned = files.map(({ file, buf }, given) => {
    const kind = sniffKind(buf);
    const group: DuoFileGroup | 'onbekend' = kind ? kindGroup[kind] : 'onbekend';
    let date = '';
    let describe = `${path.basename(file)}: ${kind ? kindLabel[kind] : 'soort nog onbekend'}`;
    if (group === 'scholen' || group === 'besturen') {
      try {
        const ref = referenceDate({
          undated: true,
          contentDates: [],
          sha256: crypto.createHash('sha256').update(buf).digest('hex'),
          fileName: path.basename(file),
          given: opts.peildatum,
          today: opts.today,
        });
        date = ref.date;
        describe += `, peildatum ${ref.date} (${ref.source})`;
      } catch {
        // An invalid --peildatum is reported by the import of this file itself.
      }
    }
    return { file, buf, source: 'duo' as const, describe, group, date, given };
  });
  planned.sort(
    (a, b) =>
      groupOrder[a.group] - groupOrder[b.group] ||
      (a.group === 'scholen' ? a.date.localeCompare(b.date) : 0) ||
      a.given - b.given,
  );
  return planned.map(({ file, buf, source, describe }) => ({ file, buf, source, describe }));
}
