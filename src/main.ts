// Start: configuration, database, migrations, demo data, jobs, HTTP. Stops gracefully on
// SIGTERM/SIGINT: no new requests, in-flight ones finish, then jobs and database close.
import { ConfigError, loadConfig, type Config } from './config.ts';
import { buildApp } from './app.ts';
import { openConfiguredDatabase } from './platform/db/open.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { DatabaseUnreachableError } from './platform/db/database.ts';
import { startJobs } from './platform/jobs/jobs.ts';
import { registerWorkers } from './platform/jobs/workers.ts';
import { cookieSecret } from './platform/secret.ts';
import { seedDemo } from './demo/seed.ts';
import { requestOpenDataLoad } from './modules/funding/open-data-load.ts';

function fail(message: string, code: number): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(code);
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message, 2);
    throw err;
  }
  const started = performance.now();
  const say = (msg: string) => process.stdout.write(`${msg}\n`);

  let database;
  try {
    database = await openConfiguredDatabase(config, say);
  } catch (err) {
    if (err instanceof DataDirLockedError || err instanceof DatabaseUnreachableError)
      fail((err as Error).message, 1);
    throw err;
  }

  const demoLines = config.demo ? await seedDemo(database.db) : [];
  const jobs = config.jobs
    ? await startJobs(database.pool, { log: (m, e) => say(`${m}: ${(e as Error)?.message}`) })
    : undefined;
  const app = await buildApp({ config, database, jobs, cookieSecret: cookieSecret(config) });
  if (jobs) await registerWorkers(jobs, app.platform);
  // First start: the shipped open data load in a job; OPEN_DATA_AUTOLOAD=false turns it off.
  if (jobs) await requestOpenDataLoad(app.platform);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'Stoppen: geen nieuwe verzoeken, lopende verzoeken afmaken');
    const force = setTimeout(() => {
      process.stderr.write('Stoppen duurde te lang; het proces wordt beëindigd.\n');
      process.exit(1);
    }, 15_000);
    force.unref();
    await app.close();
    await jobs?.stop();
    await database.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const engine =
    database.engine === 'pglite' ? `ingebouwde database in ${config.database.pgliteDir}` : 'PostgreSQL';
  say(
    `\nNP Onderwijs draait op ${config.baseUrl} (${engine}), gestart in ${Math.round(performance.now() - started)} ms.`,
  );
  if (demoLines.length) say(['', 'Demo-accounts:', ...demoLines.map((l) => `  ${l}`), ''].join('\n'));
}

main().catch((err) => {
  process.stderr.write(`\nHet platform kon niet starten: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
