import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionInWords, hasWordsFor, objectTypeInWords } from './words.ts';

test('an action code reads as its subject and what happened, with the letters codes leave out', () => {
  assert.equal(actionInWords('schoolscan.aandachtspunt-gewijzigd'), 'Schoolscan: aandachtspunt gewijzigd');
  assert.equal(actionInWords('bekostiging.reservering.vastgelegd'), 'Bekostiging: reservering vastgelegd');
  assert.equal(actionInWords('lidmaatschap.beeindigd'), 'Lidmaatschap: beëindigd');
  assert.equal(
    actionInWords('schoolscan.volginstrument-geimporteerd'),
    'Schoolscan: volginstrument geïmporteerd',
  );
  assert.equal(actionInWords('inloggen.tweede-stap'), 'Inloggen: tweede stap');
  assert.equal(actionInWords('lvs.geimporteerd'), 'Toetsgegevens (LVS) geïmporteerd');
});

test('an object type reads as a Dutch noun; an unknown one without underscores', () => {
  assert.equal(objectTypeInWords('schoolscan_focus_point'), 'aandachtspunt');
  assert.equal(objectTypeInWords('person'), 'persoon');
  assert.equal(objectTypeInWords('some_new_thing'), 'some new thing');
});

test('every object type the code audits has Dutch words (read from the sources)', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const types = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const f = path.join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts'))
        for (const m of fs.readFileSync(f, 'utf8').matchAll(/objectType: '([a-z_-]+)'/g)) types.add(m[1]!);
    }
  };
  walk(path.join(import.meta.dirname, '..', '..'));
  assert.ok(types.size > 20);
  const missing = [...types].filter((t) => !hasWordsFor(t));
  assert.deepEqual(missing, [], 'add these to objectTypes in words.ts');
});
