// `<command> --help` prints the command's help and does nothing else, for every command: no
// configuration is loaded, no database opened, the command itself never runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commands } from './commands.ts';
import { runCli, type CliIo } from './run.ts';

function recordingIo() {
  const calls = { config: 0, database: 0, stdout: '' };
  const io: CliIo = {
    stdout: (t) => {
      calls.stdout += t;
    },
    stderr: () => {},
    tty: false,
    loadConfig: () => {
      calls.config++;
      throw new Error('loadConfig must not be called for --help');
    },
    openDatabase: async () => {
      calls.database++;
      throw new Error('openDatabase must not be called for --help');
    },
  };
  return { io, calls };
}

test('every command answers --help (anywhere on the line) with its usage, without loading config or opening the database', async () => {
  assert.ok(commands.some((c) => c.name === 'seed-demo') && commands.some((c) => c.name === 'totp-code'));
  for (const c of commands) {
    for (const argv of [
      [c.name, '--help'],
      [c.name, 'iets', '-h'],
    ]) {
      const { io, calls } = recordingIo();
      const code = await runCli(argv, io);
      assert.equal(code, 0, `${argv.join(' ')} exits 0`);
      assert.ok(
        calls.stdout.includes(`Gebruik: npm run cli -- ${c.usage}`),
        `${argv.join(' ')} prints usage`,
      );
      assert.ok(calls.stdout.includes(c.description), `${argv.join(' ')} prints the description`);
      assert.deepEqual([calls.config, calls.database], [0, 0], `${argv.join(' ')} does nothing`);
    }
  }
});

test('--help alone lists every command; an unknown command exits 2 with the list', async () => {
  const { io, calls } = recordingIo();
  assert.equal(await runCli(['--help'], io), 0);
  for (const c of commands) assert.ok(calls.stdout.includes(c.usage));
  const other = recordingIo();
  assert.equal(await runCli(['bestaat-niet'], other.io), 2);
  assert.equal(other.calls.config, 0);
});
