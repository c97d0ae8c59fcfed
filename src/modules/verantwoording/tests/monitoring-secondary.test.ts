// Secondary suppression against differencing (services/suppress.ts): the rule on its own, and on a
// real dashboard loaded from the database (both engines) an attacker who knows every population
// and takes the total minus the visible cells of each group finds no hidden value. The data has a
// selection without (V)SO schools: a hidden VO cell beside an empty (V)SO cell is still alone.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachEngine } from '../../../../test/support/db.ts';
import { createFixtures } from '../../../../test/support/app.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { suppressCounts, suppressGroup } from '../services/suppress.ts';
import { loadMonitoring } from '../services/monitoring-load.ts';
import { columns, shareRow, type AmountRow, type ShareRow } from '../services/monitoring.ts';
import { sectorValues, type SectorGroup } from '../services/monitoring-filters.ts';
import { seedQuestionnaire, testDefinition } from './kit.ts';
import { seedSubmissions, times } from './monitoring-kit.ts';

type BySector = Record<SectorGroup, number>;

/**
 * What total − visible cells gives away in a row of shares: the attacker knows each sector's
 * number of respondents (n), turns each shown percentage back into a count, and knows that a
 * sector without respondents counts 0. Exactly one other hidden sector is then found.
 */
function deriveShare(row: ShareRow, n: BySector): { sector: SectorGroup; schools: number } | null {
  const total = row.cells.totaal;
  if (total.hidden) return null;
  const N = sectorValues.reduce((a, s) => a + n[s], 0);
  const unknown = sectorValues.filter((s) => row.cells[s].hidden && n[s] > 0);
  if (unknown.length !== 1) return null;
  const visible = sectorValues
    .filter((s) => !row.cells[s].hidden)
    .reduce((a, s) => a + Math.round(((row.cells[s].value as number) * n[s]) / 100), 0);
  return { sector: unknown[0]!, schools: Math.round((total.value * N) / 100) - visible };
}

/** The same for amounts A–F: a category shown as 0 is known; the total minus the rest is the one. */
function deriveAmount(rows: AmountRow[], total: AmountRow): string | null {
  if (total.cents.hidden) return null;
  const unknown = rows.filter((r) => r.cents.hidden);
  return unknown.length === 1 ? unknown[0]!.key : null;
}

test('the rule: per group with a shown total, no hidden cell or at least two that are about schools', () => {
  assert.deepEqual(suppressCounts([4, 10, 7, 50]), [true, false, true, false]);
  assert.deepEqual(suppressCounts([3, 2, 30]), [true, true, false]);
  assert.deepEqual(suppressCounts([10, 20, 30]), [false, false, false]);
  // A hidden cell about nobody (no respondents) gives no cover: the next-smallest goes too.
  assert.deepEqual(suppressGroup([40, 3, 0], [false, true, true], [50, 20, 0]), {
    cells: [true, true, true],
    total: false,
  });
  // No cell left to hide with it: the total goes.
  assert.deepEqual(suppressGroup([3, 0], [true, true], [20, 0]), { cells: [true, true], total: true });
  // The second cell is the smallest count, not the first one found.
  assert.deepEqual(suppressGroup([3, 40, 9], [true, false, false], [10, 50, 20]).cells, [true, false, true]);
});

test('a share row: 3 of 20 VO schools beside a selection without (V)SO hides PO too', () => {
  const k = { po: 40, vo: 3, vso: 0 };
  const n = { po: 50, vo: 20, vso: 0 };
  const row = shareRow('x', 'x', k, n);
  assert.deepEqual(
    columns.map((c) => row.cells[c].hidden),
    [true, true, true, false],
  );
  assert.equal(deriveShare(row, n), null);
});

eachEngine('secondary suppression on a real dashboard', (database) => {
  let n: BySector;
  let data: Awaited<ReturnType<typeof loadMonitoring>>;

  before(async () => {
    const db = database().db;
    const fx = await createFixtures(database());
    const { id } = await seedQuestionnaire(db, { slug: 'secundair' });
    const po = (scan: 'ja' | 'nee') => ({
      sector: 'BO' as const,
      answers: {
        'schoolscan-gedaan': scan,
        aandachtsgebieden: ['cognitief'],
        interventies: ['B2'],
        'mr-instemming': 'ja' as const,
        besteding: { A: 100_000, B: 40_000 },
      },
    });
    // PO: 24 schools; VO: 3 schools, all with a scan and spending in C; no (V)SO at all.
    await seedSubmissions(db, fx.boardId, id, testDefinition, [
      ...times(16, po('ja')),
      ...times(8, po('nee')),
      ...times(3, {
        sector: 'VO',
        answers: {
          'schoolscan-gedaan': 'ja',
          aandachtsgebieden: ['cognitief'],
          interventies: ['B2'],
          'mr-instemming': 'ja',
          besteding: { C: 70_000 },
        },
      }),
    ]);
    n = { po: 24, vo: 3, vso: 0 };
    data = await loadMonitoring(db, (await loadProgramme(db)).id, {}, id);
  });

  test('no hidden cell of any table follows from its total and its visible cells', () => {
    const rows = [data.scan!, data.consent!, ...data.focus, ...data.interventions];
    assert.ok(rows.length >= 4);
    assert.equal(data.scan!.cells.vo.hidden, true, 'VO has 3 schools: hidden (primary)');
    for (const row of rows)
      assert.equal(deriveShare(row, n), null, `${row.key}: ${JSON.stringify(row.cells)}`);
    const spending = data.spending!;
    assert.equal(spending.rows.find((r) => r.key === 'C')!.cents.hidden, true);
    assert.equal(deriveAmount(spending.rows, spending.total), null);
  });
});
