// Creates a new PGlite data folder (initdb) in a short-lived child process. initdb leaves the
// process that ran it at ~750 MB for good; the server then opens the finished folder at a
// fraction of that.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openPGlite } from './pglite.ts';
import { bundled, fromRoot } from '../../paths.ts';
import { useOwnerOnlyUmask } from '../private-files.ts';

export async function ensureEmbeddedDataDir(dir: string): Promise<void> {
  if (fs.existsSync(`${dir}/PG_VERSION`)) return;
  await new Promise<void>((resolve, reject) => {
    const child = bundled
      ? fork(fromRoot('dist', 'init-embedded.js'), [dir], { execArgv: [], stdio: 'inherit' })
      : fork(fromRoot('src', 'platform', 'db', 'init-embedded.ts'), [dir], {
          execArgv: ['--import', 'tsx'],
          stdio: 'inherit',
        });
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`De database in ${dir} kon niet worden aangemaakt (code ${code}).`)),
    );
  });
}

// Run as the child: the bundle's own entry (dist/init-embedded.js), or this file under tsx.
const self = process.argv[1] ?? '';
if (self.endsWith('init-embedded.js') || self === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2]!;
  // Also when forked by a caller that did not narrow its umask (tests, tools).
  useOwnerOnlyUmask();
  fs.mkdirSync(dir, { recursive: true });
  const pglite = await openPGlite({ dataDir: dir });
  await pglite.close();
}
