// The CLI commands import-duo and import-cbs on a test database: a report per file, a clear
// message with the line for a file of the wrong kind, and a recompute afterwards.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/db.ts';
import { testConfig } from '../../../test/support/app.ts';
import type { Database } from '../../platform/db/database.ts';
import type { CliContext } from '../../cli/commands.ts';
import { duoCommands } from './cli.ts';

let database: Database;
let dir: string;
const out: string[] = [];
const ctx = (): CliContext => ({
  config: testConfig(),
  database: async () => database,
  out: (l) => out.push(l),
  progress: () => {},
});
const command = (name: string) => duoCommands.find((c) => c.name === name)!;

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
