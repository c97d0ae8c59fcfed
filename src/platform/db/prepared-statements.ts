// Statements the platform runs again and again are prepared on the PostgreSQL server, so the server
// plans them once per connection instead of on every run. For the short queries behind every page
// (the session, a page's own row) planning costs several times what executing does.
//
// As PgJDBC does (prepareThreshold): a statement text gets a name, and is then prepared by pg on
// each connection that runs it, once it has been run `after` times in this process. Only a bounded
// number of texts are named, so queries whose text varies (IN lists of every length) never fill
// the server's memory: past `max`, texts simply run unprepared as before.
//
// A prepared select refuses to run once its table's columns changed ("cached plan must not
// change result type"). Migrations run at start, before any request, and a deploy restarts the
// process; only processes of an older release running beside a newer migration would see it.
import type pg from 'pg';
import type { PostgresPool, PostgresPoolClient } from 'kysely';

export interface PreparingOptions {
  /** Runs of one text before it is prepared. */
  after: number;
  /** Most texts that get a name. */
  max: number;
}

export const defaultPreparing: PreparingOptions = { after: 5, max: 500 };

/** The pool as Kysely uses it, naming statements as above. */
export function preparingPool(pool: pg.Pool, options: PreparingOptions = defaultPreparing): PostgresPool {
  const runs = new Map<string, number>();
  const names = new Map<string, string>();

  function nameOf(text: string): string | undefined {
    const name = names.get(text);
    if (name || names.size >= options.max) return name;
    const n = (runs.get(text) ?? 0) + 1;
    if (n < options.after) {
      // Counting stays bounded too: texts that never repeat enough are forgotten together.
      if (runs.size >= options.max * 20) runs.clear();
      runs.set(text, n);
      return undefined;
    }
    runs.delete(text);
    const named = `npo_${names.size + 1}`;
    names.set(text, named);
    return named;
  }

  // One wrapper per pg client: Kysely keys its connections by the client object it is given.
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  function wrap(client: pg.PoolClient): PostgresPoolClient {
    let w = wrapped.get(client);
    if (!w) {
      w = {
        query: ((textOrCursor: unknown, values?: readonly unknown[]) => {
          if (typeof textOrCursor !== 'string') return client.query(textOrCursor as pg.Submittable);
          const name = nameOf(textOrCursor);
          return name
            ? client.query({ name, text: textOrCursor, values: values as unknown[] })
            : client.query(textOrCursor, values as unknown[]);
        }) as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy),
      };
      wrapped.set(client, w);
    }
    return w;
  }

  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}
