// Background jobs (mail, recomputes, purges) on pg-boss, which keeps its queue in the same
// database: on PGlite through the app's single pool, on PostgreSQL through the app's pool too.
import PgBoss from 'pg-boss';
import { CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';
import type { DB } from '../db/schema.ts';

export type JobHandler<T> = (data: T, job: { id: string; retryCount: number }) => Promise<void>;

export interface JobOptions {
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  startAfter?: number | Date;
  singletonKey?: string;
  /** Send inside this transaction: the job exists only if the transaction commits. */
  trx?: Kysely<DB>;
}

export interface Jobs {
  /** Declares a queue and its worker. */
  work<T extends object>(name: string, handler: JobHandler<T>): Promise<void>;
  send<T extends object>(name: string, data: T, options?: JobOptions): Promise<string | null>;
  /** A recurring job (cron in Europe/Amsterdam). */
  schedule(name: string, cron: string): Promise<void>;
  /** Counts by queue and state, for /metrics. */
  stats(): Promise<{ queue: string; state: string; count: number }[]>;
  stop(): Promise<void>;
  boss: PgBoss;
}

export const jobsSchema = 'pgboss';

function adapter(pool: pg.Pool): PgBoss.Db {
  return { executeSql: (text, values) => pool.query(text, values) };
}

function trxAdapter(trx: Kysely<DB>): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const r = await trx.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: r.rows };
    },
  };
}

export async function startJobs(
  pool: pg.Pool,
  opts: {
    log?: (msg: string, err?: unknown) => void;
    pollingIntervalSeconds?: number;
    schedule?: boolean;
  } = {},
): Promise<Jobs> {
  const boss = new PgBoss({
    db: adapter(pool),
    schema: jobsSchema,
    // Cron needs a clock monitor; tests switch it off to keep their databases quiet.
    schedule: opts.schedule ?? true,
    supervise: opts.schedule ?? true,
  });
  boss.on('error', (err) => opts.log?.('Fout in de takenwachtrij', err));
  await boss.start();
  const queues = new Set<string>();
  const ensureQueue = async (name: string, trx?: Kysely<DB>) => {
    if (queues.has(name)) return;
    if (trx) {
      // Inside a transaction the queue must be made through that transaction: on PGlite the
      // pool has one connection, which the transaction holds. pg-boss's own create_queue() is
      // idempotent. Not remembered: the transaction may still roll back.
      await trx.executeQuery(
        CompiledQuery.raw(`select ${jobsSchema}.create_queue($1, $2)`, [
          name,
          JSON.stringify({ policy: 'standard' }),
        ]),
      );
      return;
    }
    await boss.createQueue(name);
    queues.add(name);
  };
  return {
    boss,
    async work(name, handler) {
      await ensureQueue(name);
      await boss.work(name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async (jobs) => {
        for (const job of jobs)
          await handler(job.data as Parameters<typeof handler>[0], { id: job.id, retryCount: 0 });
      });
    },
    async send(name, data, options = {}) {
      const { trx, ...rest } = options;
      await ensureQueue(name, trx);
      return boss.send(name, data, {
        retryLimit: 5,
        retryDelay: 30,
        retryBackoff: true,
        ...rest,
        ...(trx ? { db: trxAdapter(trx) } : {}),
      });
    },
    async schedule(name, cron) {
      await ensureQueue(name);
      await boss.schedule(name, cron, {}, { tz: 'Europe/Amsterdam' });
    },
    async stats() {
      const r = await pool.query(
        `select name as queue, state::text as state, count(*)::int as count from ${jobsSchema}.job group by 1, 2`,
      );
      return r.rows;
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000, close: false });
    },
  };
}
