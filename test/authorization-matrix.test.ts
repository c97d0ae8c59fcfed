// Every registered route × every role (and a visitor) × own and other tenant, over HTTP. Fails
// on any allow or deny that the route's declared access does not predict. New routes join by
// registering; a route with parameters must say how to fill them (config.examples).
import { refusedAnonymousWrites } from '../src/platform/http/audit-net.ts';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from './support/db.ts';
import { createFixtures, createTestApp, orgForRole, signInAs, type Fixtures } from './support/app.ts';
import { expectedOutcome, type Outcome, type Subject } from './support/subjects.ts';
import { allRoles, platformRoles } from '../src/platform/auth/principal.ts';
import { startJobs, type Jobs } from '../src/platform/jobs/jobs.ts';
import Tokens from '@fastify/csrf';
import type { ExampleTenant, RouteExamples } from '../src/platform/http/fastify-types.ts';
import { createSession, sessionCookie } from '../src/platform/auth/session.ts';

const tokens = (Tokens as unknown as () => { secretSync(): string; create(secret: string): string })();

function fillPath(url: string, params: Record<string, string | number>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`voorbeeld mist parameter :${name} voor ${url}`);
    return encodeURIComponent(String(params[name]));
  });
}

async function exampleQuery(examples: RouteExamples | undefined, tenant: ExampleTenant): Promise<string> {
  const q = examples?.query;
  return typeof q === 'function' ? q(tenant) : (q ?? '');
}

function classify(status: number, location: string | undefined): Outcome | 'not-found' | 'error' {
  if (status === 403) return 'deny';
  if (status === 401 || (status >= 300 && status < 400 && location?.startsWith('/inloggen?terug=')))
    return 'sign-in';
  if (status === 404) return 'not-found';
  if (status >= 500) return 'error';
  return 'allow';
}

eachEngine('authorization matrix', (database) => {
  let app: FastifyInstance;
  let jobs: Jobs;
  let fx: Fixtures;
  const people = new Map<Subject, number>();

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

  test('no school-scoped route admits a ministry role (DESIGN.md §3 rule 1)', () => {
    for (const r of app.platform.routes) {
      const a = r.config.access!;
      if (a.kind === 'school') {
        const ministry = a.roles.filter((role) => platformRoles.includes(role));
        assert.deepEqual(ministry, [], `${r.method} ${r.url}`);
      }
    }
  });

  const refusedCount = async () =>
    (await refusedAnonymousWrites(app.platform.metrics).get()).values.reduce((n, v) => n + v.value, 0);

  const auditCount = async () => {
    const r = await database()
      .db.selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };

  test('every route × role × tenant gets exactly the access it declares, and every write is audited', async () => {
    const mismatches: string[] = [];
    let requests = 0;
    let n = 0;
    const subjects: Subject[] = ['bezoeker', ...allRoles];
    for (const route of app.platform.routes) {
      const a = route.config.access!;
      const hasParams = route.url.includes(':');
      if (route.url.includes('*')) continue; // wildcard asset route: no tenant, public
      if (hasParams && !route.config.examples?.params) {
        mismatches.push(`${route.method} ${route.url}: parameters zonder config.examples.params`);
        continue;
      }
      for (const own of [true, false]) {
        if (!own && !hasParams) continue;
        for (const subject of subjects) {
          const tenant = own
            ? { schoolId: fx.schoolId, boardId: fx.boardId, db: database().db }
            : { schoolId: fx.otherSchoolId, boardId: fx.otherBoardId, db: database().db };
          const params = hasParams ? await route.config.examples!.params!(tenant) : {};
          const url =
            fillPath(route.url, params) +
            (route.method === 'GET' ? await exampleQuery(route.config.examples, tenant) : '');
          const headers: Record<string, string> = {};
          // A new session per request: a route may end it (sign out) without spoiling the rest.
          const personId = people.get(subject);
          const cookie = personId
            ? `${sessionCookie}=${(await createSession(database().db, personId, { mfaVerified: true })).token}`
            : undefined;
          let payload: string | undefined;
          if (route.method !== 'GET') {
            const secret = tokens.secretSync();
            headers.cookie = [cookie, `npo_csrf=${app.signCookie(secret)}`].filter(Boolean).join('; ');
            headers['content-type'] = 'application/x-www-form-urlencoded';
            payload = new URLSearchParams({
              ...(route.config.examples?.body ?? {}),
              _csrf: tokens.create(secret),
            }).toString();
          } else if (cookie) {
            headers.cookie = cookie;
          }
          n++;
          const auditBefore = route.method === 'GET' ? 0 : await auditCount();
          const refusedBefore = await refusedCount();
          const res = await app.inject({
            method: route.method as 'GET',
            url,
            headers,
            payload,
            // A different address per request keeps rate limits out of the way.
            remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          });
          requests++;
          // DESIGN.md §3 rule 7: every write request, allowed or not, leaves an audit row; one
          // refused without a session may be counted instead (platform/http/audit-net.ts),
          // unless its handler audits it itself (a failed sign-in).
          const counted = !personId && res.statusCode >= 400 && (await refusedCount()) > refusedBefore;
          if (route.method !== 'GET' && !counted && (await auditCount()) <= auditBefore) {
            mismatches.push(
              `${route.method} ${route.url} als ${subject}: geen auditregel (status ${res.statusCode})`,
            );
          }
          if (process.env.MATRIX_TRACE)
            process.stderr.write(`${res.statusCode} ${route.method} ${url} ${subject}\n`);
          const expected = expectedOutcome(a, subject, own);
          const actual = classify(res.statusCode, res.headers.location as string | undefined);
          const ok = actual === expected || (expected === 'deny' && actual === 'not-found' && hasParams);
          if (!ok) {
            mismatches.push(
              `${route.method} ${route.url} als ${subject} (${own ? 'eigen' : 'andere'} school/bestuur): verwacht ${expected}, kreeg ${res.statusCode}`,
            );
          }
        }
      }
    }
    assert.ok(requests > 0);
    assert.deepEqual(mismatches, []);
  });
});
