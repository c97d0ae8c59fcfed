// The figures of the programme's busiest pages (the plan's home, the budget overview, the board's
// overview and drill-down), worked out once per state of their data instead of on every view.
// Each of those pages reads twenty-odd queries and renders tens of kilobytes; people read them
// far more often than they change anything.
//
// What a page shows depends on its school, its board and a few platform-wide things (the menu,
// the rates). Every change to them arrives as a write request (any method but GET/HEAD): the
// route's :schoolId or :boardId says whose data may have changed, and a write without either
// (the menu's editors, the rates) may have changed anyone's. `forget*` bumps a generation; an
// entry is served only while the generations it was computed under still stand, and a result
// computed while a write happened is not kept. Writes outside a request (the open-data job
// recomputing allocations, a command in another process) are seen within `maxAgeMs`.
import { BoundedCache } from '../../../platform/http/bounded-cache.ts';

interface Entry {
  stamp: string;
  at: number;
  value: unknown;
}

/** Whose data a page shows: its school (if any) and the board above it (if any). */
export interface MemoOwner {
  schoolId?: number;
  boardId?: number | null;
}

/** What one entry may hold at most: its figures plus four page templates. */
const entryBytes = 4096 + 4 * 20 * 1024;

export class PageMemo {
  private readonly entries: BoundedCache<string, Entry>;
  private all = 0;
  private readonly schools = new Map<number, number>();
  private readonly boards = new Map<number, number>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly maxAgeMs = 60_000,
    maxEntries = 2_000,
  ) {
    // A value is a few kilobytes of figures, and a plan or budget value also carries up to four
    // rendered templates of about 20 KB (platform/http/page-template.tsx: two languages, may edit or not).
    // Each entry is counted at that worst case, so the whole memo stays within 64 MB.
    this.entries = new BoundedCache(maxEntries, 64 * 1024 * 1024);
  }

  private stamp(o: MemoOwner): string {
    const s = o.schoolId === undefined ? '-' : (this.schools.get(o.schoolId) ?? 0);
    const b = o.boardId == null ? '-' : (this.boards.get(o.boardId) ?? 0);
    return `${this.all}:${s}:${b}`;
  }

  /** The value for `key`, computed when there is none for the owner's current data. */
  async get<T>(owner: MemoOwner, key: string, compute: () => Promise<T>): Promise<T> {
    const stamp = this.stamp(owner);
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp && this.clock() - hit.at < this.maxAgeMs) return hit.value as T;
    const at = this.clock();
    const value = await compute();
    // A write that happened meanwhile may not be in it: serve it once, do not keep it.
    if (this.stamp(owner) === stamp) this.entries.set(key, { stamp, at, value }, entryBytes);
    return value;
  }

  forgetSchool(schoolId: number, boardId: number | null) {
    this.schools.set(schoolId, (this.schools.get(schoolId) ?? 0) + 1);
    // The board's pages count this school too.
    if (boardId !== null) this.forgetBoard(boardId);
  }

  forgetBoard(boardId: number) {
    this.boards.set(boardId, (this.boards.get(boardId) ?? 0) + 1);
  }

  forgetAll() {
    this.all++;
  }
}
