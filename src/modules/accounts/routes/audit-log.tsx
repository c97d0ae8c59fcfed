// Searching the audit log: the beheerder searches everything; a board sees the entries about
// its own organisations (the board and its schools). Both page through the log and download
// what they found as CSV.
import type { FastifyReply } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { id, params, query, text, z } from '../../../platform/http/schemas.ts';
import { exportAudit, objectNames, searchAudit, type AuditFilter } from '../repository/audit-search.ts';
import { findOrganisation, schoolsOfBoard } from '../repository/organisations.ts';
import { parseAuditFilter } from '../services/audit-filter.ts';
import { auditCsv, auditCsvMax } from '../services/audit-csv.ts';
import { AuditPage } from '../views/audit-log.tsx';

// Long search terms are cut rather than refused; a date that does not exist gets a Dutch
// message on the page itself (the service), with the values kept.
const filterFields = {
  actie: text(1000).transform((s) => s.slice(0, 100)),
  wie: text(1000).transform((s) => s.slice(0, 200)),
  resultaat: text(1000),
  van: text(1000),
  tot: text(1000),
};
const cursor = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 53)
  .optional()
  .catch(undefined);
const auditQuery = query({ ...filterFields, voor: cursor, na: cursor });
const csvQuery = query(filterFields);
const boardParams = params({ boardId: id });

export function registerAuditRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  const page = async (
    q: z.infer<typeof auditQuery>,
    reply: FastifyReply,
    where: { title: string; action: string; showIp: boolean; orgIds?: number[] },
  ) => {
    const { filter, form } = parseAuditFilter(q);
    const found = await searchAudit(db, { ...filter, orgIds: where.orgIds }, { before: q.voor, after: q.na });
    return reply.page(
      <AuditPage
        ctx={reply.ctx()}
        title={where.title}
        action={where.action}
        form={form}
        found={found}
        names={await objectNames(db, found.rows)}
        showIp={where.showIp}
      />,
      Object.keys(form.errors).length ? 400 : 200,
    );
  };

  const csv = async (reply: FastifyReply, filter: AuditFilter, fileName: string, showIp: boolean) => {
    const rows = await exportAudit(db, filter, auditCsvMax);
    return reply
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send(auditCsv(rows, await objectNames(db, rows), showIp));
  };

  app.get(
    '/beheer/audit',
    {
      config: { access: access.platform('beheerder'), page: true, examples: { query: '?actie=inloggen' } },
      schema: { querystring: auditQuery },
    },
    async (req, reply) =>
      page(req.query, reply, { title: 'Auditlog', action: '/beheer/audit', showIp: true }),
  );

  app.get(
    '/beheer/audit.csv',
    {
      config: { access: access.platform('beheerder'), examples: { query: '?actie=inloggen' } },
      schema: { querystring: csvQuery },
    },
    async (req, reply) => csv(reply, parseAuditFilter(req.query).filter, 'auditlog.csv', true),
  );

  const boardScope = async (boardId: number) => {
    const board = await findOrganisation(db, boardId);
    if (!board) throw notFound();
    const schools = await schoolsOfBoard(db, boardId);
    return { board, orgIds: [boardId, ...schools.map((s) => s.id)] };
  };

  app.get(
    '/besturen/:boardId/audit',
    {
      config: {
        access: access.board(['bestuur']),
        page: true,
        examples: { params: ({ boardId }) => ({ boardId }) },
      },
      schema: { params: boardParams, querystring: auditQuery },
    },
    async (req, reply) => {
      const { boardId } = req.params;
      const { board, orgIds } = await boardScope(boardId);
      return page(req.query, reply, {
        title: `Auditlog van ${board.name}`,
        action: `/besturen/${boardId}/audit`,
        showIp: false,
        orgIds,
      });
    },
  );

  app.get(
    '/besturen/:boardId/audit.csv',
    {
      config: { access: access.board(['bestuur']), examples: { params: ({ boardId }) => ({ boardId }) } },
      schema: { params: boardParams, querystring: csvQuery },
    },
    async (req, reply) => {
      const { orgIds } = await boardScope(req.params.boardId);
      return csv(
        reply,
        { ...parseAuditFilter(req.query).filter, orgIds },
        `auditlog-bestuur-${req.params.boardId}.csv`,
        false,
      );
    },
  );
}
