// An exclusive lock on the embedded data folder. Two processes on one PGlite folder silently
// lose each other's writes, so a second process must refuse before it opens anything.
// The lock records the holder's pid and start time: a pid alone may since belong to another
// process (after a crash and a reboot, or in a container where pids restart at 1), which
// would keep the folder locked for good.
import fs from 'node:fs';
import path from 'node:path';
import { ownerOnly } from '../private-files.ts';
import { processStartTicks, processStartedAt } from './process-start.ts';

export class DataDirLockedError extends Error {
  constructor(
    public readonly dir: string,
    public readonly pid: number,
  ) {
    super(
      `De database in ${dir} is al in gebruik door proces ${pid}. ` +
        `Stop dat proces eerst (of gebruik een andere DATA_DIR); er is niets gewijzigd.`,
    );
  }
}

/** Whether the process that wrote this lock still runs. */
function holderRuns(file: string, content: string): number | null {
  const [pidLine, startLine] = content.split('\n');
  const pid = Number(pidLine?.trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isAlive(pid)) return null;
  const recorded = startLine?.trim();
  if (recorded) {
    const now = processStartTicks(pid);
    return now === null || now === recorded ? pid : null;
  }
  // A lock with only a pid (older versions): the holder cannot have started after the lock
  // was written. Two seconds of slack for the whole-second boot time.
  const startedAt = processStartedAt(pid);
  return startedAt !== null && startedAt > fs.statSync(file).mtimeMs + 2000 ? null : pid;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws DataDirLockedError. Returns a function that releases it. */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true, mode: ownerOnly.dir });
  const file = path.join(dir, 'platform.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n${processStartTicks(process.pid) ?? ''}\n`, {
        flag: 'wx',
        mode: ownerOnly.file,
      });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = holderRuns(file, fs.readFileSync(file, 'utf8'));
      if (holder !== null) throw new DataDirLockedError(dir, holder);
      // A stale lock from a process that died (or whose pid now belongs to another): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Kon de vergrendeling ${file} niet nemen.`);
}
