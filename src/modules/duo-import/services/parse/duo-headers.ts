// Recognising a DUO file by the columns of its header line, and the columns each kind needs.
import type { DuoFileKind } from './duo-file.ts';

export function detectKind(headers: string[]): DuoFileKind | 'eindscores' | null {
  const h = new Set(headers);
  if (h.has('ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR')) return 'leerlingen-vo-onderwijstype';
  if (headers.some((x) => /^LEERLINGEN \d{4}$/.test(x))) return 'leerlingen-po-historie';
  if (h.has('AANTAL LEERLINGEN')) return 'leerlingen-vo-vestiging';
  if (h.has('CET GEM') || h.has('PRIKDATUM SCORES')) return 'eindscores';
  if (h.has('BEVOEGD GEZAG NAAM')) return 'besturen';
  const hasSchoolCode = h.has('VESTIGINGSCODE') || h.has('VESTIGINGSNUMMER');
  if (hasSchoolCode && (h.has('VESTIGINGSNAAM') || h.has('STRAATNAAM') || h.has('PLAATSNAAM'))) {
    if (h.has('SOORT PRIMAIR ONDERWIJS')) return 'vestigingen-sbo-so-vso';
    if (h.has('ONDERWIJSSTRUCTUUR')) return 'vestigingen-vo';
    return 'vestigingen-po';
  }
  return null;
}

const schoolColumns = [
  'BEVOEGD GEZAG NUMMER',
  'VESTIGINGSNAAM',
  'PLAATSNAAM',
  'GEMEENTENUMMER',
  'GEMEENTENAAM',
  'DENOMINATIE',
];

export function required(kind: DuoFileKind): (string | string[])[] {
  switch (kind) {
    case 'vestigingen-po':
    case 'vestigingen-vo':
      return [...schoolColumns, ['INSTELLINGSCODE', 'BRIN NUMMER'], ['VESTIGINGSCODE', 'VESTIGINGSNUMMER']];
    case 'vestigingen-sbo-so-vso':
      return [
        ...schoolColumns,
        ['INSTELLINGSCODE', 'BRIN NUMMER'],
        ['VESTIGINGSCODE', 'VESTIGINGSNUMMER'],
        'SOORT PRIMAIR ONDERWIJS',
      ];
    case 'leerlingen-po-historie':
      return [
        ['INSTELLINGSCODE', 'BRIN NUMMER'],
        ['VESTIGINGSCODE', 'VESTIGINGSNUMMER'],
        'NAAM VESTIGING',
        'SOORT VESTIGING',
        'BEVOEGD GEZAG NUMMER',
        'GEMEENTECODE VESTIGING',
        'GEMEENTENAAM VESTIGING',
      ];
    case 'leerlingen-vo-onderwijstype':
      return [
        ['INSTELLINGSCODE', 'BRIN NUMMER'],
        ['VESTIGINGSCODE', 'VESTIGINGSNUMMER'],
        'ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR',
      ];
    case 'leerlingen-vo-vestiging':
      return [
        ['INSTELLINGSCODE', 'BRIN NUMMER'],
        ['VESTIGINGSCODE', 'VESTIGINGSNUMMER'],
        'AANTAL LEERLINGEN',
      ];
    case 'besturen':
      return ['BEVOEGD GEZAG NUMMER', 'BEVOEGD GEZAG NAAM'];
  }
}
