// `npm start`: builds dist/ when it is missing or older than the sources, then runs it.
// The platform runs in this process (no child): package.json starts it with `exec`, so npm's
// shell is replaced by node and the SIGTERM that npm forwards reaches the platform itself.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const marker = path.join(root, 'dist', '.built');

function newestSource(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.tsx?$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const builtAt = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
const sourcesAt = Math.max(newestSource(path.join(root, 'src')), newestSource(path.join(root, 'migrations')));
if (sourcesAt > builtAt) {
  const { buildPlatform } = await import('./build.mjs');
  await buildPlatform();
}
await import(path.join(root, 'dist', 'main.js'));
