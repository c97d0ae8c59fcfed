// The rounding rule and the 2021-22 amounts, to the cent, from the rates shipped as data.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  centsToDecimal,
  hundredthsToText,
  lineCents,
  parseEuroToCents,
  pupilsCents,
} from '../services/money.ts';
import { computeAllocation, type Rate } from '../services/compute.ts';

interface RatesFileRate {
  code: string;
  kind: Rate['kind'];
  schoolTypes: Rate['schoolTypes'];
  basis: Rate['basis'];
  label: string;
  amount: string | null;
  status: Rate['status'];
}
interface RatesFile {
  years: { schoolYear: string; rates: RatesFileRate[] }[];
}

const ratesFile: RatesFile = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../../resources/funding/rates.json'), 'utf8'),
);
const year = (label: string) => ratesFile.years.find((y) => y.schoolYear === label)!;
const amount = (label: string, code: string) => year(label).rates.find((r) => r.code === code)!.amount;
const rates = (label: string): Rate[] =>
  year(label).rates.map((r, i) => ({
    id: i + 1,
    code: r.code,
    kind: r.kind,
    schoolTypes: r.schoolTypes,
    basis: r.basis,
    label: r.label,
    amountCents: r.amount === null ? null : parseEuroToCents(r.amount),
    status: r.status,
  }));

test('the published 2021-22 amounts per pupil, to the cent', () => {
  const cents = (code: string) => parseEuroToCents(amount('2021-2022', code)!)!;
  assert.equal(cents('BO'), 70116); // basisonderwijs € 701,16
  assert.equal(cents('SBO'), 105174); // speciaal basisonderwijs € 1.051,74
  assert.equal(cents('VSO'), 140231); // (voortgezet) speciaal onderwijs € 1.402,31
  assert.equal(cents('VO_ALG'), 70116); // vwo/havo/mavo/vbo 1-2 € 701,16
  assert.equal(cents('VO_PRO_VBO34'), 105174); // pro en vbo 3-4 € 1.051,74
  assert.equal(cents('ACHTERSTAND_PO'), 25116);
  assert.equal(cents('ACHTERSTAND_VO'), 103863);
  assert.equal(cents('CUMI'), 54856);
  // The higher VO rate is paid as € 701,16 in November plus € 350,58 in spring: together exact.
  assert.equal(70116 + 35058, cents('VO_PRO_VBO34'));
  // SBO is exactly one and a half times BO; (V)SO is one cent below twice BO (the published figure).
  assert.equal(cents('BO') * 3, cents('SBO') * 2);
  assert.equal(cents('BO') * 2 - 1, cents('VSO'));
  // One pupil gets exactly the published amount; 200 pupils exactly 200 times it.
  assert.equal(pupilsCents(1, cents('BO')), 70116);
  assert.equal(pupilsCents(200, cents('BO')), 14_023_200);
  assert.equal(pupilsCents(37, cents('VSO')), 5_188_547);
});

test('amounts that are not known stay unknown in the data', () => {
  assert.equal(amount('2022-2023', 'SBO'), null);
  assert.equal(amount('2022-2023', 'VSO'), null);
  assert.equal(amount('2022-2023', 'VO_PRO_VBO34'), null);
  assert.equal(amount('2022-2023', 'CUMI'), null);
  assert.equal(amount('2021-2022', 'ARBEIDSMARKTTOELAGE'), null);
  assert.equal(year('2022-2023').rates.find((r) => r.code === 'VO_ALG')!.status, 'voorlopig');
  for (const y of ratesFile.years)
    for (const r of y.rates)
      assert.equal(r.amount === null, r.status === 'onbekend', `${y.schoolYear} ${r.code}`);
});

test('the one rounding rule: exact in hundredths of a cent, then half a cent away from zero', () => {
  assert.equal(lineCents(3302, 25116), 829_330); // 33,02 x € 251,16 = € 8.293,3032
  assert.equal(lineCents(50, 1), 1); // half a cent rounds up
  assert.equal(lineCents(49, 1), 0);
  assert.equal(lineCents(150, 3), 5); // 4,5 cents -> 5
  assert.equal(lineCents(-150, 3), -5);
  assert.equal(lineCents(1234, 103863), 1_281_669); // 12,34 x € 1.038,63 = € 12.816,6942
  assert.throws(() => lineCents(1.5, 100), RangeError);
});

test('amounts typed by people', () => {
  assert.equal(parseEuroToCents('701,16'), 70116);
  assert.equal(parseEuroToCents('1.051,74'), 105174);
  assert.equal(parseEuroToCents('701.16'), 70116);
  assert.equal(parseEuroToCents('€ 500'), 50000);
  assert.equal(parseEuroToCents('1.250'), 125000);
  assert.equal(parseEuroToCents('0,5'), 50);
  assert.equal(parseEuroToCents('-5'), null);
  assert.equal(parseEuroToCents('1,234'), null);
  assert.equal(parseEuroToCents('12a'), null);
  assert.equal(parseEuroToCents(''), null);
  assert.equal(centsToDecimal(70116), '701.16');
  assert.equal(centsToDecimal(5), '0.05');
  assert.equal(hundredthsToText(3302), '33,02');
});

test('a BO school: pupils on the teldatum times the rate plus the achterstandsscore supplement', () => {
  const a = computeAllocation(
    {
      sector: 'BO',
      counts: { totaal: { pupils: 103, belowFive: false, teldatum: '2020-10-01' } },
      poScore: { hundredths: 3302, peildatum: '2020-10-01' },
      voScore: null,
    },
    rates('2021-2022'),
    '2020-10-01',
  );
  assert.equal(a.status, 'volledig');
  assert.equal(a.baseCents, 103 * 70116);
  assert.equal(a.supplementCents, 829_330);
  assert.equal(a.totalCents, 7_221_948 + 829_330);
  assert.equal(
    a.lines.reduce((s, l) => s + (l.amountCents ?? 0), 0),
    a.totalCents,
    'the lines add up to the total',
  );
});

test('a score from another peildatum gives an amount that is marked as approximate', () => {
  const a = computeAllocation(
    {
      sector: 'BO',
      counts: { totaal: { pupils: 10, belowFive: false, teldatum: '2020-10-01' } },
      poScore: { hundredths: 100, peildatum: '2019-10-01' },
      voScore: null,
    },
    rates('2021-2022'),
    '2020-10-01',
  );
  assert.equal(a.status, 'onvolledig');
  assert.equal(a.lines[0]!.status, 'exact', 'the base line stays exact');
  assert.equal(a.lines[1]!.status, 'geschat');
  assert.deepEqual([a.baseStatus, a.supplementStatus], ['exact', 'geschat']);
  assert.match(a.lines[1]!.note!, /peildatum 1 oktober 2019/);
});

test('fewer than 5 pupils, an unknown rate or a missing count give no amount, never a guess', () => {
  const r = rates('2021-2022');
  const small = computeAllocation(
    {
      sector: 'BO',
      counts: { totaal: { pupils: null, belowFive: true, teldatum: '2020-10-01' } },
      poScore: null,
      voScore: null,
    },
    r,
    '2020-10-01',
  );
  assert.equal(small.status, 'onbekend');
  assert.equal(small.totalCents, null);
  assert.match(small.lines[0]!.note!, /minder dan 5 leerlingen/);
  assert.equal(small.lines[0]!.status, 'onbekend');
  const sbo2022 = computeAllocation(
    {
      sector: 'SBO',
      counts: { totaal: { pupils: 80, belowFive: false, teldatum: '2021-10-01' } },
      poScore: null,
      voScore: null,
    },
    rates('2022-2023'),
    '2021-10-01',
  );
  assert.equal(sbo2022.totalCents, null);
  assert.match(sbo2022.lines[0]!.note!, /niet gevonden/);
  const none = computeAllocation({ sector: 'VO', counts: {}, poScore: null, voScore: null }, r, '2020-10-01');
  assert.equal(none.status, 'onbekend');
  const onlyTotal = computeAllocation(
    {
      sector: 'VO',
      counts: { totaal: { pupils: 803, belowFive: false, teldatum: '2020-10-01' } },
      poScore: null,
      voScore: null,
    },
    r,
    '2020-10-01',
  );
  assert.equal(onlyTotal.totalCents, null);
  assert.match(onlyTotal.lines[0]!.note!, /niet de verdeling over de onderwijstypen/);
});

test('VO pupils split over the two rates; CUMI and VO scores are not open data, so the total is incomplete', () => {
  const vo = computeAllocation(
    {
      sector: 'VO',
      counts: {
        VO_ALG: { pupils: 500, belowFive: false, teldatum: '2020-10-01' },
        VO_PRO_VBO34: { pupils: 100, belowFive: false, teldatum: '2020-10-01' },
      },
      poScore: null,
      voScore: null,
    },
    rates('2021-2022'),
    '2020-10-01',
  );
  assert.equal(vo.baseCents, 500 * 70116 + 100 * 105174);
  assert.equal(vo.pupils, 600);
  assert.equal(vo.status, 'onvolledig');
  assert.equal(vo.lines.find((l) => l.code === 'ACHTERSTAND_VO')!.amountCents, null);
  const havo = computeAllocation(
    {
      sector: 'VO',
      counts: {
        VO_ALG: { pupils: 500, belowFive: false, teldatum: '2021-10-01' },
        VO_PRO_VBO34: { pupils: 0, belowFive: false, teldatum: '2021-10-01' },
      },
      poScore: null,
      voScore: null,
    },
    rates('2022-2023'),
    '2021-10-01',
  );
  assert.equal(havo.totalCents, 500 * 82000, 'no pupils at the unknown 2022-23 rate: the total is known');
  assert.equal(havo.status, 'onvolledig', 'the VO rate of 2022-23 is provisional');
  const so = computeAllocation(
    {
      sector: 'SO',
      counts: { totaal: { pupils: 40, belowFive: false, teldatum: '2020-10-01' } },
      poScore: null,
      voScore: null,
    },
    rates('2021-2022'),
    '2020-10-01',
  );
  assert.equal(so.totalCents, 40 * 140231);
  assert.match(so.lines.find((l) => l.code === 'CUMI')!.note!, /CUMI/);
});
