// The answering routes × every role (and a visitor) × own and other tenant, on both engines, the
// way the authorization matrix checks all routes: exactly the declared access, every write
// audited (with its declared action when it succeeds), every write route succeeding with its
// example. Hard rule 1: no ministry role reaches a school's answers or receipt.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  orgForRole,
  signInAs,
  type Fixtures,
} from '../../../../test/support/app.ts';
import { expectedOutcome, type Subject } from '../../../../test/support/subjects.ts';
import { classify, sendToRoute } from '../../../../test/support/route-requests.ts';
import { allRoles, platformRoles } from '../../../platform/auth/principal.ts';
import { createSession, sessionCookie } from '../../../platform/auth/session.ts';

const ours = (url: string) =>
  url.startsWith('/scholen/:schoolId/verantwoording') || url.startsWith('/besturen/:boardId/verantwoording');

eachEngine('verantwoording: answering routes × roles', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  const people = new Map<Subject, number>();

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
    for (const role of allRoles)
      people.set(role, (await signInAs(database(), role, orgForRole(fx, role))).personId);
  });
  after(async () => {
    await app?.close();
  });

  test('every answering route gives exactly its declared access; writes are audited and succeed with their example', async () => {
    const routes = app.platform.routes.filter((r) => ours(r.url));
    assert.equal(routes.length, 14, routes.map((r) => `${r.method} ${r.url}`).join('\n'));
    const mismatches: string[] = [];
    const succeeded = new Set<string>();
    for (const route of routes) {
      const a = route.config.access!;
      const write = route.method !== 'GET';
      const declared = [route.config.audit ?? []].flat();
      for (const own of [true, false])
        for (const subject of ['bezoeker', ...allRoles] as Subject[]) {
          const personId = people.get(subject);
          const tenant = own
            ? { schoolId: fx.schoolId, boardId: fx.boardId, db: database().db, personId }
            : { schoolId: fx.otherSchoolId, boardId: fx.otherBoardId, db: database().db, personId };
          const params = await route.config.examples!.params!(tenant);
          const cookie = personId
            ? `${sessionCookie}=${(await createSession(database().db, personId, { mfaVerified: true })).token}`
            : undefined;
          const before = Number(
            (
              await database()
                .db.selectFrom('audit_event')
                .select((eb) => eb.fn.max('id').as('id'))
                .executeTakeFirst()
            )?.id ?? 0,
          );
          const res = await sendToRoute(app, route, { params, objects: tenant, cookie });
          const actual = classify(res.statusCode, res.headers.location as string | undefined);
          const expected = expectedOutcome(a, subject, own);
          if (actual !== expected && !(expected === 'deny' && actual === 'not-found'))
            mismatches.push(
              `${route.method} ${route.url} als ${subject} (${own ? 'eigen' : 'ander'}): verwacht ${expected}, kreeg ${res.statusCode}`,
            );
          if (platformRoles.includes(subject as never) && actual === 'allow')
            mismatches.push(`${route.method} ${route.url}: ministerie-rol ${subject} mag erin`);
          if (!write) continue;
          const rows = await database()
            .db.selectFrom('audit_event')
            .select(['action', 'result'])
            .where('id', '>', before)
            .execute();
          if (personId && rows.length === 0)
            mismatches.push(`${route.method} ${route.url} als ${subject}: geen auditregel`);
          if (res.statusCode < 400 && actual === 'allow') {
            if (rows.some((r) => declared.includes(r.action) && r.result === 'ok'))
              succeeded.add(`${route.method} ${route.url}`);
            else
              mismatches.push(`${route.method} ${route.url} als ${subject}: geen gedeclareerde auditactie`);
          }
        }
    }
    for (const r of routes)
      if (r.method !== 'GET' && !succeeded.has(`${r.method} ${r.url}`))
        mismatches.push(`${r.method} ${r.url}: lukt met zijn voorbeeld voor geen enkele rol`);
    assert.deepEqual(mismatches, []);
  });
});
