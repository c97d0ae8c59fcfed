// `npm run bench -- <scenario> [args]` (DATABASE_URL set: on PostgreSQL; otherwise PGlite).
import { scenarios } from './scenarios/index.ts';

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
