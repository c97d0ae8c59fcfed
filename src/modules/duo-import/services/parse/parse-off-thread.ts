// Reads an uploaded DUO or CBS file in a worker thread. Parsing is pure CPU (a 40 MB quoted
// field took 5 s); on the web process's own thread it would stop every request meanwhile.
// The worker gets a memory ceiling, so a file that would need more fails as a file error.
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { bundled } from '../../../../paths.ts';
import { DuoFileError, type ParsedFile } from './duo-file.ts';
import type { ParseOptions } from './parse.ts';
import type { ParsedScores } from './cbs.ts';

export type ParseRequest = { source: 'duo' | 'cbs'; bytes: Uint8Array; opts: ParseOptions };
export type ParseReply =
  | { ok: true; source: 'duo'; parsed: ParsedFile }
  | { ok: true; source: 'cbs'; parsed: ParsedScores }
  | { ok: false; fileError: boolean; message: string; line?: number };

/** Heap for one parse: the largest shipped file (24,000 lines) needs about a tenth of it. */
const maxHeapMb = 512;

// npm start runs the esbuild bundle, which has the worker as its own file beside main.js.
// Tests and the CLI run TypeScript through tsx, whose loader a worker thread does not inherit
// from the test runner: there the worker registers it before it loads the TypeScript file.
function startWorker(options: WorkerOptions): Worker {
  if (bundled) return new Worker(new URL('./duo-import-parse-worker.js', import.meta.url), options);
  const file = new URL('./parse-worker.ts', import.meta.url).href;
  // Resolved here, so the worker finds tsx whatever the working directory.
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file)}); });`,
    { ...options, eval: true },
  );
}

export function parseInWorker(source: 'duo', buf: Buffer, opts: ParseOptions): Promise<ParsedFile>;
export function parseInWorker(source: 'cbs', buf: Buffer, opts: ParseOptions): Promise<ParsedScores>;
export function parseInWorker(
  source: 'duo' | 'cbs',
  buf: Buffer,
  opts: ParseOptions,
): Promise<ParsedFile | ParsedScores> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.once('message', (reply: ParseReply) =>
      settle(() => {
        if (reply.ok) resolve(reply.parsed);
        else if (reply.fileError) reject(new DuoFileError(reply.message, reply.line));
        else reject(new Error(reply.message));
      }),
    );
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new DuoFileError(
                'Het bestand is te groot of te ingewikkeld om te lezen. Controleer of het het bestand is zoals DUO of het CBS het publiceert.',
              )
            : err,
        ),
      ),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`Het leesproces stopte onverwacht (code ${code}).`))),
    );
    // A copy, handed over (not cloned again) to the worker.
    const bytes = new Uint8Array(buf);
    const req: ParseRequest = { source, bytes, opts };
    worker.postMessage(req, [bytes.buffer]);
  });
}
