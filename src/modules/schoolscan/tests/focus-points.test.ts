// Focus points (aandachtspunten) over HTTP (app.inject) on both engines: adding one from a
// comparison on the analysis page, refusing bad input and foreign links, changing without
// overwriting a colleague, moving, removing after confirmation, read-only after completion,
// who may open what (staff; not the MR, board or ministry), and what the MR and the board see.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  TestClient,
  type Fixtures,
} from '../../../../test/support/app.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { generateLvs, toFlatCsv } from '../services/generator.ts';
import { upload } from './kit.ts';

eachEngine('schoolscan focus points', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  let yearId: number;
  const clients = new Map<string, TestClient>();

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
    yearId = (
      await database()
        .db.selectFrom('school_year')
        .select('id')
        .where('label', '=', '2021-2022')
        .executeTakeFirstOrThrow()
    ).id;
    const roles: [Role, number][] = [
      ['schoolleider', fx.schoolId],
      ['teamlid', fx.schoolId],
      ['mr-lid', fx.schoolId],
      ['bestuur', fx.boardId],
      ['analist', fx.ministryId],
      ['helpdesk', fx.ministryId],
    ];
    for (const [role, org] of roles)
      clients.set(role, new TestClient(app, (await signInAs(database(), role, org)).cookie));
    clients.set(
      'other-leider',
      new TestClient(app, (await signInAs(database(), 'schoolleider', fx.otherSchoolId)).cookie),
    );
    clients.set(
      'other-bestuur',
      new TestClient(app, (await signInAs(database(), 'bestuur', fx.otherBoardId)).cookie),
    );
    const csv = toFlatCsv(generateLvs({ pupils: 160, fromYear: 2017, toYear: 2021, seed: 9 }));
    const res = await upload(app, clients.get('schoolleider')!, fx.schoolId, csv);
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  });
  after(async () => {
    await app?.close();
  });

  const as = (who: string) => clients.get(who)!;
  const scanUrl = () => `/scholen/${fx.schoolId}/schoolscan/${yearId}`;
  const listUrl = () => `${scanUrl()}/aandachtspunten`;
  const ownLink = (anchor = 'vgl-rekenen-wiskunde-cito-5m') => `${scanUrl()}/analyse?jaar=2021#${anchor}`;
  const points = async () =>
    database()
      .db.selectFrom('schoolscan_focus_point as f')
      .innerJoin('schoolscan as s', 's.id', 'f.scan_id')
      .select([
        'f.id',
        'f.domain',
        'f.grades',
        'f.pupils',
        'f.goal',
        'f.evidence',
        'f.evidence_links',
        'f.version',
        'f.position',
      ])
      .where('s.school_id', '=', fx.schoolId)
      .orderBy('f.position')
      .execute();
  const lastAudit = async (action: string) =>
    database()
      .db.selectFrom('audit_event')
      .select(['result', 'details'])
      .where('action', '=', action)
      .orderBy('id', 'desc')
      .executeTakeFirst();
  const body = (over: Record<string, string | string[]> = {}) => ({
    domein: 'rekenen-wiskunde',
    groepen: ['5'],
    leerlingen: '28',
    ernst: 'zorg',
    onderbouwing: 'De leerkrachten van groep 5 herkennen het.',
    links: [ownLink()],
    doel: 'Aan het eind van het jaar rekent groep 5 weer zoals eerdere jaargangen.',
    versie: '0',
    ...over,
  });
  const add = async (over: Record<string, string | string[]> = {}) => {
    const res = await as('teamlid').post(listUrl(), body(over));
    assert.equal(res.statusCode, 303, res.body.slice(0, 800));
    return Number(/aandachtspunt-(\d+)/.exec(String(res.headers.location))![1]);
  };
  const setStatus = (status: 'concept' | 'afgerond') =>
    database()
      .db.updateTable('schoolscan')
      .set(status === 'afgerond' ? { status, completed_at: new Date() } : { status, completed_at: null })
      .where('school_id', '=', fx.schoolId)
      .where('school_year_id', '=', yearId)
      .execute();
  const clear = () =>
    database()
      .db.deleteFrom('schoolscan_focus_point')
      .where('scan_id', 'in', (eb) =>
        eb.selectFrom('schoolscan').select('id').where('school_id', '=', fx.schoolId),
      )
      .execute();

  test('the analysis links each comparison to a prefilled new focus point; adding it without JavaScript stores it', async () => {
    const analysis = await as('teamlid').get(`${scanUrl()}/analyse`);
    assert.equal(analysis.statusCode, 200);
    assert.match(analysis.body, /<span id="vgl-rekenen-wiskunde-cito-5m">Groep 5, midden/);
    const href = `${listUrl()}/nieuw?vergelijking=vgl-rekenen-wiskunde-cito-5m&amp;jaar=2021`;
    assert.ok(analysis.body.includes(`href="${href}"`), 'link per comparison');
    assert.match(analysis.body, /Maak hiervan een aandachtspunt/);

    const form = await as('teamlid').get(href.replace('&amp;', '&'));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<option[^>]*value="rekenen-wiskunde"[^>]*selected/);
    assert.match(form.body, /<input type="checkbox" id="groep-5" name="groepen" value="5" checked/);
    const pupils5 = await database()
      .db.selectFrom('lvs_result')
      .select((eb) => eb.fn.count<number>('pupil_hash').distinct().as('n'))
      .where('school_id', '=', fx.schoolId)
      .where('year_start', '=', 2021)
      .where('grade', '=', 5)
      .executeTakeFirstOrThrow();
    assert.match(form.body, new RegExp(`id="leerlingen"[^>]*value="${Number(pupils5.n)}"`));
    assert.ok(form.body.includes(`value="${ownLink()}" checked`), 'the comparison is checked');
    assert.match(form.body, /Rekenen-wiskunde \(Cito\), groep 5 eind, 2021-2022/); // offered too, unchecked

    await clear();
    const id = await add();
    const stored = await points();
    assert.equal(stored.length, 1);
    assert.deepEqual(stored[0]!.evidence_links, [
      { href: ownLink(), label: 'Rekenen-wiskunde (Cito), groep 5 midden, 2021-2022' },
    ]);
    assert.equal((await lastAudit('schoolscan.aandachtspunt-toegevoegd'))?.result, 'ok');
    const list = await as('teamlid').get(`${listUrl()}?gedaan=toegevoegd`);
    assert.match(list.body, /Het aandachtspunt is toegevoegd/);
    assert.match(list.body, new RegExp(`id="aandachtspunt-${id}"`));
    assert.match(list.body, /Rekenen-wiskunde, groep 5/);
    const scan = await as('teamlid').get(scanUrl());
    assert.ok(scan.body.includes(`href="${listUrl()}"`), 'the scan page links to the focus points');
  });

  test('bad input is refused with a summary, the values back and nothing stored', async () => {
    await clear();
    const res = await as('teamlid').post(
      listUrl(),
      body({ domein: '', groepen: ['9'], leerlingen: '0', doel: '', onderbouwing: 'Mijn eigen tekst' }),
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Het aandachtspunt is niet opgeslagen/);
    assert.match(res.body, /href="#domein"/);
    assert.match(res.body, /groep 1 tot en met 8/);
    assert.match(res.body, /Mijn eigen tekst/);
    assert.equal((await points()).length, 0);
    assert.equal((await lastAudit('schoolscan.aandachtspunt-toegevoegd'))?.result, 'mislukt');
  });

  test('a link into another school’s analysis is refused and nothing is stored', async () => {
    await clear();
    const foreign = `/scholen/${fx.otherSchoolId}/schoolscan/${yearId}/analyse?jaar=2021#vgl-rekenen-wiskunde-cito-5m`;
    const res = await as('teamlid').post(listUrl(), body({ links: [ownLink(), foreign] }));
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /wijst niet naar de analyse van deze schoolscan/);
    assert.equal((await points()).length, 0);
    const row = await lastAudit('schoolscan.aandachtspunt-toegevoegd');
    assert.equal(row?.result, 'mislukt');
    assert.equal((row?.details as Record<string, unknown>).reden, 'vreemde-link');
  });

  test('a change made by a colleague in between is not overwritten; the writer sees both and saves again', async () => {
    await clear();
    const id = await add();
    const edit = await as('teamlid').get(`${listUrl()}/${id}`);
    assert.match(edit.body, /name="versie" value="1"/);
    const first = await as('schoolleider').post(
      `${listUrl()}/${id}`,
      body({ doel: 'Doel van de leider', versie: '1' }),
    );
    assert.equal(first.statusCode, 303);
    const second = await as('teamlid').post(
      `${listUrl()}/${id}`,
      body({ doel: 'Doel van het teamlid', versie: '1' }),
    );
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /Wat intussen is opgeslagen/);
    assert.match(second.body, /Doel van de leider/);
    assert.match(second.body, /Doel van het teamlid/);
    assert.match(second.body, /name="versie" value="2"/);
    assert.equal((await points())[0]!.goal, 'Doel van de leider');
    assert.equal((await lastAudit('schoolscan.aandachtspunt-gewijzigd'))?.result, 'mislukt');
    const third = await as('teamlid').post(`${listUrl()}/${id}`, body({ doel: 'Samen', versie: '2' }));
    assert.equal(third.statusCode, 303);
    assert.equal((await points())[0]!.goal, 'Samen');
  });

  test('moving up and down changes the order; removing asks first (a page without JavaScript) and then removes', async () => {
    await clear();
    const a = await add({ domein: 'spelling' });
    const b = await add({ domein: 'welbevinden', links: [] });
    const c = await add({ domein: 'technisch-lezen', links: [] });
    assert.equal(
      (await as('teamlid').post(`${listUrl()}/${c}/verplaatsen`, { richting: 'omhoog' })).statusCode,
      303,
    );
    assert.deepEqual(
      (await points()).map((p) => p.id),
      [a, c, b],
    );
    assert.equal(
      (await as('teamlid').post(`${listUrl()}/${a}/verplaatsen`, { richting: 'omlaag' })).statusCode,
      303,
    );
    assert.deepEqual(
      (await points()).map((p) => p.id),
      [c, a, b],
    );
    assert.equal((await lastAudit('schoolscan.aandachtspunt-verplaatst'))?.result, 'ok');

    const confirm = await as('teamlid').get(`${listUrl()}/${a}/verwijderen`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Weet u zeker dat u het aandachtspunt &quot;Spelling, groep 5&quot;/);
    assert.match(confirm.body, new RegExp(`<form[^>]* method="post" action="${listUrl()}/${a}/verwijderen"`));
    const del = await as('teamlid').post(`${listUrl()}/${a}/verwijderen`);
    assert.equal(del.statusCode, 303);
    assert.deepEqual(
      (await points()).map((p) => [p.id, p.position]),
      [
        [c, 1],
        [b, 2],
      ],
    );
    assert.equal((await lastAudit('schoolscan.aandachtspunt-verwijderd'))?.result, 'ok');
  });

  test('a completed scan’s focus points are read-only: every write is refused and nothing changes', async () => {
    await clear();
    const id = await add();
    const b = await add({ domein: 'welbevinden', links: [] });
    await setStatus('afgerond');
    try {
      const before = JSON.stringify(await points());
      const writes = [
        [listUrl(), body()],
        [`${listUrl()}/${id}`, body({ doel: 'Anders', versie: '1' })],
        [`${listUrl()}/${id}/verwijderen`, {}],
        [`${listUrl()}/${b}/verplaatsen`, { richting: 'omhoog' }],
      ] as const;
      for (const [url, form] of writes) {
        const res = await as('schoolleider').post(url, form);
        assert.equal(res.statusCode, 409, url);
        assert.match(res.body, /De schoolscan is afgerond/, url);
      }
      assert.equal(JSON.stringify(await points()), before);
      const edit = await as('teamlid').get(`${listUrl()}/${id}`);
      assert.equal(edit.statusCode, 200);
      assert.match(edit.body, /dit aandachtspunt staat vast/);
      assert.doesNotMatch(edit.body, /<form[^>]* method="post" action="[^"]*aandachtspunten/);
      const list = await as('teamlid').get(listUrl());
      assert.doesNotMatch(list.body, /verplaatsen|Aandachtspunt toevoegen/);
      const fresh = await as('teamlid').get(`${listUrl()}/nieuw`);
      assert.doesNotMatch(fresh.body, /<form[^>]* method="post"[^>]*aandachtspunten/);
    } finally {
      await setStatus('concept');
    }
  });

  test('only the school’s own staff open or change focus points; MR, board, ministry and another school do not', async () => {
    await clear();
    const id = await add();
    const pages = [listUrl(), `${listUrl()}/nieuw`, `${listUrl()}/${id}`, `${listUrl()}/${id}/verwijderen`];
    for (const who of ['mr-lid', 'bestuur', 'analist', 'helpdesk', 'other-leider']) {
      for (const url of pages) assert.equal((await as(who).get(url)).statusCode, 403, `${who} ${url}`);
      assert.equal((await as(who).post(listUrl(), body())).statusCode, 403, `${who} toevoegen`);
      assert.equal(
        (await as(who).post(`${listUrl()}/${id}/verwijderen`)).statusCode,
        403,
        `${who} verwijderen`,
      );
    }
    assert.equal((await points()).length, 1);
  });

  test('a focus point of another school named under the own school is not found, and not changed', async () => {
    await clear();
    await add(); // the own scan exists, with a focus point of its own
    const other = await as('other-leider').post(
      `/scholen/${fx.otherSchoolId}/schoolscan/${yearId}/aandachtspunten`,
      {
        ...body(),
        links: [],
      },
    );
    assert.equal(other.statusCode, 303, other.body.slice(0, 500));
    const otherId = Number(/aandachtspunt-(\d+)/.exec(String(other.headers.location))![1]);
    for (const url of [`${listUrl()}/${otherId}`, `${listUrl()}/${otherId}/verwijderen`])
      assert.equal((await as('teamlid').get(url)).statusCode, 404, url);
    const writes = [
      [`${listUrl()}/${otherId}`, body({ versie: '1', doel: 'Overgenomen' })],
      [`${listUrl()}/${otherId}/verwijderen`, {}],
      [`${listUrl()}/${otherId}/verplaatsen`, { richting: 'omhoog' }],
    ] as const;
    for (const [url, form] of writes)
      assert.equal((await as('teamlid').post(url, form)).statusCode, 404, url);
    const row = await database()
      .db.selectFrom('schoolscan_focus_point')
      .select(['goal'])
      .where('id', '=', otherId)
      .executeTakeFirst();
    assert.equal(row?.goal, body().doel);
  });

  test('the MR reads the focus points on the conclusions page once the scan is completed, without analysis links', async () => {
    await clear();
    await add({ onderbouwing: 'Zichtbaar voor de MR', doel: 'Doel voor de MR' });
    await database()
      .db.insertInto('schoolscan_section')
      .values({
        scan_id: (
          await database()
            .db.selectFrom('schoolscan')
            .select('id')
            .where('school_id', '=', fx.schoolId)
            .where('school_year_id', '=', yearId)
            .executeTakeFirstOrThrow()
        ).id,
        section: 'conclusies',
        body: 'Rekenen vraagt aandacht.',
      })
      .onConflict((oc) => oc.columns(['scan_id', 'section']).doNothing())
      .execute();
    const url = `/scholen/${fx.schoolId}/schoolscan/conclusies`;
    assert.doesNotMatch((await as('mr-lid').get(url)).body, /Doel voor de MR/);
    await setStatus('afgerond');
    try {
      const page = await as('mr-lid').get(url);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Aandachtspunten/);
      assert.match(page.body, /Rekenen-wiskunde, groep 5/);
      assert.match(page.body, /Doel voor de MR/);
      assert.match(page.body, /Zorg/);
      assert.doesNotMatch(page.body, /\/analyse/);
    } finally {
      await setStatus('concept');
    }
  });

  test('the board sees its schools’ completed focus points (domain, groups, seriousness, goal) and never the evidence, links or target group', async () => {
    await clear();
    await add({
      onderbouwing: 'GEHEIME-ONDERBOUWING',
      doel: 'Doel voor het bestuur',
      leerlingen: '4321',
      groepen: ['5', '6'],
    });
    const url = `/besturen/${fx.boardId}/schoolscans`;
    const draft = await as('bestuur').get(url);
    assert.equal(draft.statusCode, 200);
    assert.doesNotMatch(draft.body, /Doel voor het bestuur/, 'a scan in concept shows no focus points');
    await setStatus('afgerond');
    try {
      const page = await as('bestuur').get(url);
      assert.match(page.body, /Doel voor het bestuur/);
      assert.match(page.body, /Rekenen-wiskunde/);
      assert.match(page.body, /groep 5 en 6/);
      assert.match(page.body, /Zorg/);
      assert.doesNotMatch(page.body, /GEHEIME-ONDERBOUWING/);
      assert.doesNotMatch(page.body, /\/analyse|vgl-/);
      assert.doesNotMatch(page.body, /4321|4\.321/);
      assert.doesNotMatch(
        (await as('other-bestuur').get(`/besturen/${fx.otherBoardId}/schoolscans`)).body,
        /Doel voor het bestuur/,
      );
      for (const who of ['analist', 'helpdesk', 'mr-lid'])
        assert.equal((await as(who).get(url)).statusCode, 403, who);
    } finally {
      await setStatus('concept');
    }
  });
});
