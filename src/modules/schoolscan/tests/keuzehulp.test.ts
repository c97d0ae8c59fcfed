// The keuzehulp's pure rules: the rule table (every domain × sector), the cost bands per pupil
// and the estimate for a target group, the ranking, the money left, and the suggestion across
// focus points (exact, deterministic, and honest about unknown costs and an unknown budget).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  keuzehulpDomains,
  keuzehulpRules,
  menuSectorOf,
  fitsDomain,
  menuSectors,
  ruleFor,
  subjectBound,
} from '../services/keuzehulp-rules.ts';
import {
  bandPerPupil,
  benefitFifths,
  budgetOf,
  countedCents,
  estimateFor,
  fitsSector,
  rankFor,
  suggest,
  type FocusPointInput,
  type FocusRanking,
  type MenuItem,
} from '../services/keuzehulp.ts';
import type { FocusSeverity } from '../tables.ts';

let nextId = 1;
function item(
  code: string,
  effectMonths: number | null,
  evidence: number | null,
  cost: number | null,
  over: Partial<MenuItem> = {},
): MenuItem {
  return {
    id: nextId++,
    code,
    name: `Interventie ${code}`,
    categoryCode: code[0]!,
    sectors: ['PO', 'VO', '(V)SO'],
    effectMonths,
    evidence,
    cost,
    withdrawn: false,
    ...over,
  };
}

const fp = (
  id: number,
  domain = 'rekenen-wiskunde',
  pupils = 25,
  severity: FocusSeverity = 'aandacht',
  position = id,
): FocusPointInput => ({ id, domain, pupils, severity, position });

test('the rule table has, for every domain and sector, at least one category from A–E with a reason, and F only as support', () => {
  for (const domain of keuzehulpDomains)
    for (const sector of menuSectors) {
      const rule = keuzehulpRules[domain][sector];
      assert.ok(rule, `${domain} ${sector}`);
      assert.ok(rule.categories.length >= 1, `${domain} ${sector}`);
      for (const c of rule.categories) {
        assert.match(c.code, /^[A-E]$/, `${domain} ${sector}`);
        assert.ok(c.reason.length > 20, `${domain} ${sector} ${c.code}`);
      }
      assert.equal(rule.support.code, 'F');
      assert.ok(rule.support.reason.length > 20);
    }
});

test('the rule table maps learning delays to A, B and E, social-emotional development to C, well-being to C and executive functions to D', () => {
  const codes = (d: string) => ruleFor(d, 'BO')!.categories.map((c) => c.code);
  for (const d of ['rekenen-wiskunde', 'begrijpend-lezen', 'technisch-lezen', 'spelling'])
    assert.deepEqual(codes(d), ['A', 'B', 'E']);
  assert.deepEqual(codes('sociaal-emotioneel'), ['C', 'D']);
  assert.deepEqual(codes('welbevinden'), ['C']);
  assert.deepEqual(codes('executieve-functies'), ['D']);
  assert.equal(ruleFor('gym', 'BO'), undefined);
});

test('every school sector of the platform maps to a menu sector; a school without a sector still gets its domain’s rule', () => {
  for (const s of ['BO', 'SBO', 'SO', 'VSO', 'VO']) assert.ok(menuSectorOf[s], s);
  assert.equal(menuSectorOf.SBO, 'PO');
  assert.equal(menuSectorOf.VSO, '(V)SO');
  assert.deepEqual(
    ruleFor('spelling', null)!.categories.map((c) => c.code),
    ['A', 'B', 'E'],
  );
  assert.match(ruleFor('executieve-functies', 'VO')!.categories[0]!.reason, /voortgezet onderwijs/);
});

test('the cost band per pupil runs from the top of the band below to its own top; the top band is open', () => {
  assert.deepEqual(bandPerPupil(1), { lowEur: 0, highEur: 92 });
  assert.deepEqual(bandPerPupil(2), { lowEur: 92, highEur: 196 });
  assert.deepEqual(bandPerPupil(3), { lowEur: 196, highEur: 805 });
  assert.deepEqual(bandPerPupil(5), { lowEur: 1380, highEur: null });
  assert.equal(bandPerPupil(9), undefined);
});

test('the estimate is pupils × the band per pupil in cents; unknown cost gives no estimate; the open band counts its bottom', () => {
  const e = estimateFor(3, 28)!;
  assert.equal(e.lowCents, 28 * 196 * 100);
  assert.equal(e.highCents, 28 * 805 * 100);
  assert.equal(e.derived, true);
  assert.equal(estimateFor(1, 10)!.derived, false);
  assert.equal(countedCents(e), 28 * 805 * 100);
  assert.equal(estimateFor(null, 28), undefined);
  assert.equal(countedCents(undefined), null);
  const top = estimateFor(5, 10)!;
  assert.equal(top.highCents, null);
  assert.equal(countedCents(top), 10 * 1380 * 100);
});

test('the ranking keeps fitting, not withdrawn interventions of the school’s sector; scored ones first by effect × evidence ÷ cost, then the unscored in menu order', () => {
  const menu = [
    item('A2', 3, 2, 3), // 3*2/3 = 2
    item('B1', 5, 3, 3), // 5
    item('B6', 6, 4, 1), // 24
    item('B8', 6, 4, 1, { withdrawn: true }),
    item('B13', 4, 4, 1, { sectors: ['VO', '(V)SO'] }),
    item('B10', 5, 5, 1), // phonics: not for rekenen
    item('B4', null, null, null),
    item('B3', 4, 3, 2), // 6
    item('E1', 2, 1, 5), // 0.4
    item('C2', 1, 3, 3),
    item('F2', 4, 4, 3),
    item('B2', 4, 2, 1), // 8
  ];
  const r = rankFor(fp(1), 'BO', menu);
  assert.deepEqual(
    r.ranked.map((x) => x.item.code),
    ['B6', 'B2', 'B3', 'B1', 'A2', 'E1', 'B4'],
  );
  assert.deepEqual(r.ranked.at(-1)!.missing, ['effect', 'bewijs', 'kosten']);
  assert.equal(r.ranked.at(-1)!.score, null);
  assert.deepEqual(
    r.support.map((x) => x.item.code),
    ['F2'],
  );
  assert.equal(r.ranked[0]!.category.code, 'B');
  // In VO the VO-only item fits.
  assert.ok(rankFor(fp(1), 'VO', menu).ranked.some((x) => x.item.code === 'B13'));
  // Unknown domain: nothing.
  assert.deepEqual(rankFor(fp(1, 'gym'), 'BO', menu).ranked, []);
});

test('interventions tied to a subject fit only focus points of that subject; career orientation fits none', () => {
  assert.equal(fitsDomain('B10', 'rekenen-wiskunde'), false);
  assert.equal(fitsDomain('B10', 'technisch-lezen'), true);
  assert.equal(fitsDomain('B8', 'begrijpend-lezen'), true);
  assert.equal(fitsDomain('B8', 'spelling'), false);
  assert.equal(fitsDomain('A5', 'rekenen-wiskunde'), true);
  assert.equal(fitsDomain('A4', 'rekenen-wiskunde'), false);
  assert.equal(fitsDomain('B6', 'rekenen-wiskunde'), true);
  for (const d of keuzehulpDomains) assert.equal(fitsDomain('B12', d), false, d);
  for (const [code, b] of Object.entries(subjectBound)) assert.ok(b.reason.length > 10, code);
  const menu = [item('B10', 5, 5, 1), item('B6', 6, 4, 1)];
  assert.deepEqual(
    rankFor(fp(1, 'technisch-lezen'), 'BO', menu).ranked.map((x) => x.item.code),
    ['B10', 'B6'],
  );
  assert.deepEqual(
    rankFor(fp(1, 'rekenen-wiskunde'), 'BO', menu).ranked.map((x) => x.item.code),
    ['B6'],
  );
});

test('equal scores rank the cheaper intervention first', () => {
  const menu = [item('B1', 4, 5, 2), item('B2', 2, 5, 1)]; // both 2
  assert.deepEqual(
    rankFor(fp(1), 'BO', menu).ranked.map((x) => x.item.code),
    ['B2', 'B1'],
  );
});

test('a school without a known sector sees interventions of every sector', () => {
  assert.equal(fitsSector(item('B12', 1, 1, 1, { sectors: ['VO'] }), null), true);
  assert.equal(fitsSector(item('B12', 1, 1, 1, { sectors: ['VO'] }), 'SBO'), false);
});

test('the money left is the allocation minus the reservations minus the chosen estimates; unknown allocation leaves it unknown', () => {
  const b = budgetOf(10_000_00, 2_000_00, [
    { cents: 1_000_00, openEnded: false },
    { cents: 500_00, openEnded: false },
  ]);
  assert.equal(b.remainingCents, 6_500_00);
  assert.equal(b.chosenCents, 1_500_00);
  assert.equal(b.uncertain, false);
  assert.equal(budgetOf(null, 0, []).remainingCents, null);
  assert.equal(budgetOf(100, 0, [{ cents: null, openEnded: false }]).uncertain, true);
  assert.equal(budgetOf(100, 0, [{ cents: 50, openEnded: true }]).uncertain, true);
});

const ranking = (f: FocusPointInput, menu: MenuItem[]) => rankFor(f, 'BO', menu);

test('without a known budget or with no money left there is no suggestion, and it says why', () => {
  const r = [ranking(fp(1), [item('B6', 6, 4, 1)])];
  assert.deepEqual(suggest(r, null, new Set()), { status: 'budget-onbekend' });
  assert.deepEqual(suggest(r, 0, new Set()), { status: 'geen-budget', remainingCents: 0 });
  assert.deepEqual(suggest(r, -5, new Set()), { status: 'geen-budget', remainingCents: -5 });
});

test('the suggestion leaves out focus points without fitting interventions, with unknown costs, already chosen, or too dear, each with its reason', () => {
  const rankings = [
    ranking(fp(1, 'gym'), [item('B6', 6, 4, 1)]),
    ranking(fp(2, 'welbevinden'), [item('B6', 6, 4, 1)]), // no C on the menu
    ranking(fp(3), [item('B4', null, null, null), item('B7', 3, 3, null), item('B5', 5, 4, 5)]),
    ranking(fp(4), [item('B6', 6, 4, 1)]),
    ranking(fp(5, 'rekenen-wiskunde', 100), [item('E1', 2, 1, 4)]), // 100 × 1380 € = too dear
  ];
  const s = suggest(rankings, 50_000_00, new Set([4]));
  assert.equal(s.status, 'voorstel');
  if (s.status !== 'voorstel') return;
  assert.deepEqual(s.picks, []);
  assert.deepEqual(
    s.leftOut.map((l) => [l.focusPointId, l.reason]),
    [
      [1, 'onbekend-domein'],
      [2, 'geen-passende'],
      [3, 'geen-bekende-scores'],
      [4, 'al-gekozen'],
      [5, 'te-duur'],
    ],
  );
  assert.deepEqual(s.excluded.map((e) => [e.item.code, e.reason]).sort(), [
    ['B4', 'effect-of-bewijs-onbekend'],
    ['B5', 'kosten-open'],
    ['B7', 'kosten-onbekend'],
  ]);
  assert.equal(s.leftOut[4]!.cheapest!.costCents, 100 * 1380 * 100);
});

test('the suggestion picks, per focus point, the option that maximises the total benefit within the budget, not each one’s best', () => {
  // fp1: B1 (5 months, 3, €€€: 25 × 805 = 20.125) or B6 (6, 4, €: 25 × 92 = 2.300)
  // fp2 (ernstig): B3 (4, 3, €€: 25 × 196 = 4.900) or E1 (2, 1, €€€€€ open: excluded)
  const b1 = item('B1', 5, 3, 3);
  const b6 = item('B6', 2, 4, 1);
  const b3 = item('B3', 4, 3, 2);
  const rankings = [ranking(fp(1), [b1, b6]), ranking(fp(2, 'spelling', 25, 'ernstig'), [b3])];
  // Budget 22.000: B1 + B3 = 25.025 is too much; B1 alone = 5*25*3 = 375; B6 + B3 = 2*25*4 + 4*25*3*3 = 200 + 900.
  const s = suggest(rankings, 22_000_00, new Set());
  assert.equal(s.status, 'voorstel');
  if (s.status !== 'voorstel') return;
  assert.deepEqual(
    s.picks.map((p) => [p.focusPointId, p.item.code]),
    [
      [1, 'B6'],
      [2, 'B3'],
    ],
  );
  assert.equal(s.totalBenefitFifths, 200 + 900);
  assert.equal(s.totalCents, 2_300_00 + 4_900_00);
  assert.equal(s.picks[0]!.betterButDearer?.item.code, 'B1');
  assert.equal(s.exact, true);
  // With more money, B1 + B3.
  const rich = suggest(rankings, 30_000_00, new Set());
  assert.equal(rich.status, 'voorstel');
  if (rich.status === 'voorstel')
    assert.deepEqual(
      rich.picks.map((p) => p.item.code),
      ['B1', 'B3'],
    );
});

test('a focus point the money cannot reach alongside the others is left out with the cheapest option named', () => {
  const rankings = [
    ranking(fp(1, 'rekenen-wiskunde', 25, 'ernstig'), [item('B6', 6, 4, 1)]), // 2.300
    ranking(fp(2), [item('B2', 4, 2, 1)]), // 2.300
  ];
  const s = suggest(rankings, 3_000_00, new Set());
  assert.equal(s.status, 'voorstel');
  if (s.status !== 'voorstel') return;
  assert.deepEqual(
    s.picks.map((p) => p.focusPointId),
    [1],
  );
  assert.deepEqual(
    s.leftOut.map((l) => [l.focusPointId, l.reason, l.cheapest?.item.code]),
    [[2, 'past-niet-samen', 'B2']],
  );
});

test('equal benefit: the cheaper set wins, and the result does not depend on the order of the input', () => {
  const a = item('B2', 2, 5, 2); // 25 × 196
  const b = item('B5', 2, 5, 1); // 25 × 92, same benefit
  const r1 = [ranking(fp(1), [a, b]), ranking(fp(2), [item('B6', 6, 4, 1)])];
  const s1 = suggest(r1, 100_000_00, new Set());
  const s2 = suggest([...r1].reverse(), 100_000_00, new Set());
  assert.deepEqual(s1, s2);
  assert.equal(s1.status, 'voorstel');
  if (s1.status === 'voorstel') assert.equal(s1.picks[0]!.item.code, 'B5');
});

/** A small deterministic random generator (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The best total benefit by trying every combination. */
function bruteForce(rankings: FocusRanking[], budget: number): number {
  const groups = rankings.map((r) =>
    r.ranked
      .filter((x) => x.estimate?.highCents != null && benefitFifths(x.item, r.focusPoint)! > 0)
      .map((x) => ({ b: benefitFifths(x.item, r.focusPoint)!, c: x.estimate!.highCents! })),
  );
  let best = 0;
  const walk = (k: number, money: number, benefit: number) => {
    if (k === groups.length) {
      best = Math.max(best, benefit);
      return;
    }
    walk(k + 1, money, benefit);
    for (const o of groups[k]!) if (o.c <= money) walk(k + 1, money - o.c, benefit + o.b);
  };
  walk(0, budget, 0);
  return best;
}

test('the suggestion is the exact optimum: it matches trying every combination on 40 random scans', () => {
  const random = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  for (let round = 0; round < 40; round++) {
    const rankings: FocusRanking[] = [];
    const n = 2 + Math.floor(random() * 5);
    for (let i = 1; i <= n; i++) {
      const menu: MenuItem[] = [];
      const m = 1 + Math.floor(random() * 5);
      for (let j = 0; j < m; j++)
        menu.push(
          item(
            `${pick(['A', 'B', 'E'])}${j + 1}`,
            1 + Math.floor(random() * 8),
            1 + Math.floor(random() * 5),
            1 + Math.floor(random() * 4),
          ),
        );
      rankings.push(
        ranking(
          fp(
            i,
            'rekenen-wiskunde',
            5 + Math.floor(random() * 60),
            pick(['aandacht', 'zorg', 'ernstig'] as const),
          ),
          menu,
        ),
      );
    }
    const budget = Math.floor(random() * 80_000_00) + 1;
    const s = suggest(rankings, budget, new Set());
    assert.equal(s.status, 'voorstel');
    if (s.status !== 'voorstel') continue;
    assert.equal(s.totalBenefitFifths, bruteForce(rankings, budget), `ronde ${round}`);
    assert.ok(s.totalCents <= budget);
    assert.equal(
      s.picks.reduce((t, p) => t + p.costCents, 0),
      s.totalCents,
    );
    assert.equal(new Set(s.picks.map((p) => p.focusPointId)).size, s.picks.length, 'one per focus point');
    assert.deepEqual(suggest(rankings, budget, new Set()), s, 'deterministic');
  }
});

test('the suggestion never proposes an F intervention', () => {
  const s = suggest([ranking(fp(1), [item('F2', 8, 5, 1), item('B2', 1, 1, 1)])], 100_000_00, new Set());
  assert.equal(s.status, 'voorstel');
  if (s.status === 'voorstel')
    assert.deepEqual(
      s.picks.map((p) => p.item.code),
      ['B2'],
    );
});

test('when the search reaches its limit the suggestion says it is not exact', () => {
  const rankings = [1, 2, 3, 4].map((i) =>
    ranking(fp(i), [item('B1', 5, 3, 3), item('B2', 4, 2, 1), item('B3', 4, 3, 2)]),
  );
  const s = suggest(rankings, 100_000_00, new Set(), 3);
  assert.equal(s.status, 'voorstel');
  if (s.status === 'voorstel') assert.equal(s.exact, false);
});
