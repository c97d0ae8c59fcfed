import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionInWords, objectTypeInWords } from './words.ts';

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
