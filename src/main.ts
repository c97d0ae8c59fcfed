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
import { demoAccountsRefusal, findDemoAccounts } from './demo/production-guard.ts';
import { startMetricsServer } from './platform/observability/metrics-access.ts';
import { outboxNotice } from './platform/mail/outbox-notice.ts';
import { restrictDataDir, useOwnerOnlyUmask } from './platform/private-files.ts';
import { modules } from './modules/index.ts';

function fail(message: string, code: number): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(code);
}

async function main() {
  // Before anything is created: the data folder holds password hashes and secrets.
  useOwnerOnlyUmask();
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message, 2);
    throw err;
  }
  restrictDataDir(config.dataDir);
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

  if (config.env === 'production') {
    const demoAccounts = await findDemoAccounts(database.db);
    if (demoAccounts.length) {
      await database.close();
      fail(demoAccountsRefusal(demoAccounts), 1);
    }
  }
  const demoLines = config.demo ? await seedDemo(database.db) : [];
  const jobs = config.jobs
    ? await startJobs(database.pool, { log: (m, e) => say(`${m}: ${(e as Error)?.message}`) })
    : undefined;
  const app = await buildApp({ config, database, jobs, cookieSecret: cookieSecret(config) });
  if (jobs) await registerWorkers(jobs, app.platform, modules);
  for (const m of modules) await m.onStart?.(app.platform);

  let metricsServer: { close(): Promise<void> } | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'Stoppen: geen nieuwe verzoeken, lopende verzoeken afmaken');
    const force = setTimeout(() => {
      process.stderr.write('Stoppen duurde te lang; het proces wordt beëindigd.\n');
      process.exit(1);
    }, 8_000);
    force.unref();
    await Promise.all([app.close(), metricsServer?.close()]);
    await jobs?.stop();
    await database.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  if (config.metrics.port)
    metricsServer = await startMetricsServer(app.platform.metrics, {
      token: config.metrics.token,
      port: config.metrics.port,
      host: config.host,
    });
  const engine =
    database.engine === 'pglite' ? `ingebouwde database in ${config.database.pgliteDir}` : 'PostgreSQL';
  say(
    `\nNP Onderwijs draait op ${config.baseUrl} (${engine}), gestart in ${Math.round(performance.now() - started)} ms.`,
  );
  const notice = outboxNotice(config);
  if (notice) {
    process.stderr.write(`\n${notice}\n\n`);
    app.log.warn('SMTP_URL ontbreekt in productie: e-mail gaat naar bestanden in DATA_DIR/outbox');
  }
  if (demoLines.length) say(['', 'Demo-accounts:', ...demoLines.map((l) => `  ${l}`), ''].join('\n'));
}

main().catch((err) => {
  process.stderr.write(`\nHet platform kon niet starten: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
