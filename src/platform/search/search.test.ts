// The school lookup's text rules (issue 11, item 7): accents, case and punctuation do not
// matter; everyday place names are tried as DUO writes them; DUO's capitals are shown in normal case.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { fromRoot } from '../../paths.ts';
import { accentFrom, accentTo, queryVariants, searchKey } from './search-text.ts';
import { placeAliases, placeLabel, placeName } from './place-names.ts';

test('searchKey drops accents, case and punctuation: Oelebröd → oelebrod, ’s-GRAVENHAGE → s gravenhage', () => {
  assert.equal(searchKey('Oelebröd'), 'oelebrod');
  assert.equal(searchKey('Basisschool Het Mozaïek'), 'basisschool het mozaiek');
  assert.equal(searchKey("'S-GRAVENHAGE"), 's gravenhage');
  assert.equal(searchKey('’s-Gravenhage'), 's gravenhage');
  assert.equal(searchKey('  7822 HG '), '7822 hg');
  assert.equal(searchKey('ST.-ANNAPAROCHIE'), 'st annaparochie');
  assert.equal(searchKey('%_\\'), '');
});

test('the accent table has one replacement per letter, and migration 0210 uses the same strings', () => {
  assert.equal([...accentFrom].length, [...accentTo].length);
  const migration = fs.readFileSync(fromRoot('migrations', '0210_school_search_text.ts'), 'utf8');
  assert.equal(/const accentFrom = '([^']*)'/.exec(migration)?.[1], accentFrom);
  assert.equal(/const accentTo = '([^']*)'/.exec(migration)?.[1], accentTo);
});

test('"Den Haag" is also searched as DUO writes it, "s gravenhage"; other words stay', () => {
  const aliases = placeAliases();
  assert.deepEqual(queryVariants('Den Haag', aliases), [
    ['den', 'haag'],
    ['s', 'gravenhage'],
  ]);
  assert.deepEqual(queryVariants('Mozaïek den haag', aliases), [
    ['mozaiek', 'den', 'haag'],
    ['mozaiek', 's', 'gravenhage'],
  ]);
  // Only whole words: "den haagse" is not the place.
  assert.deepEqual(queryVariants('den haagse', aliases), [['den', 'haagse']]);
  assert.deepEqual(queryVariants('  ', aliases), []);
});

test('every alias names a place as it occurs in the shipped DUO school files', () => {
  const places = new Set<string>();
  for (const f of ['alle-vestigingen-bo.csv', 'alle-vestigingen-vo.csv']) {
    const text = fs.readFileSync(fromRoot('resources', 'open-data', 'duo', f), 'latin1');
    const [header, ...rows] = text.split(/\r?\n/);
    const col = header!.split(';').indexOf('PLAATSNAAM');
    assert.ok(col >= 0);
    for (const r of rows) if (r) places.add(searchKey(r.split(';')[col] ?? ''));
  }
  for (const a of placeAliases()) assert.ok(places.has(searchKey(a.duo)), `${a.duo} in DUO's files`);
});

test('DUO’s capitals are shown in normal case, with the Dutch rules for small words, ’s and IJ', () => {
  const cases: [string, string][] = [
    ["'S-GRAVENHAGE", "'s-Gravenhage"],
    ["'S-HERTOGENBOSCH", "'s-Hertogenbosch"],
    ["'T ZAND NH", "'t Zand NH"],
    ['ALPHEN AAN DEN RIJN', 'Alphen aan den Rijn'],
    ['CAPELLE AAN DEN IJSSEL', 'Capelle aan den IJssel'],
    ['IJSSELSTEIN UT', 'IJsselstein UT'],
    ['BERGEN NH', 'Bergen NH'],
    ['EDE GLD', 'Ede GLD'],
    ['DE BILT', 'De Bilt'],
    ['DEN HELDER', 'Den Helder'],
    ['OUD-BEIJERLAND', 'Oud-Beijerland'],
    ['ST.-ANNAPAROCHIE', 'St.-Annaparochie'],
    ['2E EXLOERMOND', '2e Exloermond'],
    ['EMMEN', 'Emmen'],
    // Already written by someone: left alone.
    ['Den Haag', 'Den Haag'],
  ];
  for (const [raw, shown] of cases) assert.equal(placeName(raw), shown, raw);
  assert.equal(placeName(null), null);
});

test('a place with an everyday name shows both: ’s-Gravenhage (Den Haag)', () => {
  assert.equal(placeLabel("'S-GRAVENHAGE"), "'s-Gravenhage (Den Haag)");
  assert.equal(placeLabel("'S-HERTOGENBOSCH"), "'s-Hertogenbosch (Den Bosch)");
  assert.equal(placeLabel('UTRECHT'), 'Utrecht');
  assert.equal(placeLabel(null), null);
});
