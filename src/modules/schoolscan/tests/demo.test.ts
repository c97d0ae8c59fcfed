// The demo step: the demo BO school gets generated results through the real import and a scan
// of 2021-2022 in progress with a focus point and its keuzehulp choices; running it again changes
// nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachEngine } from '../../../../test/support/db.ts';
import { seedDemoOrganisations } from '../../../demo/seed.ts';
import { schoolscanDemoStep } from '../demo.ts';
import { resultsOfSchool } from '../repository/lvs.ts';
import { analyse } from '../services/analysis.ts';

eachEngine('schoolscan demo', (database) => {
  test('the demo BO school has generated LVS data and a scan in progress; a second run adds nothing', async () => {
    const db = database().db;
    const orgs = await seedDemoOrganisations(db);
    const lines = await schoolscanDemoStep.run(db, orgs);
    assert.equal(lines.length, 1);
    assert.deepEqual(await schoolscanDemoStep.run(db, orgs), []);
    const imports = await db
      .selectFrom('lvs_import')
      .select(['rows', 'school_years'])
      .where('school_id', '=', orgs.schools.bo)
      .execute();
    assert.equal(imports.length, 1);
    assert.deepEqual(imports[0]!.school_years, [
      '2016-2017',
      '2017-2018',
      '2018-2019',
      '2019-2020',
      '2020-2021',
      '2021-2022',
    ]);
    const scan = await db
      .selectFrom('schoolscan as s')
      .innerJoin('school_year as y', 'y.id', 's.school_year_id')
      .innerJoin('schoolscan_section as x', 'x.scan_id', 's.id')
      .select(['y.label', 's.status', 'x.section'])
      .where('s.school_id', '=', orgs.schools.bo)
      .execute();
    assert.deepEqual(scan, [{ label: '2021-2022', status: 'concept', section: 'context' }]);
    // The focus point has one or two keuzehulp choices (the best fitting one, and support).
    const choices = await db
      .selectFrom('schoolscan_focus_choice as c')
      .innerJoin('schoolscan_focus_point as f', 'f.id', 'c.focus_point_id')
      .innerJoin('schoolscan as s', 's.id', 'f.scan_id')
      .innerJoin('menukaart_intervention as i', 'i.id', 'c.intervention_id')
      .select(['i.code', 'c.estimated_cents'])
      .where('s.school_id', '=', orgs.schools.bo)
      .execute();
    assert.ok(choices.length >= 1 && choices.length <= 2, JSON.stringify(choices));
    assert.ok(
      choices.some((c) => /^[A-E]\d+$/.test(c.code)),
      'an A-E choice',
    );
    const a = analyse(await resultsOfSchool(db, orgs.schools.bo), 2020);
    const behind = a.comparisons.filter((c) => c.verdict === 'achter').length;
    assert.ok(
      behind >= a.comparisons.length / 3,
      `${behind} of ${a.comparisons.length} groups behind in 2020-2021`,
    );
  });
});
