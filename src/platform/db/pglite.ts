// The embedded database: PGlite (PostgreSQL compiled to WASM) behind a pg Pool, so that the
// rest of the platform talks to it exactly as to a PostgreSQL server.
import pg from 'pg';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/**
 * PGlite's node-postgres adapter breaks when pg-pool destroys its single client after a failed
 * `pool.query()` and a new query follows in the same tick. Never destroy it: release normally.
 */
export class PGlitePool extends pg.Pool {
  // pg.Pool.query has many overloads; the override passes every form on unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override async query(text: any, values?: any): Promise<any> {
    const client = await this.connect();
    try {
      return await client.query(text, values);
    } finally {
      client.release();
    }
  }
}

export const pgliteOptions: PGliteOptions = {
  // 16 MB instead of 128 MB keeps the idle process far below 300 MB.
  postgresqlconf: ['shared_buffers=16MB'],
  extensions: { pg_trgm, unaccent },
};

export async function openPGlite(options: PGliteOptions = {}): Promise<PGlite> {
  return PGlite.create({ ...pgliteOptions, ...options });
}

export function poolFor(pglite: PGlite): PGlitePool {
  return new PGlitePool({ ...createPgConfig(pglite), idleTimeoutMillis: 0 } as pg.PoolConfig);
}
