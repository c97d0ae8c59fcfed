// Forward-only, numbered migrations from /migrations, run at start-up and by `cli migrate`.
// Each file exports `up(db)`; there is no `down`: a mistake is repaired by a new migration.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundled, fromRoot } from '../../paths.ts';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DB } from './schema.ts';

/** The migrations: TypeScript under tsx, or bundled to dist/migrations by npm start's build. */
export const migrationsDir = bundled ? fromRoot('dist', 'migrations') : fromRoot('migrations');

const migrationFile = bundled ? /^\d{4}_[a-z0-9_]+\.js$/ : /^\d{4}_[a-z0-9_]+\.ts$/;

export function migrationFiles(dir = migrationsDir): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => migrationFile.test(f))
    .sort();
}

class FolderProvider implements MigrationProvider {
  constructor(private readonly dir: string) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const file of migrationFiles(this.dir)) {
      const mod = await import(pathToFileURL(path.join(this.dir, file)).href);
      if (typeof mod.up !== 'function') throw new Error(`Migratie ${file} heeft geen up()-functie.`);
      out[file.replace(/\.[jt]s$/, '')] = { up: mod.up };
    }
    return out;
  }
}

export interface MigrationReport {
  applied: string[];
}

/**
 * Whether every migration in the folder has run already: one query instead of importing every
 * migration file and taking the migrator's lock, which is most starts and cost about 0.8 s of each.
 */
async function allApplied(db: Kysely<DB>, dir: string): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    return migrationFiles(dir).every((f) => applied.has(f.replace(/\.[jt]s$/, '')));
  } catch {
    return false; // no migration table yet: a new database
  }
}

export async function migrateToLatest(db: Kysely<DB>, dir = migrationsDir): Promise<MigrationReport> {
  if (await allApplied(db, dir)) return { applied: [] };
  // Each module numbers its migrations in its own range (src/modules/*/index.ts), so a module's
  // new migration can sort before another module's migration that a database already ran
  // (funding's 0210 after schoolscan's 0400). Order within a module is what matters; the pending
  // ones still run in name order.
  const migrator = new Migrator({ db, provider: new FolderProvider(dir), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed?.migrationName ?? 'onbekend';
    throw new Error(`Migratie ${name} is mislukt: ${(error as Error)?.message ?? error}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
