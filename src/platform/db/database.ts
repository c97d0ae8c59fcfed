// One way to reach the database: a Kysely instance over a pg Pool, whether the pool talks to
// PGlite in this process or to a PostgreSQL server.
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import type { DB } from './schema.ts';
import { lockDataDir } from './lock.ts';
import { openPGlite, poolFor } from './pglite.ts';
import { ensureEmbeddedDataDir } from './init-embedded.ts';
import { restrictToOwner } from '../private-files.ts';
import { preparingPool } from './prepared-statements.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  pool: pg.Pool;
  engine: Engine;
  /** Only for the embedded engine. */
  pglite?: PGlite;
  close(): Promise<void>;
}

// bigint columns (int8) stay strings by default in pg; money in cents must be exact and
// counts must be numbers, so we parse int8 to a JS number. All our int8 values (cents up to
// 9e15, row ids) fit safely in a double.
pg.types.setTypeParser(20, (v) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 buiten bereik: ${v}`);
  return n;
});
// date columns stay 'YYYY-MM-DD' strings: a calendar date has no time zone.
pg.types.setTypeParser(1082, (v) => v);

export function fromPool(
  pool: pg.Pool,
  engine: Engine,
  onClose: () => Promise<void>,
  pglite?: PGlite,
): Database {
  // PGlite runs in this process: preparing would save no round trip worth the bookkeeping there.
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: engine === 'postgres' ? preparingPool(pool) : pool }),
  });
  let closed = false;
  return {
    db,
    pool,
    engine,
    pglite,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy(); // ends the pool
      await onClose();
    },
  };
}

export async function openEmbedded(dataDir: string, pgliteDir: string): Promise<Database> {
  const release = lockDataDir(dataDir);
  try {
    await ensureEmbeddedDataDir(pgliteDir);
    const pglite = await openPGlite({ dataDir: pgliteDir });
    const pool = poolFor(pglite);
    return fromPool(
      pool,
      'pglite',
      async () => {
        await pglite.close();
        restrictToOwner(pgliteDir);
        release();
      },
      pglite,
    );
  } catch (err) {
    release();
    throw err;
  }
}

export class DatabaseUnreachableError extends Error {}

export async function openServer(
  url: string,
  options: { poolMax: number; retries: number; log?: (msg: string) => void; baseDelayMs?: number },
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolMax });
  // A connection dropped by the server must not crash the process; the pool reconnects.
  pool.on('error', (err) => options.log?.(`Databaseverbinding verbroken: ${err.message}`));
  const baseDelay = options.baseDelayMs ?? 500;
  for (let attempt = 0; ; attempt++) {
    try {
      await pool.query('select 1');
      break;
    } catch (err) {
      if (attempt >= options.retries) {
        await pool.end().catch(() => {});
        throw new DatabaseUnreachableError(
          `PostgreSQL is niet bereikbaar op ${redactUrl(url)} na ${attempt + 1} pogingen: ` +
            `${(err as Error).message}. Controleer DATABASE_URL en of de server draait.`,
        );
      }
      const delay = baseDelay * 2 ** attempt;
      options.log?.(
        `PostgreSQL nog niet bereikbaar (${(err as Error).message}); nieuwe poging over ${delay} ms`,
      );
      await new Promise((r) => setTimeout(r, delay));
    }
  }
  return fromPool(pool, 'postgres', async () => {});
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
