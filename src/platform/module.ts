// The module contract. A module is one area of the platform (accounts, funding, menukaart, …)
// and exports exactly one descriptor, made with defineModule(). `src/modules/index.ts` lists the
// descriptors; the app, the CLI, the demo, the job runner and the benchmarks read everything
// they need from that one list. The platform itself never imports a module.
//
// A module's tables are typed in its `tables.ts`, which adds them to the database type `DB`
// (platform/db/schema.ts) by declaration merging; its migrations are the files in migrations/
// whose numbers fall in its range (checked by test/module-contract.test.ts).
import type { NavItem } from '../ui/context.ts';
import type { App, Platform } from './platform.ts';
import type { Jobs } from './jobs/jobs.ts';
import type { Command } from './cli/command.ts';
import type { DemoStep } from './demo-step.ts';
import type { DashboardProvider } from './dashboard.ts';
import type { EventHandlers } from './events.ts';

/** A benchmark scenario of `npm run bench -- <name>`. */
export interface BenchScenario {
  name: string;
  description: string;
  run(args: string[]): Promise<void>;
}

export interface ModuleDescriptor {
  /** Short and unique; also the prefix of its job queues and its usual cache tag. */
  name: string;
  /** The migration numbers the module owns, inclusive: [200, 299] for 0200–0299. */
  migrations?: readonly [number, number];
  /** Menu items, in order. */
  nav?: NavItem[];
  /** Registers the module's routes; each declares access, schemas and (for writes) its audit actions. */
  routes?(app: App, platform: Platform): Promise<void> | void;
  /** Starts the module's job workers and schedules (only in processes with a job queue). */
  workers?(jobs: Jobs, platform: Platform): Promise<void>;
  /** Runs once when the platform starts, after the workers (e.g. queue the first open-data load). */
  onStart?(platform: Platform): Promise<void>;
  /** Handlers for other modules' events (platform/events.ts). */
  on?: (platform: Platform) => EventHandlers;
  /** Commands of `npm run cli -- <command>`. */
  commands?: Command[];
  /** What the module adds to the demo data. */
  demo?: DemoStep;
  /** What the dashboard shows for the module. */
  dashboard?: DashboardProvider;
  /** The cache tags the module invalidates and caches under (platform/http/cache-tags.ts). */
  cacheTags?: string[];
  /** Benchmark scenarios, loaded only by `npm run bench` (never part of the server bundle). */
  bench?: () => Promise<BenchScenario[]>;
}

/** Identity function that gives a descriptor its type (and editors their completions). */
export function defineModule(descriptor: ModuleDescriptor): ModuleDescriptor {
  return descriptor;
}
