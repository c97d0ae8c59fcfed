// A command of `npm run cli -- <command>`. Modules name theirs in their descriptor.
import type { Config } from '../../config.ts';
import type { Database } from '../db/database.ts';

export interface CliContext {
  config: Config;
  /** Opens (and migrates) the configured database; the CLI closes it afterwards. */
  database(): Promise<Database>;
  out: (line: string) => void;
  /** A progress line that rewrites itself on a terminal. */
  progress: (label: string, done: number, total: number) => void;
}

export interface Command {
  name: string;
  usage: string;
  description: string;
  /** More lines for `<command> --help`: options and what the command does in detail. */
  help?: string[];
  run(args: string[], ctx: CliContext): Promise<number | void>;
}
