// `npm run cli -- <command> [args]`; `--help` lists the commands.
import { ConfigError, loadConfig } from './config.ts';
import { commands, type CliContext } from './cli/commands.ts';
import { openConfiguredDatabase } from './platform/db/open.ts';
import type { Database } from './platform/db/database.ts';
import { restrictDataDir, useOwnerOnlyUmask } from './platform/private-files.ts';

function help(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'Gebruik: npm run cli -- <opdracht> [argumenten]',
    '',
    'Opdrachten:',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.description}`),
    '',
    'Met de ingebouwde database moet het platform zelf gestopt zijn (de map is vergrendeld).',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Onbekende opdracht "${name}".\n\n${help()}\n`);
    return 2;
  }
  // Before anything is created: commands may create the data folder or write to it.
  useOwnerOnlyUmask();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  restrictDataDir(config.dataDir);
  let database: Database | undefined;
  const tty = process.stdout.isTTY;
  const ctx: CliContext = {
    config,
    async database() {
      database ??= await openConfiguredDatabase(config, (m) => process.stdout.write(`${m}\n`));
      return database;
    },
    out: (line) => process.stdout.write(`${line}\n`),
    progress(label, done, total) {
      const pct = total ? Math.floor((done / total) * 100) : 100;
      const line = `${label}: ${done}/${total} (${pct}%)`;
      if (tty) process.stdout.write(`\r${line}${done >= total ? '\n' : ''}`);
      else if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0)
        process.stdout.write(`${line}\n`);
    },
  };
  try {
    return (await command.run(args, ctx)) ?? 0;
  } catch (err) {
    process.stderr.write(`Fout: ${(err as Error).message}\n`);
    return 1;
  } finally {
    await database?.close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
