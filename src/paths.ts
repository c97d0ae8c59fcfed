// The project's root folder, found from this file both when it runs from src/ (tsx) and from
// the esbuild bundle in dist/ (npm start). Files the platform ships are read relative to it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Geen package.json gevonden boven ${start}`);
  }
}

export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));

export function fromRoot(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}

/** True in the bundle (dist/*.js), false when TypeScript runs directly through tsx. */
export const bundled = import.meta.url.endsWith('.js');
