// The worker thread that reads an uploaded file (see parse-off-thread.ts): parsing a large or
// hostile file takes seconds of CPU, which must not stop the web process from answering.
import { parentPort } from 'node:worker_threads';
import { parseDuoFile, type ParseOptions } from './parse.ts';
import { parseCbsScores } from './cbs.ts';
import { DuoFileError } from './duo-file.ts';
import type { ParseReply, ParseRequest } from './parse-off-thread.ts';

parentPort!.once('message', (req: ParseRequest) => {
  let reply: ParseReply;
  try {
    const buf = Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength);
    const opts: ParseOptions = req.opts;
    reply =
      req.source === 'duo'
        ? { ok: true, source: 'duo', parsed: parseDuoFile(buf, opts) }
        : { ok: true, source: 'cbs', parsed: parseCbsScores(buf, opts) };
  } catch (err) {
    reply = {
      ok: false,
      fileError: err instanceof DuoFileError,
      message: (err as Error)?.message ?? String(err),
      line: err instanceof DuoFileError ? err.line : undefined,
    };
  }
  parentPort!.postMessage(reply);
});
