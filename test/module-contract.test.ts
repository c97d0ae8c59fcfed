// The module contract (src/platform/module.ts) checked on the source tree: the platform imports
// no module, no module imports the app, modules do not import each other in a circle, every
// module has the one folder shape, every migration belongs to one module's number range, and
// no file only re-exports another.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { modules } from '../src/modules/index.ts';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The files a source file imports (relative imports only), as absolute paths. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s*'(\.[^']+)'/g)].map(
    (m) => m[1]!,
  );
  const dynamic = [...text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g)].map((m) => m[1]!);
  return [...specs, ...dynamic].map((s) => path.resolve(path.dirname(file), s));
}

const rel = (p: string) => path.relative(root, p);
const moduleOf = (p: string) => /^src\/modules\/([^/]+)\//.exec(rel(p))?.[1];
const allFiles = filesUnder(src);

test('no file in src/modules imports src/app.ts', () => {
  const offenders = allFiles
    .filter((f) => moduleOf(f))
    .filter((f) => importsOf(f).includes(path.join(src, 'app.ts')))
    .map(rel);
  assert.deepEqual(offenders, []);
});

test('no file in src/platform imports a module', () => {
  const offenders = allFiles
    .filter((f) => rel(f).startsWith('src/platform/'))
    .flatMap((f) =>
      importsOf(f)
        .filter((i) => moduleOf(i))
        .map((i) => `${rel(f)} → ${rel(i)}`),
    );
  assert.deepEqual(offenders, []);
});

test('modules do not import each other in a circle', () => {
  const edges = new Map<string, Set<string>>();
  for (const f of allFiles) {
    const from = moduleOf(f);
    if (!from || rel(f) === 'src/modules/index.ts') continue;
    for (const i of importsOf(f)) {
      const to = moduleOf(i);
      if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  const circles: string[] = [];
  const walk = (start: string, at: string, trail: string[]) => {
    for (const next of edges.get(at) ?? []) {
      if (next === start) circles.push([...trail, next].join(' → '));
      else if (!trail.includes(next)) walk(start, next, [...trail, next]);
    }
  };
  for (const m of edges.keys()) walk(m, m, [m]);
  assert.deepEqual(circles, []);
});

const allowedTopLevel = new Set([
  'index.ts',
  'tables.ts',
  'messages.ts',
  'events.ts',
  'README.md',
  'cli.ts',
  'demo.ts',
  'dashboard.ts',
  'workers.ts',
  'bench.ts',
  'routes',
  'views',
  'services',
  'repository',
  'tests',
]);

test('every module folder has the one shape, and its tests live in tests/', () => {
  const problems: string[] = [];
  for (const name of fs.readdirSync(path.join(src, 'modules'))) {
    const dir = path.join(src, 'modules', name);
    if (!fs.statSync(dir).isDirectory()) continue;
    if (!fs.existsSync(path.join(dir, 'index.ts'))) problems.push(`${name}: geen index.ts (descriptor)`);
    for (const entry of fs.readdirSync(dir))
      if (!allowedTopLevel.has(entry)) problems.push(`${name}/${entry} hoort in een van de vaste mappen`);
    for (const f of filesUnder(dir))
      if (/\.test\.tsx?$/.test(f) && !rel(f).startsWith(`src/modules/${name}/tests/`))
        problems.push(`${rel(f)}: tests staan in tests/`);
  }
  assert.deepEqual(problems, []);
});

test('every module folder is in src/modules/index.ts, once', () => {
  const folders = fs
    .readdirSync(path.join(src, 'modules'))
    .filter((n) => fs.statSync(path.join(src, 'modules', n)).isDirectory())
    .sort();
  assert.deepEqual(modules.map((m) => m.name).sort(), folders);
});

test('every migration belongs to the platform (0001–0099) or to exactly one module’s range', () => {
  const ranges = modules.flatMap((m) => (m.migrations ? [{ name: m.name, range: m.migrations }] : []));
  const problems: string[] = [];
  for (const file of fs.readdirSync(path.join(root, 'migrations'))) {
    const n = Number(/^(\d{4})_/.exec(file)?.[1]);
    if (!n) continue;
    const owners = ranges.filter((r) => n >= r.range[0] && n <= r.range[1]).map((r) => r.name);
    if (n <= 99 ? owners.length !== 0 : owners.length !== 1)
      problems.push(`${file}: ${owners.join(', ') || 'geen eigenaar'}`);
  }
  assert.deepEqual(problems, []);
});

test('no source file only re-exports another', () => {
  const reexportOnly = allFiles.filter((f) => {
    const code = fs
      .readFileSync(f, 'utf8')
      .replace(/\/\/.*$/gm, '')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .trim();
    return (
      code.length > 0 &&
      code
        .split(/;\s*/)
        .filter(Boolean)
        .every((s) => /^export\s.*\sfrom\s/s.test(s.trim()))
    );
  });
  assert.deepEqual(reexportOnly.map(rel), []);
});
