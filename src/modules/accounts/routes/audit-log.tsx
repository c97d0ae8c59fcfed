// Searching the audit log: the beheerder searches everything; a board sees the entries about
// its own organisations (the board and its schools).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { isIsoDate } from '../../../platform/input/strict.ts';
import type { FormState } from '../../../ui/components.tsx';
import { findOrganisation, schoolsOfBoard } from '../repository/organisations.ts';
import { searchAudit, type AuditFilter } from '../repository/audit-search.ts';
import { notFound, queryOf } from './session.ts';
import { AuditPage } from '../views/audit-log.tsx';

function parseFilter(req: FastifyRequest): { filter: AuditFilter; form: FormState } {
  const q = queryOf(req);
  const values = {
    actie: (q.actie ?? '').slice(0, 100),
    wie: (q.wie ?? '').slice(0, 200),
    resultaat: q.resultaat ?? '',
    van: q.van ?? '',
    tot: q.tot ?? '',
  };
  const errors: Record<string, string> = {};
  if (values.van && !isIsoDate(values.van)) errors.van = 'Vul een bestaande datum in als jjjj-mm-dd.';
  if (values.tot && !isIsoDate(values.tot)) errors.tot = 'Vul een bestaande datum in als jjjj-mm-dd.';
  const filter: AuditFilter = {
    action: values.actie.trim() || undefined,
    who: values.wie.trim() || undefined,
    result: (['ok', 'geweigerd', 'mislukt'] as const).find((r) => r === values.resultaat),
    from: errors.van ? undefined : values.van || undefined,
    to: errors.tot ? undefined : values.tot || undefined,
  };
  return { filter, form: { values, errors } };
}

export function registerAuditRoutes(app: FastifyInstance, platform: Platform) {
  const db = platform.database.db;

  app.get(
    '/beheer/audit',
    { config: { access: access.platform('beheerder'), page: true, examples: { query: '?actie=inloggen' } } },
    async (req, reply: FastifyReply) => {
      const { filter, form } = parseFilter(req);
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
    },
    async (req, reply) => {
      const boardId = Number((req.params as Record<string, string>).boardId);
      const board = await findOrganisation(db, boardId);
      if (!board) throw notFound();
      const schools = await schoolsOfBoard(db, boardId);
      const { filter, form } = parseFilter(req);
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
