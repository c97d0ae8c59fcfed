// An app on a test database, a cookie-keeping client for app.inject, and fixtures: two
// boards with schools each, and people signed in with any role.
import Tokens from '@fastify/csrf';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import type { Jobs } from '../../src/platform/jobs/jobs.ts';
import type { Role } from '../../src/platform/db/tables.ts';
import { createSession, sessionCookie } from '../../src/platform/auth/session.ts';
import { platformRoles, schoolRoles } from '../../src/platform/auth/principal.ts';

export const testCookieSecret = 'test-secret-test-secret-test-secret-1234';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO: 'false',
    JOBS: 'false',
    // The shipped open data is loaded only by the test that is about that load.
    OPEN_DATA_AUTOLOAD: 'false',
    DATA_DIR: '/nonexistent',
    ...overrides,
  });
}

export async function createTestApp(
  database: Database,
  opts: { config?: Config; jobs?: Jobs; now?: () => Date } = {},
): Promise<FastifyInstance> {
  const app = await buildApp({
    config: opts.config ?? testConfig(),
    database,
    jobs: opts.jobs,
    logger: false,
    now: opts.now,
    cookieSecret: testCookieSecret,
  });
  await app.ready();
  return app;
}

/** Two tenants, so every test can check that one cannot reach the other. */
export interface Fixtures {
  ministryId: number;
  boardId: number;
  schoolId: number;
  otherBoardId: number;
  otherSchoolId: number;
}

let counter = 0;

export async function createFixtures(database: Database): Promise<Fixtures> {
  const db = database.db;
  const tag = `${process.pid}-${++counter}`;
  const ministry =
    (await db.selectFrom('organisation').select('id').where('kind', '=', 'ministerie').executeTakeFirst()) ??
    (await db
      .insertInto('organisation')
      .values({ kind: 'ministerie', code: 'OCW', name: 'Ministerie van OCW' })
      .returning('id')
      .executeTakeFirstOrThrow());
  const board = async (n: string) =>
    (
      await db
        .insertInto('organisation')
        .values({ kind: 'bestuur', code: `TB${n}-${tag}`, name: `Testbestuur ${n}` })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const school = async (n: string, parent: number) =>
    (
      await db
        .insertInto('organisation')
        .values({
          kind: 'school',
          code: `TS${n}-${tag}`,
          name: `Testschool ${n}`,
          parent_id: parent,
          sector: 'BO',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const boardId = await board('A');
  const otherBoardId = await board('B');
  return {
    ministryId: ministry.id,
    boardId,
    schoolId: await school('A', boardId),
    otherBoardId,
    otherSchoolId: await school('B', otherBoardId),
  };
}

/** The organisation a role belongs to in the fixtures (own tenant). */
export function orgForRole(fx: Fixtures, role: Role): number {
  if (platformRoles.includes(role)) return fx.ministryId;
  if (schoolRoles.includes(role)) return fx.schoolId;
  return fx.boardId;
}

/** Creates a person with one membership and a signed-in session (2FA passed). */
export async function signInAs(
  database: Database,
  role: Role,
  organisationId: number,
  opts: { mfaVerified?: boolean; email?: string } = {},
): Promise<{ cookie: string; personId: number }> {
  const db = database.db;
  const email = opts.email ?? `${role}-${organisationId}-${process.pid}-${++counter}@test.example`;
  const person = await db
    .insertInto('person')
    .values({ email, name: `Test ${role}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('membership')
    .values({ person_id: person.id, organisation_id: organisationId, role })
    .execute();
  const { token } = await createSession(db, person.id, { mfaVerified: opts.mfaVerified ?? true });
  return { cookie: `${sessionCookie}=${token}`, personId: person.id };
}

const tokens = (Tokens as unknown as () => { secretSync(): string; create(secret: string): string })();

/**
 * A browser-like client over app.inject: keeps cookies and adds a valid CSRF token to forms.
 */
export class TestClient {
  private cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    cookie?: string,
  ) {
    if (cookie) this.setCookie(cookie);
  }

  setCookie(pair: string) {
    const [name, ...rest] = pair.split('=');
    this.cookies.set(name!, rest.join('='));
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  /** A CSRF token valid for this client's (possibly new) CSRF cookie. */
  csrfToken(): string {
    let signed = this.cookies.get('npo_csrf');
    let secret = signed ? this.app.unsignCookie(signed).value : null;
    if (!secret || !signed) {
      secret = tokens.secretSync();
      signed = this.app.signCookie(secret);
      this.cookies.set('npo_csrf', signed);
    }
    return tokens.create(secret as string);
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(
      await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader, ...headers } }),
    );
  }

  /** Posts a form with a valid CSRF token (pass csrf: false to leave it out). */
  async post(
    url: string,
    form: Record<string, string | string[]> = {},
    opts: { csrf?: boolean | string } = {},
  ) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    if (opts.csrf !== false) body.set('_csrf', typeof opts.csrf === 'string' ? opts.csrf : this.csrfToken());
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
  }
}
