// When a process started, to tell a lock holder from a later process that got the same pid
// (pids are reused, quickly in containers). Linux only: elsewhere the answers are null and
// the lock falls back to "the pid is alive".
import fs from 'node:fs';

/** Clock ticks since boot at which the process started (/proc/PID/stat, field 22). */
export function processStartTicks(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) may contain spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // fields[0] is field 3
  } catch {
    return null;
  }
}

/** When the process started, in ms since the epoch (to whole seconds: boot time is in seconds). */
export function processStartedAt(pid: number): number | null {
  const ticks = processStartTicks(pid);
  if (ticks === null) return null;
  try {
    const btime = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'))?.[1];
    if (!btime) return null;
    // USER_HZ, the unit of /proc times, is 100 on every Linux architecture Node supports.
    return Number(btime) * 1000 + Number(ticks) * 10;
  } catch {
    return null;
  }
}
