// What the funding suite's test groups share: the app and fixtures made once per engine.
import type { FastifyInstance } from 'fastify';
import type { Fixtures } from '../../../../test/support/app.ts';
import type { Database } from '../../../platform/db/database.ts';
import { shippedDuoFiles } from '../../duo-import/services/shipped.ts';

export const today = '2026-11-28';
export const poFile = shippedDuoFiles.find((f) => f.includes('02.-alle'))!;

/** The database with the shipped files imported, and the app and fixtures on it (set in before()). */
export interface FundingSuite {
  database: () => Database;
  readonly app: FastifyInstance;
  readonly fx: Fixtures;
}
