// What the accounts route tests share: a suite on both engines with an app on a settable clock,
// the two-tenant fixtures, people with a password (and TOTP), audit rows and mails to read.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import { createFixtures, createTestApp, testConfig, type Fixtures } from '../../../../test/support/app.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Role } from '../../../platform/db/tables.ts';
import type { OutboxEntry } from '../../../platform/mail/mailer.ts';
import { hashPassword } from '../services/passwords.ts';
import { insertMembership } from '../repository/memberships.ts';
import { insertPerson, updatePerson } from '../repository/people.ts';

export const goodPassword = 'paarse olifant danst op het dak';

export interface AccountsKit {
  database: () => Database;
  /** The app, ready in each test. */
  app: FastifyInstance;
  fx: Fixtures;
  /** The app's clock: starts at 2026-03-02 09:00 UTC, moves only with tick(). */
  clock: Date;
  /** A counter for unique names and addresses. */
  n: number;
  tick(ms: number): void;
  /** A person with a password and memberships, optionally with TOTP enabled. */
  person(
    roles: [Role, number][],
    opts?: { totp?: string; password?: string },
  ): Promise<{ id: number; email: string }>;
  auditRows(action: string, since?: Date): ReturnType<typeof selectAudit>;
  outbox(to: string): Promise<OutboxEntry[]>;
  /** The path and token of a link in a mail text, e.g. linkIn(text, '/uitnodiging'). */
  linkIn(text: string, pathPrefix: string): string;
}

function selectAudit(database: Database, action: string, since: Date) {
  return database.db
    .selectFrom('audit_event')
    .selectAll()
    .where('action', '=', action)
    .where('at', '>=', since)
    .orderBy('id')
    .execute();
}

/** A route test suite for accounts on each engine, with a fresh database, app and fixtures. */
export function accountsSuite(name: string, tests: (t: AccountsKit) => void) {
  eachEngine(name, (database) => {
    let dataDir: string;
    const t: AccountsKit = {
      database,
      app: undefined as unknown as FastifyInstance,
      fx: undefined as unknown as Fixtures,
      clock: new Date('2026-03-02T09:00:00Z'),
      n: 0,
      tick(ms) {
        t.clock = new Date(t.clock.getTime() + ms);
      },
      async person(roles, opts = {}) {
        const db = database().db;
        const email = `p${++t.n}-${process.pid}@school.example`;
        const p = await insertPerson(db, {
          email,
          name: `Persoon ${t.n}`,
          passwordHash: await hashPassword(opts.password ?? goodPassword),
          now: t.clock,
        });
        for (const [role, org] of roles) await insertMembership(db, p.id, org, role);
        if (opts.totp) await updatePerson(db, p.id, { totp_secret: opts.totp, totp_enabled_at: t.clock });
        return { id: p.id, email };
      },
      auditRows: (action, since = new Date(0)) => selectAudit(database(), action, since),
      async outbox(to) {
        return (await t.app.platform.mailer.outbox(200)).filter((m) => m.to === to);
      },
      linkIn(text, pathPrefix) {
        const m = text.match(new RegExp(`https?://[^/\\s]+(${pathPrefix}\\?token=[\\w-]+)`));
        assert.ok(m, `link ${pathPrefix} in mail`);
        return m[1]!;
      },
    };

    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'npo-accounts-'));
      t.app = await createTestApp(database(), {
        // Bursts of sign-in tries (throttling tests) must meet the login throttle, not the per-address
        // form limit of @fastify/rate-limit (tested on an app of its own).
        config: testConfig({ DATA_DIR: dataDir, FORM_RATE_LIMIT: '1000' }),
        now: () => t.clock,
      });
      t.fx = await createFixtures(database());
    });
    after(async () => {
      await t.app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    tests(t);
  });
}
