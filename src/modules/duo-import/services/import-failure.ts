// The ways an import ends without changing anything, beyond a file that cannot be read at all
// (DuoFileError): every line rejected, or more schools closed than a beheerder may do unasked.
import { DuoFileError, type Problem } from './parse/duo-file.ts';

/** No line of the file could be used: the import is not reported as done. */
export class AllLinesRejected extends DuoFileError {
  constructor(readonly problems: Problem[]) {
    super(
      `Geen enkele regel van het bestand kon worden ingelezen (${problems.length} afgewezen). Bekijk de redenen per regel hieronder, verbeter het bestand en upload het opnieuw.`,
    );
  }
}

export interface SectorClosing {
  sector: string;
  closing: number;
  open: number;
}

/** A snapshot that would close more than the allowed share of a sector's open schools. */
export class CloseNeedsConfirmation extends DuoFileError {
  constructor(
    readonly sectors: SectorClosing[],
    maxShare: number,
  ) {
    const parts = sectors.map(
      (s) =>
        `${s.closing} van de ${s.open} open scholen in het ${sectorLabel[s.sector] ?? s.sector} (${Math.round((s.closing / s.open) * 100)} %)`,
    );
    super(
      `Dit bestand zou ${parts.join(' en ')} sluiten, omdat ze er niet in staan. Dat is meer dan ${Math.round(maxShare * 100)} %: misschien is het bestand afgekapt of onvolledig. Controleer het bestand. Klopt het, bevestig dan dat deze scholen gesloten worden (op de importpagina, of met --sluiten-toestaan op de opdrachtregel).`,
    );
  }
}

const sectorLabel: Record<string, string> = {
  BO: 'basisonderwijs',
  SBO: 'speciaal basisonderwijs',
  SO: 'speciaal onderwijs',
  VSO: 'voortgezet speciaal onderwijs',
  VO: 'voortgezet onderwijs',
};
