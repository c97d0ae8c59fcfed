// Finding 12 of issue 9: input that used to end in a 500 (NUL bytes PostgreSQL refuses,
// impossible dates, ids in another spelling) gets a 400 with a Dutch explanation, on every
// route. Walks the registered routes as the authorization matrix does, each as someone allowed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import Tokens from '@fastify/csrf';
import { eachEngine } from './support/db.ts';
import { createFixtures, createTestApp, orgForRole, signInAs, type Fixtures } from './support/app.ts';
import { someoneAllowed, type Subject } from './support/subjects.ts';
import { allRoles } from '../src/platform/auth/principal.ts';
import { createSession, sessionCookie } from '../src/platform/auth/session.ts';
import type { RegisteredRoute } from '../src/platform/platform.ts';
import { startJobs, type Jobs } from '../src/platform/jobs/jobs.ts';

const tokens = (Tokens as unknown as () => { secretSync(): string; create(secret: string): string })();

/** Every form or query field that takes a date somewhere on the platform. */
const dateFields = ['mrInstemming', 'geldigVanaf', 'beoordeeldOp', 'van', 'tot'];
const badDates = ['2021-13-45', '2021-02-31', '0000-01-01'];
const badIds = ['0x3', '3.0', '03', '3e0', '-3'];

eachEngine('input edge', (database) => {
  let app: FastifyInstance;
  let jobs: Jobs;
  let fx: Fixtures;
  const people = new Map<Subject, number>();
  let n = 0;

  before(async () => {
    jobs = await startJobs(database().pool, { schedule: false });
    app = await createTestApp(database(), { jobs });
    fx = await createFixtures(database());
    for (const role of allRoles)
      people.set(role, (await signInAs(database(), role, orgForRole(fx, role))).personId);
  });
  after(async () => {
    await app?.close();
    await jobs?.stop();
  });

  const routes = () => app.platform.routes.filter((r) => !r.url.includes('*'));

  async function send(
    route: RegisteredRoute,
    opts: { params?: Record<string, string>; query?: string; body?: Record<string, string> } = {},
  ) {
    const tenant = { schoolId: fx.schoolId, boardId: fx.boardId, db: database().db };
    const examples = route.config.examples;
    const params = { ...(route.url.includes(':') ? await examples!.params!(tenant) : {}), ...opts.params };
    const path = route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name])));
    const q = typeof examples?.query === 'function' ? await examples.query(tenant) : (examples?.query ?? '');
    const query = [q.replace(/^\?/, ''), opts.query].filter(Boolean).join('&');
    const personId = people.get(someoneAllowed(route.config.access!));
    const cookies: string[] = [];
    if (personId)
      cookies.push(
        `${sessionCookie}=${(await createSession(database().db, personId, { mfaVerified: true })).token}`,
      );
    let payload: string | undefined;
    if (route.method !== 'GET') {
      const secret = tokens.secretSync();
      cookies.push(`npo_csrf=${app.signCookie(secret)}`);
      payload = new URLSearchParams({
        ...(examples?.body ?? {}),
        ...opts.body,
        _csrf: tokens.create(secret),
      }).toString();
    }
    n++;
    return app.inject({
      method: route.method as 'GET',
      url: path + (query ? `?${query}` : ''),
      headers: {
        cookie: cookies.join('; '),
        ...(payload ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      payload,
      remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    });
  }

  const where = (r: RegisteredRoute, what: string, status: number) =>
    `${r.method} ${r.url} ${what}: ${status}`;

  test('a NUL byte in the query of any route gives 400 with the Dutch explanation', async () => {
    const wrong: string[] = [];
    for (const r of routes()) {
      const res = await send(r, { query: 'q=a%00b' });
      if (res.statusCode !== 400 || !/stuurteken/.test(res.body))
        wrong.push(where(r, 'query NUL', res.statusCode));
    }
    assert.deepEqual(wrong, []);
  });

  test('a NUL byte or other control character in any form field of any write gives 400', async () => {
    const wrong: string[] = [];
    for (const r of routes().filter((x) => x.method !== 'GET')) {
      const fields = Object.keys(r.config.examples?.body ?? {});
      for (const field of fields.length ? fields : ['veld']) {
        for (const bad of ['a\u0000b', 'a\u0008b']) {
          const res = await send(r, { body: { [field]: bad } });
          if (res.statusCode !== 400) wrong.push(where(r, `${field}=${JSON.stringify(bad)}`, res.statusCode));
        }
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('tab, CR and LF in a form field are not refused by the edge (people type them)', async () => {
    const r = routes().find((x) => x.method === 'POST' && x.url === '/account/naam')!;
    assert.ok(r, "the route that changes one's name");
    const res = await send(r, { body: { naam: 'Nieuwe\tNaam' } });
    assert.notEqual(res.statusCode, 500);
    assert.doesNotMatch(res.body, /stuurteken/);
  });

  test('an id in another spelling (0x3, 3.0, 03, 3e0, -3) in any path gives 400, never a 500 or another object', async () => {
    const wrong: string[] = [];
    let tried = 0;
    for (const r of routes()) {
      for (const name of [...r.url.matchAll(/:(\w+Id)\b/g)].map((m) => m[1]!)) {
        for (const bad of badIds) {
          tried++;
          const res = await send(r, { params: { [name]: bad } });
          if (res.statusCode !== 400) wrong.push(where(r, `${name}=${bad}`, res.statusCode));
        }
      }
    }
    assert.ok(tried > 20, `${tried} ids tried`);
    assert.deepEqual(wrong, []);
  });

  test('impossible dates in any date field of any route never give a 500 or a stored row', async () => {
    const wrong: string[] = [];
    for (const r of routes()) {
      for (const bad of badDates) {
        const fields = Object.fromEntries(dateFields.map((f) => [f, bad]));
        const res =
          r.method === 'GET'
            ? await send(r, { query: new URLSearchParams(fields).toString() })
            : await send(r, { body: fields });
        if (res.statusCode >= 500) wrong.push(where(r, `dates ${bad}`, res.statusCode));
      }
    }
    assert.deepEqual(wrong, []);
    const stored = await database()
      .db.selectFrom('board_reservation')
      .select('mr_consent_on')
      .where('mr_consent_on', '>', '2021-02-28')
      .where('mr_consent_on', '<', '2021-03-04')
      .execute();
    assert.deepEqual(stored, []);
  });

  test('the audit search says which date is impossible instead of failing', async () => {
    const r = routes().find((x) => x.url === '/beheer/audit')!;
    for (const bad of badDates) {
      const res = await send(r, { query: `van=${bad}&tot=${bad}` });
      assert.equal(res.statusCode, 400, bad);
      assert.match(res.body, /Vul een bestaande datum in/);
    }
  });

  test('bidi control characters are removed from a name at the form edge before it is stored', async () => {
    const r = routes().find((x) => x.method === 'POST' && x.url === '/account/naam')!;
    const res = await send(r, { body: { naam: 'Jan\u202e\u2066 de\u200f Vries\u202c' } });
    assert.ok(res.statusCode < 400, String(res.statusCode));
    const person = await database()
      .db.selectFrom('person')
      .select('name')
      .where('id', '=', people.get(someoneAllowed(r.config.access!))!)
      .executeTakeFirstOrThrow();
    assert.equal(person.name, 'Jan de Vries');
  });

  test('under /api the edge answers with a JSON problem', async () => {
    const r = routes().find((x) => x.url.startsWith('/api/') && x.method === 'GET')!;
    const res = await send(r, { query: 'x=%00' });
    assert.equal(res.statusCode, 400);
    const body = res.json() as { status: number; detail: string };
    assert.equal(body.status, 400);
    assert.match(body.detail, /stuurteken/);
  });
});
