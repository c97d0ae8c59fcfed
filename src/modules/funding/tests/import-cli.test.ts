// The CLI commands import-duo and import-cbs on a test database: a report per file, a clear
// message with the line for a file of the wrong kind, and a recompute afterwards.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { testConfig } from '../../../../test/support/app.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { CliContext } from '../../../platform/cli/command.ts';
import { fundingCommands } from '../cli.ts';
import { orderDuoFiles } from '../../duo-import/services/cli-files.ts';
import { openDataDir } from '../../duo-import/services/shipped.ts';

let database: Database;
let dir: string;
const out: string[] = [];
const ctx = (): CliContext => ({
  config: testConfig(),
  database: async () => database,
  out: (l) => out.push(l),
  progress: () => {},
});
const command = (name: string) => fundingCommands.find((c) => c.name === name)!;

before(async () => {
  database = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'npo-cli-'));
});
after(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('import-duo reads the files, reports per file and recomputes the amounts', async () => {
  const schools = path.join(dir, 'scholen.csv');
  fs.writeFileSync(
    schools,
    Buffer.from(
      'PROVINCIE;BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;PLAATSNAAM;GEMEENTENUMMER;GEMEENTENAAM;DENOMINATIE\r\nUtrecht;500;77AA;77AA00;De Linde;UTRECHT;344;UTRECHT;Openbaar\r\nUtrecht;x;77AB;77AB00;Fout;UTRECHT;344;UTRECHT;Openbaar\r\n',
      'latin1',
    ),
  );
  const pupils = path.join(dir, 'leerlingen.csv');
  fs.writeFileSync(
    pupils,
    '\ufeffINSTELLINGSCODE;VESTIGINGSCODE;NAAM_VESTIGING;SOORT_VESTIGING;DENOMINATIE_VESTIGING;BEVOEGD_GEZAG_NUMMER;GEMEENTECODE_VESTIGING;GEMEENTENAAM_VESTIGING;LEERLINGEN_2020\r\n77AA;77AA00;De Linde;BO;Openbaar;500;344;UTRECHT;100\r\n',
  );
  out.length = 0;
  const code = await command('import-duo').run([schools, pupils], ctx());
  assert.equal(code ?? 0, 0);
  const text = out.join('\n');
  assert.match(text, /scholen\.csv: schoolvestigingen basisonderwijs, 2 regels/);
  assert.match(text, /scholen: 1 nieuw/);
  assert.match(text, /regel 3: Het bevoegd-gezagnummer "x" is geen nummer\./);
  assert.match(text, /leerlingtellingen: 1 nieuw/);
  assert.match(text, /Bedragen herberekend voor 2021-2022: 1 scholen, totaal €\s70\.116,00/);
});

test('a file of the wrong kind stops with its name and line; a missing file is named', async () => {
  const wrong = path.join(dir, 'fout.csv');
  fs.writeFileSync(wrong, 'PEILDATUM_LEERLINGEN;PRIKDATUM_SCORES;BRIN_NUMMER;CET_GEM\n1;2;3;4\n');
  out.length = 0;
  assert.equal(await command('import-duo').run([wrong], ctx()), 1);
  assert.match(
    out.join('\n'),
    /fout\.csv, regel 1: mislukt, er is niets veranderd\. Dit is een bestand met eindtoetsscores/,
  );
  out.length = 0;
  assert.equal(await command('import-duo').run([path.join(dir, 'bestaat-niet.csv')], ctx()), 2);
  assert.match(out.join('\n'), /bestaat niet/);
  out.length = 0;
  assert.equal(await command('import-cbs').run([wrong], ctx()), 1);
  assert.match(out.join('\n'), /geen Excel-bestand/);
});

const schoolHeader =
  'PROVINCIE;BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;PLAATSNAAM;GEMEENTENUMMER;GEMEENTENAAM;DENOMINATIE';
const schoolFile = (name: string, from: number, to: number, extra: string[] = []) => {
  const lines = Array.from({ length: to - from + 1 }, (_, k) => {
    const code = `S${String(from + k).padStart(3, '0')}00`;
    return `Utrecht;600;${code.slice(0, 4)};${code};School ${from + k};UTRECHT;0344;UTRECHT;Openbaar`;
  });
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from([schoolHeader, ...lines, ...extra, ''].join('\r\n'), 'latin1'));
  return file;
};

test('the shipped files, in the order a shell glob gives them, are read schools-first and oldest snapshot first', () => {
  const files = fs
    .readdirSync(path.join(openDataDir, 'duo'))
    .sort()
    .map((f) => path.join(openDataDir, 'duo', f));
  const planned = orderDuoFiles(
    files.map((file) => ({ file, buf: fs.readFileSync(file) })),
    { today: '2026-11-30' },
  );
  assert.deepEqual(
    planned.map((p) => path.basename(p.file)),
    [
      'alle-vestigingen-bo.csv',
      'alle-vestigingen-vo.csv',
      '02.-alle-schoolvestigingen-basisonderwijs.csv',
      '06.-historisch-overzicht-aantal-leerlingen-per-schoolvestiging.csv',
      'leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv',
    ],
  );
  assert.match(planned[0]!.describe, /peildatum 2020-12-01 \(DUO-scholenbestand po van december 2020\)/);
});

test('import-duo given a new snapshot before an old one reads the old one first, says so, and the new one closes what vanished', async () => {
  const own = await createTestDatabase();
  try {
    const newer = schoolFile('scholen-2026-01-01.csv', 1, 49);
    const older = schoolFile('scholen-2020-12-01.csv', 1, 50);
    out.length = 0;
    const code = await command('import-duo').run([newer, older], { ...ctx(), database: async () => own });
    assert.equal(code, 0);
    const text = out.join('\n');
    assert.match(text, /Volgorde: eerst scholenbestanden \(oudste peildatum eerst\)/);
    assert.ok(text.indexOf('1. scholen-2020-12-01.csv') < text.indexOf('2. scholen-2026-01-01.csv'), text);
    assert.match(
      text,
      /scholen-2026-01-01\.csv: .*\n.*peildatum 2026-01-01 \(de datum in de bestandsnaam\)\n.*1 gesloten/,
    );
    const closed = await own.db
      .selectFrom('organisation')
      .select('code')
      .where('closed_on', 'is not', null)
      .execute();
    assert.deepEqual(
      closed.map((c) => c.code),
      ['S05000'],
    );
  } finally {
    await own.close();
  }
});

test('a multi-file run that stops names the committed and the unread files and recomputes for the committed ones', async () => {
  const own = await createTestDatabase();
  try {
    const first = schoolFile('eerst-2020-12-01.csv', 1, 5);
    const bad = schoolFile('fout-2021-12-01.csv', 1, 0, [
      'Utrecht;x;S900;S90000;Fout;UTRECHT;0344;UTRECHT;Openbaar',
    ]);
    const last = schoolFile('laatst-2022-12-01.csv', 1, 5);
    out.length = 0;
    const code = await command('import-duo').run([last, bad, first], { ...ctx(), database: async () => own });
    assert.equal(code, 1);
    const text = out.join('\n');
    assert.match(text, /fout-2021-12-01\.csv: mislukt, er is niets veranderd\. Geen enkele regel/);
    assert.match(text, /regel 2: Het bevoegd-gezagnummer "x" is geen nummer\./);
    assert.match(text, /Gestopt\. Wel ingelezen en vastgelegd: eerst-2020-12-01\.csv\./);
    assert.match(text, /Niet ingelezen: laatst-2022-12-01\.csv\./);
    assert.match(text, /Bedragen herberekend voor 2021-2022/);
  } finally {
    await own.close();
  }
});

test('--jaar is checked against the year a file names; --peildatum needs one file', async () => {
  const vo = path.join(dir, 'leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv');
  fs.copyFileSync(path.join(openDataDir, 'duo', path.basename(vo)), vo);
  out.length = 0;
  assert.equal(await command('import-duo').run([vo, '--jaar', '2020'], ctx()), 1);
  assert.match(
    out.join('\n'),
    /U gaf het jaar 2020 op, maar volgens de bestandsnaam is dit de telling van 2019/,
  );
  out.length = 0;
  assert.equal(await command('import-duo').run([vo, vo, '--peildatum', '2020-12-01'], ctx()), 2);
  assert.match(out.join('\n'), /--peildatum geldt voor één bestand/);
  out.length = 0;
  assert.equal(await command('import-duo').run([vo, '--sluit'], ctx()), 2);
  assert.match(out.join('\n'), /Onbekende optie --sluit/);
});
