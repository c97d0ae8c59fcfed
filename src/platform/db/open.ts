// Opens the configured database and brings its schema up to date.
import type { Config } from '../../config.ts';
import { openEmbedded, openServer, type Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { restrictToOwner } from '../private-files.ts';

export async function openConfiguredDatabase(config: Config, log: (msg: string) => void): Promise<Database> {
  const database = config.database.url
    ? await openServer(config.database.url, {
        poolMax: config.database.poolMax,
        retries: config.database.connectRetries,
        log,
      })
    : await openEmbedded(config.dataDir, config.database.pgliteDir);
  try {
    const { applied } = await migrateToLatest(database.db);
    if (applied.length) log(`Migraties uitgevoerd: ${applied.join(', ')}`);
    // PGlite (Emscripten) chmods every file it creates to 0666, whatever the umask. Its folders
    // do follow the umask (0700), which keeps others out; this also narrows the files, after
    // initdb and the migrations made them, and again when the database closes.
    if (database.engine === 'pglite') restrictToOwner(config.database.pgliteDir);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}
