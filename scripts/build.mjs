// Bundles the platform for `npm start`: one ESM file per entry in dist/ (packages stay in
// node_modules). Running the bundle instead of TypeScript through tsx saves about 0.7 s of
// start-up and ~80 MB of memory. Tests and the CLI run the TypeScript directly.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

// Module descriptors load their benchmark scenarios with import('./bench.ts'); those files (and
// the load tools they use) are for `npm run bench` only and stay out of the server's bundle.
const benchesStayOut = {
  name: 'benches-stay-out',
  setup(b) {
    b.onResolve({ filter: /(^|\/)bench\.ts$/ }, (args) => ({ path: args.path, external: true }));
  },
};

export async function buildPlatform() {
  const migrations = fs
    .readdirSync(path.join(root, 'migrations'))
    .filter((f) => /^\d{4}_[a-z0-9_]+\.ts$/.test(f))
    .map((f) => path.join(root, 'migrations', f));
  const out = path.join(root, 'dist');
  fs.rmSync(out, { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
    plugins: [benchesStayOut],
  };
  await build({
    ...common,
    entryPoints: {
      main: path.join(root, 'src/main.ts'),
      'init-embedded': path.join(root, 'src/platform/db/init-embedded.ts'),
      // The worker thread that reads uploaded DUO/CBS files (src/modules/duo-import/services/parse/parse-off-thread.ts).
      'duo-import-parse-worker': path.join(root, 'src/modules/duo-import/services/parse/parse-worker.ts'),
    },
    outdir: out,
  });
  await build({ ...common, entryPoints: migrations, outdir: path.join(out, 'migrations') });
  fs.writeFileSync(path.join(out, '.built'), new Date().toISOString());
}

if (process.argv[1] === import.meta.filename) await buildPlatform();
