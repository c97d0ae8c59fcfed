// `npm run cli -- <command> [args]`; `--help` lists the commands, `<command> --help` explains one.
import { runCli } from './cli/run.ts';
import { useOwnerOnlyUmask } from './platform/private-files.ts';

// Before anything is created: commands may create the data folder or write to it.
useOwnerOnlyUmask();
runCli(process.argv.slice(2)).then((code) => process.exit(code));
