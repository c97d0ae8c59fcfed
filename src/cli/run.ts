// The CLI's dispatcher: finds the command, answers --help for every command without running
// it (nothing is opened, nothing is changed), loads the configuration and runs the command.
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { commands as allCommands } from './commands.ts';
import type { CliContext, Command } from '../platform/cli/command.ts';
import { openConfiguredDatabase } from '../platform/db/open.ts';
import type { Database } from '../platform/db/database.ts';
import { restrictDataDir } from '../platform/private-files.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  tty: boolean;
  loadConfig: () => Config;
  openDatabase: (config: Config, say: (m: string) => void) => Promise<Database>;
  /** Tightens the data folder's modes before a command uses it (the real process only). */
  prepareDataDir?: (config: Config) => void;
}

export const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  tty: Boolean(process.stdout.isTTY),
  loadConfig,
  openDatabase: openConfiguredDatabase,
  prepareDataDir: (config) => restrictDataDir(config.dataDir),
};

const helpFlags = new Set(['--help', '-h']);

export function overview(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'Gebruik: npm run cli -- <opdracht> [argumenten]',
    '',
    'Opdrachten:',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.description}`),
    '',
    'Hulp bij één opdracht: npm run cli -- <opdracht> --help',
    'Met de ingebouwde database moet het platform zelf gestopt zijn (de map is vergrendeld).',
  ].join('\n');
}

export function commandHelp(c: Command): string {
  return [`Gebruik: npm run cli -- ${c.usage}`, '', c.description, ...(c.help ? ['', ...c.help] : [])].join(
    '\n',
  );
}

export async function runCli(argv: string[], io: CliIo = processIo, commands = allCommands): Promise<number> {
  const [name, ...args] = argv;
  if (!name || helpFlags.has(name) || name === 'help') {
    io.stdout(`${overview(commands)}\n`);
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Onbekende opdracht "${name}".\n\n${overview(commands)}\n`);
    return 2;
  }
  // Before anything else: `<command> --help` only prints, whatever else is on the line.
  if (args.some((a) => helpFlags.has(a))) {
    io.stdout(`${commandHelp(command)}\n`);
    return 0;
  }
  let config;
  try {
    config = io.loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  io.prepareDataDir?.(config);
  let database: Database | undefined;
  const ctx: CliContext = {
    config,
    async database() {
      database ??= await io.openDatabase(config, (m) => io.stdout(`${m}\n`));
      return database;
    },
    out: (line) => io.stdout(`${line}\n`),
    progress(label, done, total) {
      const pct = total ? Math.floor((done / total) * 100) : 100;
      const line = `${label}: ${done}/${total} (${pct}%)`;
      if (io.tty) io.stdout(`\r${line}${done >= total ? '\n' : ''}`);
      else if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0) io.stdout(`${line}\n`);
    },
  };
  try {
    return (await command.run(args, ctx)) ?? 0;
  } catch (err) {
    io.stderr(`Fout: ${(err as Error).message}\n`);
    return 1;
  } finally {
    await database?.close();
  }
}
