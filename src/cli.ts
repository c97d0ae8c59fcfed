// `npm run cli -- <command> [args]`; `--help` lists the commands, `<command> --help` explains one.
import { runCli } from './cli/run.ts';

runCli(process.argv.slice(2)).then((code) => process.exit(code));
