// The data folder holds password hashes, TOTP secrets, the cookie secret and unsent mail, so
// nobody but the platform's own user may read it. New files get owner-only modes through the
// umask; folders made by an older version (or by hand) are tightened at start.
import fs from 'node:fs';
import path from 'node:path';

/** Folders 0700, files 0600. */
export const ownerOnly = { dir: 0o700, file: 0o600 } as const;

/**
 * Every file and folder created from now on by this process (and the children it starts) is
 * owner-only. Call before anything is created: PGlite and initdb create their files with the
 * default mode 0666, which only the umask narrows.
 */
export function useOwnerOnlyUmask(): void {
  process.umask(0o077);
}

/**
 * Removes group and other access from a folder and everything in it (symbolic links are left
 * alone, as chmod would follow them). Does nothing when the folder does not exist yet.
 */
export function restrictToOwner(dir: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (!stat.isDirectory()) return;
  if (stat.mode & 0o077) fs.chmodSync(dir, stat.mode & 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) restrictToOwner(p);
    else if (entry.isFile()) {
      const mode = fs.lstatSync(p).mode;
      if (mode & 0o077) fs.chmodSync(p, mode & 0o700);
    }
  }
}

/**
 * Tightens the data folder and what the platform keeps in it. Only the platform's own entries
 * are walked, so a DATA_DIR that points at a shared folder does not change anything else.
 */
export function restrictDataDir(dataDir: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dataDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (stat.mode & 0o077) fs.chmodSync(dataDir, stat.mode & 0o700);
  for (const name of dataDirEntries) {
    const p = path.join(dataDir, name);
    const entry = fs.lstatSync(p, { throwIfNoEntry: false });
    if (entry?.isDirectory()) restrictToOwner(p);
    else if (entry?.isFile() && entry.mode & 0o077) fs.chmodSync(p, entry.mode & 0o700);
  }
}

/** What the platform keeps in DATA_DIR. */
export const dataDirEntries = ['pglite', 'outbox', 'cookie-secret', 'platform.lock'];
