// Tells the page memo (services/page-memo.ts) whose data a write may have changed, before its
// response leaves: so the page a redirect leads to is already worked out afresh. Registered on
// the whole app, so writes of other modules (the scan's focus points, the board's reservations,
// the menu) count as well.
import type { App, Platform } from '../../../platform/platform.ts';
import type { PageMemo } from '../services/page-memo.ts';

const reads = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerPageMemoHook(app: App, platform: Platform, memo: PageMemo) {
  const db = platform.database.db;
  app.addHook('onSend', async (req, _reply, payload) => {
    if (reads.has(req.method)) return payload;
    const p = (req.params ?? {}) as Record<string, unknown>;
    const schoolId = Number(p.schoolId);
    const boardId = Number(p.boardId);
    if (Number.isInteger(schoolId) && schoolId > 0) {
      const school = await db
        .selectFrom('organisation')
        .select('parent_id')
        .where('id', '=', schoolId)
        .executeTakeFirst();
      memo.forgetSchool(schoolId, school?.parent_id ?? null);
    }
    if (Number.isInteger(boardId) && boardId > 0) memo.forgetBoard(boardId);
    // The menu, the rates, organisations and programme settings touch everyone; only the
    // ministry's and the platform's people change them (a sign-in or one's own account does not).
    const platformWriter = req.principal?.memberships.some((m) => m.organisationKind === 'ministerie');
    if (!(schoolId > 0) && !(boardId > 0) && platformWriter) memo.forgetAll();
    return payload;
  });
}
