// Searching the audit log: the beheerder searches everything; a board sees the entries about
// its own organisations (the board and its schools).
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { id, params, query, text } from '../../../platform/http/schemas.ts';
import { searchAudit } from '../repository/audit-search.ts';
import { findOrganisation, schoolsOfBoard } from '../repository/organisations.ts';
import { parseAuditFilter } from '../services/audit-filter.ts';
import { AuditPage } from '../views/audit-log.tsx';

// Long search terms are cut rather than refused; a date that does not exist gets a Dutch
// message on the page itself (the service), with the values kept.
const auditQuery = query({
  actie: text(1000).transform((s) => s.slice(0, 100)),
  wie: text(1000).transform((s) => s.slice(0, 200)),
  resultaat: text(1000),
  van: text(1000),
  tot: text(1000),
});

export function registerAuditRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  app.get(
    '/beheer/audit',
    {
      config: { access: access.platform('beheerder'), page: true, examples: { query: '?actie=inloggen' } },
      schema: { querystring: auditQuery },
    },
    async (req, reply) => {
      const { filter, form } = parseAuditFilter(req.query);
      const rows = await searchAudit(db, filter);
      return reply.page(
        <AuditPage
          ctx={reply.ctx()}
          title="Auditlog"
          action="/beheer/audit"
          form={form}
          rows={rows}
          showIp
        />,
        Object.keys(form.errors).length ? 400 : 200,
      );
    },
  );

  app.get(
    '/besturen/:boardId/audit',
    {
      config: {
        access: access.board(['bestuur']),
        page: true,
        examples: { params: ({ boardId }) => ({ boardId }) },
      },
      schema: { params: params({ boardId: id }), querystring: auditQuery },
    },
    async (req, reply) => {
      const { boardId } = req.params;
      const board = await findOrganisation(db, boardId);
      if (!board) throw notFound();
      const schools = await schoolsOfBoard(db, boardId);
      const { filter, form } = parseAuditFilter(req.query);
      const rows = await searchAudit(db, { ...filter, orgIds: [boardId, ...schools.map((s) => s.id)] });
      return reply.page(
        <AuditPage
          ctx={reply.ctx()}
          title={`Auditlog van ${board.name}`}
          action={`/besturen/${boardId}/audit`}
          form={form}
          rows={rows}
          showIp={false}
        />,
        Object.keys(form.errors).length ? 400 : 200,
      );
    },
  );
}
