// The synthetic LVS generator and its command: deterministic by seed, sized by the school,
// readable by the import, and a command with help and checked arguments.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dipMonths, generateLvs, toFlatCsv } from '../services/generator.ts';
import { parseLvsFile } from '../services/parse/lvs-parse.ts';
import { parseGenerateArgs, schoolscanCommands } from '../cli.ts';
import { commandHelp } from '../../../cli/run.ts';

test('the same options and seed give the same file; another seed another file', () => {
  const a = toFlatCsv(generateLvs({ pupils: 80, fromYear: 2018, toYear: 2020, seed: 3 }));
  const b = toFlatCsv(generateLvs({ pupils: 80, fromYear: 2018, toYear: 2020, seed: 3 }));
  const c = toFlatCsv(generateLvs({ pupils: 80, fromYear: 2018, toYear: 2020, seed: 4 }));
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test('groups 3 to 8, M and E (group 8 only M), four subjects, sized by the school, and the import reads it', () => {
  const rows = generateLvs({ pupils: 160, fromYear: 2019, toYear: 2019, seed: 1 });
  assert.deepEqual([...new Set(rows.map((r) => r.groep))].sort(), [3, 4, 5, 6, 7, 8]);
  assert.ok(!rows.some((r) => r.groep === 8 && r.moment === 'E'));
  assert.equal(new Set(rows.map((r) => r.vakgebied)).size, 4);
  // 20 pupils per group, 11 moments, 4 subjects, about 3 % absent.
  assert.ok(rows.length > 20 * 11 * 4 * 0.85 && rows.length < 22 * 11 * 4 * 1.05, String(rows.length));
  const parsed = parseLvsFile(Buffer.from(toFlatCsv(rows)));
  assert.ok(parsed.ok);
  assert.equal(parsed.rows.length, rows.length);
});

test('the dip starts in spring 2020, is deepest in 2020-2021 and recovers', () => {
  assert.equal(dipMonths(2018, 'E'), 0);
  assert.ok(dipMonths(2019, 'E') > 0);
  assert.ok(dipMonths(2020, 'E') > dipMonths(2019, 'E'));
  assert.ok(dipMonths(2022, 'E') < dipMonths(2021, 'M'));
});

test('generate-lvs: help, defaults and refused arguments', () => {
  const cmd = schoolscanCommands.find((c) => c.name === 'generate-lvs')!;
  assert.match(commandHelp(cmd), /--leerlingen N/);
  assert.deepEqual(parseGenerateArgs([]), {
    pupils: 220,
    fromYear: 2016,
    toYear: 2022,
    seed: 1,
    noDip: false,
    layout: 'plat',
  });
  assert.deepEqual(
    parseGenerateArgs([
      '--leerlingen=1500',
      '--van',
      '2017',
      '--tot',
      '2021',
      '--zaad',
      '9',
      '--uit',
      'x.csv',
    ]),
    {
      pupils: 1500,
      fromYear: 2017,
      toYear: 2021,
      seed: 9,
      out: 'x.csv',
      noDip: false,
      layout: 'plat',
    },
  );
  assert.match(String(parseGenerateArgs(['--leerlingen', 'veel'])), /--leerlingen verwacht een getal/);
  assert.match(String(parseGenerateArgs(['--van', '2022', '--tot', '2020'])), /--tot moet/);
  assert.match(String(parseGenerateArgs(['--kleur'])), /Onbekende optie --kleur/);
});
