// Reading a file runs in a worker thread: the web process's event loop keeps answering while a
// 40 MB quoted field is parsed (4.3 s of CPU when parsed on the main thread here), and file
// errors come back as DuoFileErrors with their line.
import assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { test } from 'node:test';
import { parseInWorker } from '../services/parse/parse-off-thread.ts';
import { DuoFileError } from '../services/parse/duo-file.ts';

const header =
  'PROVINCIE;BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;PLAATSNAAM;GEMEENTENUMMER;GEMEENTENAAM;DENOMINATIE';

test('a 40 MB quoted field is parsed off the event loop: no timer waits longer than 1 s', async () => {
  const big = Buffer.from(
    `${header}\r\nUtrecht;500;Q001;Q00100;"${'x'.repeat(40_000_000)}";UTRECHT;0344;UTRECHT;Openbaar\r\n`,
    'latin1',
  );
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const parsed = await parseInWorker('duo', big, {});
  // One more turn of the loop, so a block that just ended is measured too.
  await new Promise((resolve) => setTimeout(resolve, 50));
  delay.disable();
  assert.equal(parsed.schools.length, 1);
  assert.ok(delay.max / 1e6 < 1000, `the event loop waited ${Math.round(delay.max / 1e6)} ms`);
});

test('a file error in the worker comes back as a DuoFileError with its line', async () => {
  await assert.rejects(
    parseInWorker('duo', Buffer.from('A;B\r\n1;2\r\n'), {}),
    (e: unknown) => e instanceof DuoFileError && e.line === 1 && /herkennen we niet/.test(e.message),
  );
});
