// Unit tests of the pure rules: scales, filters, sorting, diff, compare, search terms,
// praktijkkaart parsing, Markdown sanitising and the editor's and moderator's validation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  applyFilters,
  compareCodes,
  diffVersions,
  filterQuery,
  parseCompare,
  parseFilters,
  sortInterventions,
  type RatedIntervention,
} from '../services/catalogue.ts';
import {
  costBand,
  costPerPupilEur,
  effectLabel,
  effectPerHundredEuro,
  formatEffect,
  scales,
} from '../services/scales.ts';
import { brokenLinks, markdownText, renderMarkdown } from '../services/markdown.ts';
import { parsePraktijkkaart, sectionHeadings } from '../services/praktijkkaart.ts';
import { parseEuroCents, validateItem, validateModeration } from '../services/kennisplein.ts';
import { searchTerms } from '../services/search.ts';
import { validateEntry } from '../services/entry-editing.ts';
import { validatePublish } from '../services/publishing.ts';
import { todayIn, type Intervention } from '../services/menu.ts';

const iv = (
  code: string,
  effect: number | null,
  evidence: number | null,
  cost: number | null,
  extra: Partial<RatedIntervention> = {},
): RatedIntervention => ({
  code,
  categoryCode: code[0]!,
  nameNl: `Interventie ${code}`,
  sectors: ['PO', 'VO', '(V)SO'],
  effectMonths: effect,
  evidence,
  cost,
  withdrawn: false,
  ...extra,
});

test('scales: effect labels, cost bands with certainty, and effect per euro', () => {
  assert.equal(effectLabel(5), 'groot effect');
  assert.equal(effectLabel(0), 'geen of verwaarloosbaar effect');
  assert.equal(formatEffect(1), '+1 maand');
  assert.equal(formatEffect(null), 'onbekend');
  assert.equal(costBand(1)?.certainty, 'bevestigd');
  assert.equal(costBand(1)?.maxPerPupilEur, 92);
  for (const n of [2, 3, 4, 5]) assert.equal(costBand(n)?.certainty, 'afgeleid');
  assert.equal(costBand(5)?.maxPerPupilEur, null, 'the top band has no upper bound');
  assert.equal(costPerPupilEur(5), 1380);
  assert.equal(effectPerHundredEuro(6, 1), Math.round((6 / 92) * 100 * 100) / 100);
  assert.equal(effectPerHundredEuro(null, 1), null);
  assert.equal(effectPerHundredEuro(5, null), null);
  assert.equal(scales.effect.bands.length, 13);
});

test('filters: known values are read, unknown ones give a Dutch message saying what is allowed', () => {
  const ok = parseFilters(
    { categorie: 'b', sector: 'VO', kosten: '2', bewijs: '3', sortering: 'effect', weergave: 'kaarten' },
    ['A', 'B'],
  );
  assert.ok(ok.ok);
  assert.deepEqual(ok.filters, {
    categorie: 'B',
    sector: 'vo',
    kosten: 2,
    bewijs: 3,
    sortering: 'effect',
    weergave: 'kaarten',
  });
  const bad = parseFilters({ categorie: 'X', kosten: '0', sortering: 'prijs', sector: ['mbo'] }, ['A', 'B']);
  assert.equal(bad.ok, false);
  if (!bad.ok) {
    assert.equal(bad.errors.length, 4);
    assert.match(bad.errors[0]!, /categorie 'X' bestaat niet\. Kies een van A, B/);
    assert.equal(bad.filters.categorie, undefined);
  }
  assert.equal(
    filterQuery({ categorie: 'B', sortering: 'effect', weergave: 'tabel' }),
    '?categorie=B&sortering=effect',
  );
});

test('applyFilters: category, sector, at most a cost, at least an evidence level; unknown never matches a score filter', () => {
  const rows = [
    iv('A1', 5, 4, 5, { sectors: ['PO'] }),
    iv('B6', 6, 4, 1),
    iv('B4', null, null, null),
    iv('E1', 2, 1, 5),
  ];
  assert.deepEqual(
    applyFilters(rows, { categorie: 'B' }).map((r) => r.code),
    ['B6', 'B4'],
  );
  assert.deepEqual(
    applyFilters(rows, { sector: 'vo' }).map((r) => r.code),
    ['B6', 'B4', 'E1'],
  );
  assert.deepEqual(
    applyFilters(rows, { kosten: 2 }).map((r) => r.code),
    ['B6'],
  );
  assert.deepEqual(
    applyFilters(rows, { bewijs: 4 }).map((r) => r.code),
    ['A1', 'B6'],
  );
});

test('sorting: by effect and by effect per euro, unknown and withdrawn last, codes in natural order', () => {
  const rows = [
    iv('B10', 5, 5, 1),
    iv('B2', 4, 2, 1),
    iv('A1', 5, 4, 5, { withdrawn: true }),
    iv('B4', null, null, null),
    iv('E1', 2, 1, 5),
    iv('B1', 5, 3, 3),
    iv('D1', 7, 4, 1),
  ];
  assert.deepEqual(
    sortInterventions(rows, 'code').map((r) => r.code),
    ['B1', 'B2', 'B4', 'B10', 'D1', 'E1', 'A1'],
  );
  assert.deepEqual(
    sortInterventions(rows, 'effect').map((r) => r.code),
    ['D1', 'B10', 'B1', 'B2', 'E1', 'B4', 'A1'],
  );
  // Per euro: cheap ones first (7/92 > 5/92 > 4/92), then B1 (5/805), E1 (2/1380), unknown last.
  assert.deepEqual(
    sortInterventions(rows, 'effect-per-euro').map((r) => r.code),
    ['D1', 'B10', 'B2', 'B1', 'E1', 'B4', 'A1'],
  );
  assert.ok(compareCodes('A2', 'A10') < 0);
});

test('diff: a text that differs only in line endings (CRLF or CR against LF) is not a change', () => {
  const f = (v: string) => ({ 'pk-aanpak': { label: 'Praktijkkaart: aanpak', value: v } });
  const d = diffVersions(
    [
      { code: 'B8', name: 'Lezen', fields: f('1. Kies een tekst.\n2. Lees samen.') },
      { code: 'B9', name: 'Taal', fields: f('Eerste regel.\nTweede regel.') },
    ],
    [
      { code: 'B8', name: 'Lezen', fields: f('1. Kies een tekst.\r\n2. Lees samen.') },
      { code: 'B9', name: 'Taal', fields: f('Eerste regel.\rTweede regel, nu anders.') },
    ],
  );
  assert.deepEqual(
    d.map((x) => [x.code, x.kind]),
    [['B9', 'gewijzigd']],
  );
});

test('diff: added, removed and changed interventions with before and after per field', () => {
  const f = (v: string) => ({ effect: { label: 'Effect', value: v }, name: { label: 'Naam', value: 'x' } });
  const d = diffVersions(
    [
      { code: 'B6', name: 'Feedback', fields: f('+8 maanden') },
      { code: 'A1', name: 'Vve', fields: f('+5 maanden') },
      { code: 'B7', name: 'Same', fields: f('+5 maanden') },
    ],
    [
      { code: 'B6', name: 'Feedback', fields: f('+6 maanden') },
      { code: 'B10', name: 'Fonemisch', fields: f('+5 maanden') },
      { code: 'B7', name: 'Same', fields: f('+5 maanden') },
    ],
  );
  assert.deepEqual(
    d.map((x) => [x.code, x.kind]),
    [
      ['A1', 'verwijderd'],
      ['B6', 'gewijzigd'],
      ['B10', 'toegevoegd'],
    ],
  );
  assert.deepEqual(d[1]!.changes, [
    { field: 'effect', label: 'Effect', before: '+8 maanden', after: '+6 maanden' },
  ]);
});

test('compare: at most three distinct codes; odd values are dropped', () => {
  assert.deepEqual(parseCompare(['b6', 'D1', 'B6']), { codes: ['B6', 'D1'], tooMany: false });
  assert.deepEqual(parseCompare('B6,D1,B5,B8'), { codes: ['B6', 'D1', 'B5'], tooMany: true });
  assert.deepEqual(parseCompare(['<script>', '1=1']), { codes: [], tooMany: false });
  assert.deepEqual(parseCompare(undefined), { codes: [], tooMany: false });
});

test('search terms: bounded, cleaned, with a prefix query and a code', () => {
  const t = searchTerms('Fiets feedback');
  assert.equal(t?.prefix, 'fiets:* & feedback:*');
  assert.equal(searchTerms('b6')?.code, 'B6');
  assert.equal(searchTerms('!!! :* & |'), null);
  assert.equal(searchTerms(''), null);
  assert.equal(searchTerms(undefined), null);
  const odd = searchTerms("lezen'); drop table x; -- :* & !");
  assert.ok(odd && !/[;:&!()]/.test(odd.text));
  assert.ok(odd && odd.prefix !== null && /^[\p{L}\p{N}:* &]+$/u.test(odd.prefix));
  const huge = searchTerms('woord '.repeat(1000));
  assert.ok(huge && huge.text.length <= 100 && huge.notice);
  assert.equal(searchTerms('a b c d e f g h i j kk ll mm nn oo pp qq rr ss')?.prefix?.split('&').length, 8);
});

test('praktijkkaart: all eight sections in order are required; problems are listed', () => {
  const good = [
    '# Feedback',
    ...sectionHeadings.flatMap((s) => [`## ${s.heading}`, `Tekst over ${s.heading}.`, '']),
  ].join('\n');
  const ok = parsePraktijkkaart(good);
  assert.ok(ok.ok);
  if (ok.ok) {
    assert.equal(ok.title, 'Feedback');
    assert.equal(ok.sections.valkuilen, 'Tekst over Valkuilen.');
  }
  const missing = parsePraktijkkaart(good.replace('## Valkuilen', '## Risico'));
  assert.equal(missing.ok, false);
  if (!missing.ok) {
    assert.ok(missing.problems.some((p) => /'## Valkuilen' ontbreekt/.test(p)));
    assert.ok(missing.problems.some((p) => /onbekende sectie '## Risico'/.test(p)));
  }
  const empty = parsePraktijkkaart(good.replace('Tekst over Wat het kost.', ''));
  assert.ok(!empty.ok && empty.problems.some((p) => /'## Wat het kost' is leeg/.test(p)));
  const noTitle = parsePraktijkkaart(good.replace('# Feedback', 'Feedback'));
  assert.ok(!noTitle.ok && /eerste regel/.test(noTitle.problems[0]!));
});

test('markdown: rendered, sanitised, raw HTML neutralised, dangerous links dropped, headings shifted', () => {
  const html = renderMarkdown(
    '# Kop\n\n**vet** [goed](https://example.nl) [slecht](javascript:alert(1))\n\n<script>alert(1)</script><img src=x onerror=alert(1)>',
  );
  assert.doesNotMatch(html, /<script/);
  assert.doesNotMatch(html, /<img/);
  assert.doesNotMatch(html, /javascript:/);
  assert.doesNotMatch(html, /<h1/);
  assert.match(html, /<h3>Kop<\/h3>/);
  assert.match(html, /<strong>vet<\/strong>/);
  assert.match(html, /<a href="https:\/\/example.nl" class="nl-link rhc-link">goed<\/a>/);
  assert.match(html, /&lt;script&gt;/);
  assert.equal(markdownText('**Vet** en _schuin_'), 'Vet en schuin');
});

test('broken links: empty, malformed, unknown schemes and unknown interventions', () => {
  const known = (p: string) => p === '/menukaart/B6';
  assert.deepEqual(
    brokenLinks('[a](https://www.nro.nl/x) [b](/menukaart/B6) [c](mailto:info@npo.nl)', known),
    [],
  );
  assert.deepEqual(
    brokenLinks('[a](/menukaart/Z9) [b](htp:/x) [c](https://nodot) [d](javascript:alert(1))', known),
    ['/menukaart/Z9', 'htp:/x', 'https://nodot', 'javascript:alert(1)'],
  );
  assert.deepEqual(brokenLinks('[leeg]()', known), ['(lege link)']);
});

function entryValues(over: Record<string, string> = {}) {
  const v: Record<string, string> = {
    categorie: 'B',
    naam: 'Feedback',
    bron: 'EEF',
    samenvatting: 'Gerichte feedback.',
    effect: '6',
    bewijs: '4',
    kosten: '1',
    beoordeeldOp: '2022-04-01',
    beoordelingBron: 'https://www.nponderwijs.nl/menukaart',
    status: 'actief',
  };
  for (const { key } of sectionHeadings) v[`pk_${key}`] = 'Tekst.';
  return { values: { ...v, ...over }, sectors: ['po'] };
}
const ctx = { categoryCodes: ['A', 'B'], interventionCodes: ['B6', 'D1'], isNew: false };

test('editor validation: a praktijkkaart section nested 3,000 quotes deep or with 4,000 emphasis markers is refused before Markdown parsing, with a Dutch message', () => {
  const deep = validateEntry(entryValues({ pk_aanpak: '>'.repeat(3000) + ' diep' }), ctx);
  assert.ok(!deep.ok && /te diep genest/.test(deep.errors.pk_aanpak!));
  const marks = validateEntry(entryValues({ pk_aanpak: '_a'.repeat(4000) }), ctx);
  assert.ok(!marks.ok && /opmaaktekens/.test(marks.errors.pk_aanpak!));
});

test('editor validation: a missing score, a broken link, scores without date or source, withdrawing without reason are refused', () => {
  assert.ok(validateEntry(entryValues(), ctx).ok);
  const missing = validateEntry(entryValues({ effect: '' }), ctx);
  assert.ok(!missing.ok && /Kies een waarde voor het effect/.test(missing.errors.effect!));
  const unknown = validateEntry(
    entryValues({
      effect: 'onbekend',
      bewijs: 'onbekend',
      kosten: 'onbekend',
      beoordeeldOp: '',
      beoordelingBron: '',
    }),
    ctx,
  );
  assert.ok(unknown.ok, "'niet gepubliceerd' is an explicit choice");
  if (unknown.ok) assert.equal(unknown.values.rated_on, null);
  const broken = validateEntry(entryValues({ pk_aanpak: 'Zie [hier](/menukaart/Q7).' }), ctx);
  assert.ok(!broken.ok && /link die niet werkt: \/menukaart\/Q7/.test(broken.errors.pk_aanpak!));
  const noSource = validateEntry(entryValues({ beoordelingBron: '', beoordeeldOp: '2022-02-30' }), ctx);
  assert.ok(!noSource.ok && noSource.errors.beoordelingBron && noSource.errors.beoordeeldOp);
  const withdraw = validateEntry(entryValues({ status: 'ingetrokken' }), ctx);
  assert.ok(!withdraw.ok && /Leg uit waarom/.test(withdraw.errors.redenIntrekken!));
  const outOfRange = validateEntry(entryValues({ bewijs: '7' }), ctx);
  assert.ok(!outOfRange.ok && outOfRange.errors.bewijs);
  const noSector = validateEntry({ ...entryValues(), sectors: [] }, ctx);
  assert.ok(!noSector.ok && noSector.errors.sectoren);
  const dup = validateEntry(entryValues({ code: 'B6' }), { ...ctx, isNew: true });
  assert.ok(!dup.ok && /bestaat al/.test(dup.errors.code!));
});

test('editor validation: a changed score loses its inferred flag; an unchanged one keeps it', () => {
  const previous = {
    inferredFields: ['cost'],
    effectMonths: 6,
    evidence: 4,
    cost: 1,
    ratedOn: '2022-04-01',
    ratingLabel: '2022-04',
    subtypes: [],
  } as Partial<Intervention> as Intervention;
  const same = validateEntry(entryValues(), { ...ctx, previous });
  assert.ok(
    same.ok && same.values.inferred_fields.includes('cost') && same.values.rating_label === '2022-04',
  );
  const changed = validateEntry(entryValues({ kosten: '2' }), { ...ctx, previous });
  assert.ok(
    changed.ok && changed.values.inferred_fields.length === 0 && changed.values.rating_label === null,
  );
});

test('publish validation and dates', () => {
  const dates = { today: '2023-08-15', latestValidFrom: '2022-04-01' };
  const ok = validatePublish({ titel: 'X', geldigVanaf: '2023-09-01', toelichting: 'Y' }, dates);
  assert.ok(ok.ok && ok.validFrom === '2023-09-01');
  const dutch = validatePublish({ titel: 'X', geldigVanaf: ' 1-9-2023 ', toelichting: 'Y' }, dates);
  assert.ok(dutch.ok && dutch.validFrom === '2023-09-01', 'a date typed in Dutch, day first');
  const todayOk = validatePublish({ titel: 'X', geldigVanaf: '15-08-2023', toelichting: 'Y' }, dates);
  assert.ok(todayOk.ok, 'today is allowed');
  const bad = validatePublish(
    { titel: '', geldigVanaf: '31-2-2023', toelichting: '', bron: 'ftp://x' },
    dates,
  );
  assert.ok(
    !bad.ok && bad.errors.titel && bad.errors.geldigVanaf && bad.errors.toelichting && bad.errors.bron,
  );
  assert.match(bad.errors.geldigVanaf!, /dag-maand-jaar, bijvoorbeeld 15-08-2023/);
  const past = validatePublish({ titel: 'X', geldigVanaf: '14-08-2023', toelichting: 'Y' }, dates);
  assert.ok(
    !past.ok && /Kies vandaag \(15 augustus 2023\) of een latere datum/.test(past.errors.geldigVanaf!),
  );
  const early = validatePublish(
    { titel: 'X', geldigVanaf: '2023-09-01', toelichting: 'Y' },
    { today: '2023-08-15', latestValidFrom: '2023-10-01' },
  );
  assert.ok(!early.ok && /Kies 1 oktober 2023 of later/.test(early.errors.geldigVanaf!));
  assert.equal(todayIn(new Date('2022-03-31T22:30:00Z')), '2022-04-01', 'the Dutch calendar day');
});

test('kennisplein validation, amounts in euros to cents, and moderation decisions', () => {
  assert.equal(parseEuroCents('1.250,50'), 125050);
  assert.equal(parseEuroCents('2500'), 250000);
  assert.equal(parseEuroCents('2.500'), 250000);
  assert.equal(parseEuroCents('€ 12,5'), 1250);
  assert.equal(parseEuroCents('12.34'), 1234);
  assert.equal(parseEuroCents(''), null);
  assert.ok(Number.isNaN(parseEuroCents('veel')));
  const base = { titel: 'T', schooltype: 'Basisschool', watGedaan: 'W', geleerd: 'G' };
  assert.ok(
    validateItem({ values: base, interventions: ['B6'] }, { interventionCodes: ['B6'], kind: 'voorbeeld' })
      .ok,
  );
  const none = validateItem(
    { values: base, interventions: [] },
    { interventionCodes: ['B6'], kind: 'voorbeeld' },
  );
  assert.ok(!none.ok && none.errors.interventies);
  const foreign = validateItem(
    { values: { ...base, kostenBedrag: 'veel' }, interventions: ['Z1'] },
    { interventionCodes: ['B6'], kind: 'voorbeeld' },
  );
  assert.ok(!foreign.ok && foreign.errors.interventies && foreign.errors.kostenBedrag);
  const research = validateItem(
    { values: { titel: 'R', watGedaan: 'S', bron: 'geen url' }, interventions: ['B6'] },
    { interventionCodes: ['B6'], kind: 'onderzoek' },
  );
  assert.ok(!research.ok && research.errors.bron);

  assert.deepEqual(validateModeration('ingediend', { actie: 'goedkeuren' }), {
    ok: true,
    status: 'gepubliceerd',
    note: null,
  });
  assert.deepEqual(
    validateModeration('ingediend', { actie: 'afwijzen', reden: 'Geen voorbeeld van de menukaart.' }),
    { ok: true, status: 'afgewezen', note: 'Geen voorbeeld van de menukaart.' },
  );
  const noReason = validateModeration('ingediend', { actie: 'afwijzen' });
  assert.ok(!noReason.ok && /reden van de afwijzing/.test(noReason.errors.reden!));
  const twice = validateModeration('gepubliceerd', { actie: 'goedkeuren' });
  assert.ok(!twice.ok && twice.errors.actie);
  const unknown = validateModeration('ingediend', { actie: 'verwijderen' });
  assert.ok(!unknown.ok);
});
