// `npm run bench -- <scenario> [args]` (DATABASE_URL set: on PostgreSQL; otherwise PGlite).
import { scenarios as platformScenarios } from './scenarios/index.ts';
import { modules } from '../src/modules/index.ts';

// The platform's own scenarios, then each module's (its descriptor's `bench`).
const moduleScenarios = await Promise.all(modules.map((m) => m.bench?.() ?? []));
const scenarios = [...platformScenarios, ...moduleScenarios.flat()];

const [name, ...args] = process.argv.slice(2);
const scenario = scenarios.find((s) => s.name === name);
if (!scenario) {
  console.log("Gebruik: npm run bench -- <scenario>\n\nScenario's:");
  for (const s of scenarios) console.log(`  ${s.name.padEnd(14)} ${s.description}`);
  process.exit(name ? 2 : 0);
}
console.log(
  `# ${scenario.name} — ${new Date().toISOString()} — node ${process.version}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`,
);
await scenario.run(args);
