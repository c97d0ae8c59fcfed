// Two-factor gating (DESIGN.md §3): for every role that requires a second factor, a session
// that has not passed it gets nothing that role's routes offer.
// - A session still waiting for its code (second_factor_pending) is nobody: every route that is
//   not public asks to sign in. Only the public pages, among them the code page, answer.
// - A session signed in with the password only (no second factor yet) keeps the person's
//   account pages (where the second factor is set up), but none of the role's routes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from './support/db.ts';
import { createFixtures, createTestApp, orgForRole, signInAs, type Fixtures } from './support/app.ts';
import { expectedOutcome } from './support/subjects.ts';
import { classify, sendToRoute } from './support/route-requests.ts';
import { mfaRoles } from '../src/platform/auth/principal.ts';
import { createSession, sessionCookie } from '../src/platform/auth/session.ts';

eachEngine('two-factor gating', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
  });
  after(async () => {
    await app?.close();
  });

  test('the code page is public: a session waiting for its code can reach it', () => {
    const codePage = app.platform.routes.find((r) => r.method === 'GET' && r.url === '/inloggen/code');
    assert.equal(codePage?.config.access?.kind, 'public');
  });

  for (const role of mfaRoles) {
    test(`${role}: without the second step no route of the role answers; while waiting for the code every non-public route asks to sign in`, async () => {
      const wrong: string[] = [];
      let checked = 0;
      const tenant = { schoolId: fx.schoolId, boardId: fx.boardId, db: database().db };
      for (const route of app.platform.routes) {
        const a = route.config.access!;
        if (route.url.includes('*') || a.kind === 'public') continue;
        if (expectedOutcome(a, role, true) !== 'allow') continue; // the role itself may not use it
        const params = route.url.includes(':') ? await route.config.examples!.params!(tenant) : {};
        // New sessions per request: a route may end the session (sign out).
        const { personId, cookie: passwordOnly } = await signInAs(database(), role, orgForRole(fx, role), {
          mfaVerified: false,
        });
        const pending = `${sessionCookie}=${(await createSession(database().db, personId, { secondFactorPending: true })).token}`;

        const waiting = await sendToRoute(app, route, { params, objects: tenant, cookie: pending });
        const w = classify(waiting.statusCode, waiting.headers.location as string | undefined);
        if (w !== 'sign-in')
          wrong.push(`${route.method} ${route.url} wachtend op code: ${waiting.statusCode}`);

        const password = await sendToRoute(app, route, { params, objects: tenant, cookie: passwordOnly });
        const p = classify(password.statusCode, password.headers.location as string | undefined);
        const expected = a.kind === 'signedIn' ? 'allow' : 'deny';
        const ok = p === expected || (expected === 'deny' && p === 'not-found');
        if (!ok)
          wrong.push(
            `${route.method} ${route.url} alleen wachtwoord: ${password.statusCode}, verwacht ${expected}`,
          );
        checked++;
      }
      assert.ok(checked > 0, 'the role has routes to check');
      assert.deepEqual(wrong, []);
    });
  }
});
