// Cross-tenant object ids: a person allowed in their own school or board names, in the same
// request, an object that belongs to another tenant — in the path (own school, another school's
// plan) or in the body or query (a form naming another board's school). Access control checks
// the school in the path; this suite proves every route also checks that the object belongs to
// it: the answer is 403/404 or a refusal, never a success, and no write is recorded as done.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from './support/db.ts';
import { createFixtures, createTestApp, orgForRole, signInAs, type Fixtures } from './support/app.ts';
import { expectedOutcome } from './support/subjects.ts';
import { sendToRoute } from './support/route-requests.ts';
import { allRoles } from '../src/platform/auth/principal.ts';
import { scopeParam } from '../src/platform/auth/access.ts';
import type { Role } from '../src/platform/db/tables.ts';

/** Routes that name a tenant's object by id and that this suite must reach (append yours). */
const mustBeChecked = [
  'GET /scholen/:schoolId/schoolscan/:schoolYearId/keuzehulp/:focusPointId',
  'POST /scholen/:schoolId/schoolscan/:schoolYearId/keuzehulp/:focusPointId/kiezen',
  'POST /scholen/:schoolId/schoolscan/:schoolYearId/keuzehulp/:focusPointId/verwijderen',
  'GET /scholen/:schoolId/schoolprogramma/doelen/:goalId',
  'POST /scholen/:schoolId/schoolprogramma/doelen/:goalId',
  'POST /scholen/:schoolId/schoolprogramma/doelen/:goalId/verwijderen',
  'POST /scholen/:schoolId/schoolprogramma/doelen/nieuw',
  'GET /scholen/:schoolId/schoolprogramma/interventies/:planInterventionId',
  'POST /scholen/:schoolId/schoolprogramma/interventies/:planInterventionId',
  'POST /scholen/:schoolId/schoolprogramma/interventies/:planInterventionId/verwijderen',
  'GET /scholen/:schoolId/schoolprogramma/interventies/:planInterventionId/begroting',
  'POST /scholen/:schoolId/schoolprogramma/interventies/:planInterventionId/begroting',
  'GET /scholen/:schoolId/schoolprogramma/uitgaven/:expenseId/correctie',
  'POST /scholen/:schoolId/schoolprogramma/uitgaven/:expenseId/correctie',
  'POST /scholen/:schoolId/schoolprogramma/uitgaven/nieuw',
  'GET /scholen/:schoolId/schoolprogramma/interventies/:planInterventionId/evaluatie/:evaluationId',
  'POST /scholen/:schoolId/schoolprogramma/interventies/:planInterventionId/evaluatie/:evaluationId',
  'GET /besturen/:boardId/schoolprogrammas/:schoolId',
];

eachEngine('cross-tenant object ids', (database) => {
  let app: FastifyInstance;
  let fx: Fixtures;
  const cookies = new Map<Role, string>();

  before(async () => {
    app = await createTestApp(database());
    fx = await createFixtures(database());
  });
  after(async () => {
    await app?.close();
  });

  test('own tenant in the path with another tenant’s object (path, body or query) never succeeds', async () => {
    const own = { schoolId: fx.schoolId, boardId: fx.boardId, db: database().db };
    const other = { schoolId: fx.otherSchoolId, boardId: fx.otherBoardId, db: database().db };
    const wrong: string[] = [];
    let checked = 0;
    const reached = new Set<string>();
    for (const route of app.platform.routes) {
      const a = route.config.access!;
      const scope = scopeParam(a);
      const examples = route.config.examples;
      if (!scope || !examples?.params) continue;
      const role = allRoles.find((r) => expectedOutcome(a, r, true) === 'allow');
      if (!role) continue;
      const ownParams = await examples.params(own);
      const otherParams = await examples.params(other);
      // Only a value that differs between the two tenants names a tenant's object: a school
      // year, a menu code or a step is the same for everyone.
      const objectParams = Object.keys(otherParams).filter(
        (p) => p !== scope && otherParams[p] !== ownParams[p],
      );
      const same = async (make: ((t: typeof own) => unknown) | undefined) =>
        !make || JSON.stringify(await make(own)) === JSON.stringify(await make(other));
      const query = typeof examples.query === 'function' ? examples.query : undefined;
      if (objectParams.length === 0 && (await same(examples.bodyFor)) && (await same(query))) continue;
      if (!cookies.has(role))
        cookies.set(role, (await signInAs(database(), role, orgForRole(fx, role))).cookie);
      // The path names the own tenant; every object (path, body, query) is the other tenant's.
      const params = { ...otherParams, [scope]: ownParams[scope]! };
      const res = await sendToRoute(app, route, { params, objects: other, cookie: cookies.get(role) });
      checked++;
      reached.add(`${route.method} ${route.url}`);
      // A page that shows the object, or a write that went through (a redirect after a post).
      const succeeded = res.statusCode < (route.method === 'GET' ? 300 : 400);
      if (succeeded) wrong.push(`${route.method} ${route.url} als ${role}: ${res.statusCode}`);
    }
    assert.ok(checked > 0, 'there are routes that name objects');
    assert.deepEqual(
      mustBeChecked.filter((r) => !reached.has(r)),
      [],
      'routes with object ids the suite did not reach',
    );
    assert.deepEqual(wrong, []);
  });

  test('schoolscan focus points: another school’s focus point named under the own school is not found (404)', async () => {
    const own = { schoolId: fx.schoolId, boardId: fx.boardId, db: database().db };
    const other = { schoolId: fx.otherSchoolId, boardId: fx.otherBoardId, db: database().db };
    const base = '/scholen/:schoolId/schoolscan/:schoolYearId/aandachtspunten/:focusPointId';
    const urls = [
      `GET ${base}`,
      `POST ${base}`,
      `GET ${base}/verwijderen`,
      `POST ${base}/verwijderen`,
      `POST ${base}/verplaatsen`,
    ];
    const cookie = (await signInAs(database(), 'teamlid', fx.schoolId)).cookie;
    const seen: string[] = [];
    for (const route of app.platform.routes) {
      const name = `${route.method} ${route.url}`;
      if (!urls.includes(name)) continue;
      seen.push(name);
      const ownParams = await route.config.examples!.params!(own);
      const otherParams = await route.config.examples!.params!(other);
      const params = { ...ownParams, focusPointId: otherParams.focusPointId! };
      const res = await sendToRoute(app, route, { params, objects: own, cookie });
      assert.equal(res.statusCode, 404, name);
    }
    assert.deepEqual(seen.sort(), [...urls].sort());
  });
});
