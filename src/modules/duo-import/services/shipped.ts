// The open-data files shipped in resources/open-data, in the order that makes a national
// dataset: the older school files first, then the current ones (vanished vestigingen close),
// the pupil counts, and the CBS scores.
import fs from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../../../paths.ts';

export const openDataDir = fromRoot('resources/open-data');

export const shippedDuoFiles = [
  'duo/alle-vestigingen-bo.csv',
  'duo/alle-vestigingen-vo.csv',
  'duo/02.-alle-schoolvestigingen-basisonderwijs.csv',
  'duo/06.-historisch-overzicht-aantal-leerlingen-per-schoolvestiging.csv',
  'duo/leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv',
].map((f) => path.join(openDataDir, f));

export const shippedCbsFiles = ['cbs/achterstandsscores-scholen-2019.xlsx'].map((f) =>
  path.join(openDataDir, f),
);

export function readShipped(file: string): Buffer {
  return fs.readFileSync(file);
}
