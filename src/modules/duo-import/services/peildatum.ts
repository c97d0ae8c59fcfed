// The reference date (peildatum) of an imported file: the day its data describes. School
// snapshots are compared by it, so an older snapshot never closes or renames current schools.
import { DuoFileError } from './parse/duo-file.ts';
import { knownPublications } from './known-files.ts';

export interface ReferenceDate {
  date: string;
  /** In Dutch, for the report: where the date came from. */
  source: string;
}

/** A real calendar date as YYYY-MM-DD, or null. */
export function isoDate(v: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const d = new Date(`${v}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v ? null : v;
}

/** A full date in a file name: 2020-12-01, 20201201 or 01-12-2020. */
export function dateInName(fileName: string): string | null {
  const ymd = /(?:^|\D)((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?:\D|$)/.exec(fileName);
  if (ymd) {
    const d = isoDate(`${ymd[1]}-${ymd[2]}-${ymd[3]}`);
    if (d) return d;
  }
  const dmy = /(?:^|\D)(\d{2})[-_.](\d{2})[-_.]((?:19|20)\d{2})(?:\D|$)/.exec(fileName);
  return dmy ? isoDate(`${dmy[3]}-${dmy[2]}-${dmy[1]}`) : null;
}

export interface ReferenceInput {
  /** Whether the file is a snapshot without dates of its own (schools, boards). */
  undated: boolean;
  /** Dates the file's contents give (teldata of pupil counts, the CBS peildatum). */
  contentDates: string[];
  sha256: string;
  fileName: string;
  /** --peildatum or the upload form. */
  given?: string;
  today: string;
}

export function referenceDate(r: ReferenceInput): ReferenceDate {
  if (r.given !== undefined) {
    const given = isoDate(r.given);
    if (!given)
      throw new DuoFileError(
        `De peildatum "${r.given}" is geen geldige datum. Schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2020-12-01.`,
      );
    if (!r.undated)
      throw new DuoFileError(
        'Dit bestand noemt zijn eigen teldatum of peildatum; een opgegeven peildatum geldt alleen voor scholen- en bestuurbestanden. Laat de peildatum leeg.',
      );
    return { date: given, source: 'opgegeven bij de import' };
  }
  if (r.contentDates.length) {
    const newest = r.contentDates.reduce((a, b) => (a > b ? a : b));
    return { date: newest, source: 'de nieuwste teldatum of peildatum in het bestand' };
  }
  const known = knownPublications[r.sha256];
  if (known) return { date: known.peildatum, source: known.what };
  const named = dateInName(r.fileName);
  if (named) return { date: named, source: 'de datum in de bestandsnaam' };
  return {
    date: r.today,
    source: 'de dag van de import (het bestand noemt geen datum; geef anders de peildatum op)',
  };
}
