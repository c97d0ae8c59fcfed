// Every registered route × every role (and a visitor) × own and other tenant, over HTTP. Fails
// on any allow or deny that the route's declared access does not predict. New routes join by
// registering; a route with parameters must say how to fill them (config.examples).
import { refusedAnonymousWrites } from '../src/platform/http/audit-net.ts';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from './support/db.ts';
import { createFixtures, createTestApp, orgForRole, signInAs, type Fixtures } from './support/app.ts';
import { expectedOutcome, type Subject } from './support/subjects.ts';
import { allRoles, platformRoles } from '../src/platform/auth/principal.ts';
import { startJobs, type Jobs } from '../src/platform/jobs/jobs.ts';
import { createSession, sessionCookie } from '../src/platform/auth/session.ts';
import { classify, sendToRoute } from './support/route-requests.ts';

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

  /** The highest audit row id so far: rows after it belong to the next request. */
  const lastAuditId = async () => {
    const r = await database()
      .db.selectFrom('audit_event')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return Number(r?.id ?? 0);
  };
  const auditRowsAfter = (id: number) =>
    database().db.selectFrom('audit_event').select(['action', 'result']).where('id', '>', id).execute();

  test('every route × role × tenant gets exactly the access it declares; every write is audited, with its declared action when it succeeds, and succeeds at least once', async () => {
    const mismatches: string[] = [];
    const succeeded = new Set<string>();
    let requests = 0;
    const subjects: Subject[] = ['bezoeker', ...allRoles];
    for (const route of app.platform.routes) {
      const a = route.config.access!;
      const hasParams = route.url.includes(':');
      const write = route.method !== 'GET';
      const declared = [route.config.audit ?? []].flat();
      if (route.url.includes('*')) continue; // wildcard asset route: no tenant, public
      if (hasParams && !route.config.examples?.params) {
        mismatches.push(`${route.method} ${route.url}: parameters zonder config.examples.params`);
        continue;
      }
      for (const own of [true, false]) {
        if (!own && !hasParams) continue;
        for (const subject of subjects) {
          const personId = people.get(subject);
          const tenant = own
            ? { schoolId: fx.schoolId, boardId: fx.boardId, db: database().db, personId }
            : { schoolId: fx.otherSchoolId, boardId: fx.otherBoardId, db: database().db, personId };
          const params = hasParams ? await route.config.examples!.params!(tenant) : {};
          // A new session per request: a route may end it (sign out) without spoiling the rest.
          const pending = route.config.examples?.session === 'second-factor-pending';
          const cookie = personId
            ? `${sessionCookie}=${(await createSession(database().db, personId, pending ? { secondFactorPending: true } : { mfaVerified: true })).token}`
            : undefined;
          const auditBefore = write ? await lastAuditId() : 0;
          const refusedBefore = await refusedCount();
          const res = await sendToRoute(app, route, { params, objects: tenant, cookie });
          requests++;
          const actual = classify(res.statusCode, res.headers.location as string | undefined);
          if (write) {
            const rows = await auditRowsAfter(auditBefore);
            // DESIGN.md §3 rule 7: every write request, allowed or not, leaves an audit row; one
            // refused without a session may be counted instead (platform/http/audit-net.ts).
            const counted = !personId && res.statusCode >= 400 && (await refusedCount()) > refusedBefore;
            if (!counted && rows.length === 0)
              mismatches.push(
                `${route.method} ${route.url} als ${subject}: geen auditregel (status ${res.statusCode})`,
              );
            // A write that went through records the action the route declares, not the safety
            // net's generic row.
            const done = res.statusCode < 400 && actual === 'allow';
            const declaredOk = rows.some((r) => declared.includes(r.action) && r.result === 'ok');
            if (done && declaredOk) succeeded.add(`${route.method} ${route.url}`);
            if (done && !rows.some((r) => declared.includes(r.action)))
              mismatches.push(
                `${route.method} ${route.url} als ${subject}: status ${res.statusCode} zonder gedeclareerde auditactie (${declared.join(', ')}); geschreven: ${rows.map((r) => r.action).join(', ')}`,
              );
          }
          if (process.env.MATRIX_TRACE)
            process.stderr.write(`${res.statusCode} ${route.method} ${route.url} ${subject}\n`);
          const expected = expectedOutcome(a, subject, own);
          const ok = actual === expected || (expected === 'deny' && actual === 'not-found' && hasParams);
          if (!ok) {
            mismatches.push(
              `${route.method} ${route.url} als ${subject} (${own ? 'eigen' : 'andere'} school/bestuur): verwacht ${expected}, kreeg ${res.statusCode}`,
            );
          }
        }
      }
    }
    for (const route of app.platform.routes)
      if (route.method !== 'GET' && !succeeded.has(`${route.method} ${route.url}`))
        mismatches.push(`${route.method} ${route.url}: lukt met zijn voorbeeld voor geen enkele rol`);
    assert.ok(requests > 0);
    assert.deepEqual(mismatches, []);
  });
});
