// CLI: generate-lvs writes synthetic LVS results in the flat format or in one of two example
// layouts of other exports (docs/lvs-import.md).
import fs from 'node:fs';
import type { Command } from '../../platform/cli/command.ts';
import { decodeText } from '../../platform/input/text-file.ts';
import { generateLvs, layouts, toLayoutFile, type Layout } from './services/generator.ts';

interface Args {
  pupils: number;
  fromYear: number;
  toYear: number;
  seed: number;
  out?: string;
  noDip: boolean;
  layout: Layout;
}

/** The arguments, or a Dutch message saying what is wrong with them. */
export function parseGenerateArgs(args: string[]): Args | string {
  const out: Args = { pupils: 220, fromYear: 2016, toYear: 2022, seed: 1, noDip: false, layout: 'plat' };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string?];
    const value = () => inline ?? args[++i] ?? '';
    const int = (name: string, min: number, max: number) => {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < min || n > max)
        return `${name} verwacht een getal van ${min} tot en met ${max} (niet "${v}").`;
      return n;
    };
    let r: number | string | undefined;
    if (flag === '--leerlingen') r = int('--leerlingen', 8, 5000);
    else if (flag === '--van') r = int('--van', 2000, 2090);
    else if (flag === '--tot') r = int('--tot', 2000, 2090);
    else if (flag === '--zaad') r = int('--zaad', 0, 2 ** 31);
    else if (flag === '--uit') out.out = value();
    else if (flag === '--zonder-dip') out.noDip = true;
    else if (flag === '--indeling') {
      const v = value();
      if (!(layouts as readonly string[]).includes(v))
        return `--indeling verwacht plat, a of b (niet "${v}").`;
      out.layout = v as Layout;
    } else return `Onbekende optie ${flag}.`;
    if (typeof r === 'string') return r;
    if (flag === '--leerlingen') out.pupils = r!;
    if (flag === '--van') out.fromYear = r!;
    if (flag === '--tot') out.toYear = r!;
    if (flag === '--zaad') out.seed = r!;
  }
  if (out.toYear < out.fromYear) return '--tot moet hetzelfde of later zijn dan --van.';
  if (out.out === '') return '--uit verwacht een bestandsnaam.';
  return out;
}

export const schoolscanCommands: Command[] = [
  {
    name: 'generate-lvs',
    usage:
      'generate-lvs [--leerlingen N] [--van JAAR] [--tot JAAR] [--zaad N] [--indeling plat|a|b] [--uit BESTAND]',
    description:
      'Maakt verzonnen toetsuitslagen (LVS) van één school in het platte importformaat of een voorbeeldindeling, voor demo’s en tests.',
    help: [
      'Opties:',
      '  --leerlingen N   leerlingen in de hele school (groep 1 tot en met 8); standaard 220',
      '  --van JAAR       eerste schooljaar, als beginjaar (2016 = 2016-2017); standaard 2016',
      '  --tot JAAR       laatste schooljaar, als beginjaar; standaard 2022',
      '  --zaad N         startgetal van het toeval: dezelfde opties en hetzelfde zaad geven hetzelfde bestand; standaard 1',
      '  --uit BESTAND    schrijf naar dit bestand in plaats van naar het scherm',
      '  --zonder-dip     zonder de terugval van de coronatijd (om te vergelijken)',
      '  --indeling X     plat (standaard), a of b: de kolommen van het bestand, zie hieronder',
      '',
      'Groepen 3 tot en met 8 worden getoetst op midden en eind van het schooljaar (groep 8 alleen midden),',
      'in rekenen-wiskunde, begrijpend lezen, technisch lezen en spelling. De groei per moment neemt af',
      'naarmate leerlingen ouder worden; vanaf het voorjaar van 2020 lopen leerlingen een paar maanden in,',
      'het diepst in 2020-2021, en daarna halen ze het langzaam in. Leerlingsleutels zijn verzonnen (LL…).',
      'Het bestand gebruikt puntkomma’s, decimale komma’s en datums als 25-01-2021 (UTF-8).',
      '',
      'Indelingen a en b zijn verzonnen voorbeelden van exports met andere kolommen, om het koppelen van',
      'kolommen te oefenen; ze zijn niet het echte formaat van een toetsaanbieder. Beide hebben een kolom met',
      '(verzonnen) namen die bij het inlezen wordt weggelaten, en regels die de koppeling moet overslaan',
      '(een beginmeting en woordenschat).',
      '  a: puntkomma’s, UTF-8; kolommen Naam leerling, LVS-nr, Gr., Toets (RW-3, BL-3, TL-3, SP-3, WS-3),',
      '     Afname (B, M, E), Jaar (2020/2021), Datum, Goed, VS (decimale komma), Niv. (I-V), DLE.',
      '  b: komma’s, Windows-1252; kolommen Leerlingcode, Voornaam, Achternaam, Periode (begin, midden, eind),',
      '     Schooljaar (2020-21), Klas (groep 5), Vak (Rekenen, Lezen – begrijpen, Lezen – technisch, Spelling,',
      '     Woordenschat), Toetsdatum, Score ("45,5"), Ruw, Niveau (A-E), Ref. niveau (onder 1F, 1F, 2F, 1S).',
      '     Met --uit krijgt het bestand Windows-1252; op het scherm staat het als gewone tekst.',
    ],
    async run(args, ctx) {
      const a = parseGenerateArgs(args);
      if (typeof a === 'string') {
        ctx.out(a);
        return 2;
      }
      const rows = generateLvs({
        pupils: a.pupils,
        fromYear: a.fromYear,
        toYear: a.toYear,
        seed: a.seed,
        noDip: a.noDip,
      });
      const data = toLayoutFile(rows, a.layout);
      if (a.out) {
        fs.writeFileSync(a.out, data);
        ctx.out(
          `${rows.length} uitslagen geschreven naar ${a.out}${a.layout === 'plat' ? '' : ` (indeling ${a.layout}, met extra regels om over te slaan)`}.`,
        );
      } else ctx.out(decodeText(data).text.replace(/\r\n$/, ''));
    },
  },
];
