// Events between modules, so that no two modules depend on each other. The publishing module
// names its event and payload in `PlatformEvents` (declaration merging, like Fastify's types);
// a subscribing module handles it in its descriptor (`on: { 'open-data.gewijzigd': … }`).
// With a job queue every subscriber gets its own job: durable, retried, one failure does not
// stop the others. Without one (the CLI, tests without jobs) the subscribers run at once.
import type { Jobs } from './jobs/jobs.ts';

/** Event name → payload. Publishing modules add their events here by declaration merging. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlatformEvents {}

export type EventName = keyof PlatformEvents;

export type EventHandlers = {
  [E in EventName]?: (payload: PlatformEvents[E]) => Promise<void>;
};

interface Subscription {
  module: string;
  event: string;
  handler: (payload: object) => Promise<void>;
}

export class Events {
  private readonly subscriptions: Subscription[] = [];

  constructor(private readonly jobs: () => Jobs | undefined) {}

  /** Adds a module's handlers (called once per module while the app is built). */
  subscribe(module: string, handlers: EventHandlers): void {
    for (const [event, handler] of Object.entries(handlers))
      if (handler) this.subscriptions.push({ module, event, handler: handler as Subscription['handler'] });
  }

  /** Starts a worker per subscription; publish() sends each subscriber its own job. */
  async work(jobs: Jobs): Promise<void> {
    for (const s of this.subscriptions) await jobs.work<object>(queueOf(s), (payload) => s.handler(payload));
  }

  /** Tells every subscriber. Call it after the change is committed. */
  async publish<E extends EventName>(event: E, payload: PlatformEvents[E]): Promise<void> {
    const jobs = this.jobs();
    for (const s of this.subscriptions) {
      if (s.event !== event) continue;
      if (jobs) await jobs.send(queueOf(s), payload as object, { retryLimit: 3 });
      else await s.handler(payload as object);
    }
  }
}

function queueOf(s: Subscription): string {
  return `gebeurtenis.${s.event}.${s.module}`;
}
