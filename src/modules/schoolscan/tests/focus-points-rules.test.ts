// The rules of a focus point (aandachtspunt), pure: required fields, groups, the target group
// size, text limits, and evidence links that must point at a comparison of this scan's analysis.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkFocusPoint,
  comparisonAnchor,
  evidenceLink,
  maxEvidenceLength,
  maxGoalLength,
  moveInOrder,
  parseComparisonAnchor,
  pupilsHint,
  type FocusPointForm,
} from '../services/focus-points.ts';
import { focusDomainLabel, focusDomains } from '../services/focus-domains.ts';

const scan = { schoolId: 7, schoolYearId: 3 };
const ownLink = '/scholen/7/schoolscan/3/analyse?jaar=2021#vgl-rekenen-wiskunde-cito-5m';

const good = (over: Partial<FocusPointForm> = {}): FocusPointForm => ({
  domein: 'rekenen-wiskunde',
  groepen: ['5'],
  leerlingen: '28',
  ernst: 'zorg',
  onderbouwing: 'Groep 5 scoort lager dan eerdere jaargangen.',
  links: [],
  doel: 'Groep 5 rekent aan het eind van het jaar weer zoals eerdere jaargangen.',
  ...over,
});

const errorsOf = (f: FocusPointForm) => {
  const r = checkFocusPoint(f, scan);
  return r.ok ? {} : r.errors;
};

test('a complete focus point passes, with groups sorted and deduplicated and texts trimmed', () => {
  const r = checkFocusPoint(
    good({ groepen: ['6', '5', '6'], onderbouwing: '  regel 1\r\nregel 2  ', leerlingen: ' 1.200 ' }),
    scan,
  );
  assert.ok(r.ok);
  assert.deepEqual(r.values.grades, [5, 6]);
  assert.equal(r.values.evidence, 'regel 1\nregel 2');
  assert.equal(r.values.pupils, 1200);
  assert.equal(r.values.severity, 'zorg');
});

test('every required field left empty gets its own Dutch message', () => {
  const e = errorsOf({
    domein: '',
    groepen: [],
    leerlingen: '',
    ernst: '',
    onderbouwing: '',
    links: [],
    doel: '',
  });
  assert.deepEqual(Object.keys(e).sort(), [
    'doel',
    'domein',
    'ernst',
    'groepen',
    'leerlingen',
    'onderbouwing',
  ]);
  assert.match(e.domein!, /Kies het domein/);
  assert.match(e.groepen!, /minstens één groep/);
  assert.match(e.doel!, /wil bereiken/);
});

test('a domain or seriousness that is not on the list is refused', () => {
  assert.ok(errorsOf(good({ domein: 'gym' })).domein);
  assert.ok(errorsOf(good({ ernst: 'heel-erg' })).ernst);
  for (const d of focusDomains) assert.equal(errorsOf(good({ domein: d.code })).domein, undefined, d.code);
});

test('the domains are the analysis subjects plus the three non-cognitive domains, with Dutch labels', () => {
  assert.deepEqual(
    focusDomains.map((d) => d.code),
    [
      'rekenen-wiskunde',
      'begrijpend-lezen',
      'technisch-lezen',
      'spelling',
      'sociaal-emotioneel',
      'welbevinden',
      'executieve-functies',
    ],
  );
  assert.equal(focusDomainLabel('welbevinden'), 'Welbevinden');
});

test('groups must be 1 to 8', () => {
  for (const g of ['0', '9', '10', 'x', '5a', ''])
    assert.match(errorsOf(good({ groepen: [g] })).groepen ?? '', /groep 1 tot en met 8/, g);
  assert.equal(errorsOf(good({ groepen: ['1', '8'] })).groepen, undefined);
});

test('the target group is a whole number from 1 to 5000', () => {
  for (const n of ['0', '5001', '-3', '28,5', 'twintig', '1234567'])
    assert.ok(errorsOf(good({ leerlingen: n })).leerlingen, n);
  for (const n of ['1', '5000', '5.000'])
    assert.equal(errorsOf(good({ leerlingen: n })).leerlingen, undefined, n);
});

test('evidence and goal have a length limit, exactly the limit is fine', () => {
  assert.equal(errorsOf(good({ onderbouwing: 'x'.repeat(maxEvidenceLength) })).onderbouwing, undefined);
  assert.match(errorsOf(good({ onderbouwing: 'x'.repeat(maxEvidenceLength + 1) })).onderbouwing!, /te lang/);
  assert.equal(errorsOf(good({ doel: 'x'.repeat(maxGoalLength) })).doel, undefined);
  assert.match(errorsOf(good({ doel: 'x'.repeat(maxGoalLength + 1) })).doel!, /te lang/);
});

test('evidence is text or a link: a link alone is enough, neither is not', () => {
  assert.ok(checkFocusPoint(good({ onderbouwing: '', links: [ownLink] }), scan).ok);
  assert.match(errorsOf(good({ onderbouwing: '   ', links: [] })).onderbouwing!, /waarop/);
});

test('a link into this scan’s analysis is kept, with a label made on the server', () => {
  const r = checkFocusPoint(good({ links: [ownLink, ownLink] }), scan);
  assert.ok(r.ok);
  assert.deepEqual(r.values.evidenceLinks, [
    { href: ownLink, label: 'Rekenen-wiskunde (Cito), groep 5 midden, 2021-2022' },
  ]);
});

test('links that do not point at a comparison of this scan’s analysis are refused', () => {
  const foreign = [
    '/scholen/8/schoolscan/3/analyse?jaar=2021#vgl-rekenen-wiskunde-cito-5m', // another school
    '/scholen/70/schoolscan/3/analyse#vgl-rekenen-wiskunde-cito-5m', // a school whose id starts alike
    '/scholen/7/schoolscan/4/analyse#vgl-rekenen-wiskunde-cito-5m', // another year's scan
    'https://example.org/scholen/7/schoolscan/3/analyse#vgl-rekenen-wiskunde-cito-5m',
    '//example.org/scholen/7/schoolscan/3/analyse#vgl-rekenen-wiskunde-cito-5m',
    'javascript:alert(1)',
    '/scholen/7/schoolscan/3/analyse/../../../../beheer#vgl-rekenen-wiskunde-cito-5m',
    '/scholen/7/schoolscan/3/analyse?jaar=2021&x=1#vgl-rekenen-wiskunde-cito-5m',
    '/scholen/7/schoolscan/3/analyse#vgl-gym-cito-5m', // no such subject
    '/scholen/7/schoolscan/3/analyse#vgl-rekenen-wiskunde-cito-9m', // no such group
    '/scholen/7/schoolscan/3/analyse#elders',
    '/scholen/7/schoolscan/3/analyse',
  ];
  for (const href of foreign) {
    assert.equal(evidenceLink(href, 7, 3), null, href);
    const r = checkFocusPoint(good({ links: [ownLink, href] }), scan);
    assert.ok(!r.ok && r.foreignLinks && /wijst niet naar de analyse/.test(r.errors.links ?? ''), href);
  }
});

test('comparison anchors are stable and read back', () => {
  const c = { subject: 'begrijpend-lezen', provider: 'iep', grade: 4, moment: 'E' as const };
  assert.equal(comparisonAnchor(c), 'vgl-begrijpend-lezen-iep-4e');
  assert.deepEqual(parseComparisonAnchor('vgl-begrijpend-lezen-iep-4e'), c);
  assert.equal(parseComparisonAnchor('vgl-begrijpend-lezen-xyz-4e'), null);
});

test('moving a focus point swaps it with its neighbour; the ends stay put', () => {
  assert.deepEqual(moveInOrder([1, 2, 3], 3, 'omhoog'), [1, 3, 2]);
  assert.deepEqual(moveInOrder([1, 2, 3], 1, 'omlaag'), [2, 1, 3]);
  assert.deepEqual(moveInOrder([1, 2, 3], 1, 'omhoog'), [1, 2, 3]);
  assert.deepEqual(moveInOrder([1, 2, 3], 3, 'omlaag'), [1, 2, 3]);
  assert.deepEqual(moveInOrder([1, 2, 3], 9, 'omhoog'), [1, 2, 3]);
});

test('the target group hint adds the pupils of the chosen groups', () => {
  const perGrade = [
    { grade: 5, pupils: 28 },
    { grade: 6, pupils: 31 },
  ];
  assert.equal(pupilsHint(perGrade, [5, 6]), 59);
  assert.equal(pupilsHint(perGrade, [2]), null);
});
