// A query the platform runs on nearly every request (the session behind a cookie, the most opened
// page's row), built and compiled by Kysely once per database instead of on every run. Building
// and compiling a five-table join costs more of the process than executing it does; a run now only
// puts its values in place. The same SQL text each run also lets prepared-statements.ts find it
// at once.
//
// `build` receives stand-ins for its arguments and must use them only as values in the query
// (no `if` on them): the stand-ins are replaced by the real values in the compiled parameters.
import { createQueryId, type Compilable, type CompiledQuery, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

class StandIn {
  constructor(readonly name: string) {}
}

export function compiledOnce<A extends Record<string, unknown>, Row>(
  names: readonly (keyof A & string)[],
  build: (db: Kysely<DB>, args: A) => Compilable<Row>,
): (db: Kysely<DB>, args: A) => Promise<Row[]> {
  const compiled = new WeakMap<Kysely<DB>, CompiledQuery<Row>>();

  function compile(db: Kysely<DB>): CompiledQuery<Row> {
    const standIns = Object.fromEntries(names.map((n) => [n, new StandIn(n)])) as unknown as A;
    const query = build(db, standIns).compile();
    const used = new Set(query.parameters.filter((p) => p instanceof StandIn).map((p) => p.name));
    const unused = names.filter((n) => !used.has(n));
    if (unused.length) throw new Error(`compiledOnce: ${unused.join(', ')} komt niet als waarde in de query`);
    return query;
  }

  return async (db, args) => {
    let query = compiled.get(db);
    if (!query) {
      query = compile(db);
      compiled.set(db, query);
    }
    const parameters = query.parameters.map((p) => (p instanceof StandIn ? args[p.name] : p));
    const result = await db.executeQuery<Row>({ ...query, parameters, queryId: createQueryId() });
    return result.rows;
  };
}
