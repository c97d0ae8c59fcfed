// Searching the audit log: the beheerder searches everything; a board sees the entries about
// its own organisations (the board and its schools).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Platform } from '../../../app.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { access } from '../../../platform/auth/access.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Button,
  Heading,
  Paragraph,
  SelectField,
  Table,
  TextField,
  type FormState,
} from '../../../ui/components.tsx';
import type { ViewContext } from '../../../ui/context.ts';
import * as repo from '../repository.ts';
import { notFound, queryOf } from '../http.ts';

export interface AuditFilter {
  action?: string;
  who?: string;
  result?: 'ok' | 'geweigerd' | 'mislukt';
  from?: string;
  to?: string;
  /** Only entries about these organisations (a board's view). */
  orgIds?: number[];
}

export async function searchAudit(db: Kysely<DB>, f: AuditFilter, limit = 100) {
  let q = db
    .selectFrom('audit_event as a')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_label',
      'a.action',
      'a.object_type',
      'a.object_id',
      'a.result',
      'a.ip',
      'o.name as organisation_name',
    ])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit);
  const esc = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  if (f.action) q = q.where('a.action', 'like', `${esc(f.action)}%`);
  if (f.who) q = q.where('a.actor_label', 'ilike', `%${esc(f.who)}%`);
  if (f.result) q = q.where('a.result', '=', f.result);
  if (f.from) q = q.where('a.at', '>=', sql<Date>`${f.from}::date`);
  if (f.to) q = q.where('a.at', '<', sql<Date>`${f.to}::date + 1`);
  if (f.orgIds) q = q.where('a.organisation_id', 'in', f.orgIds.length ? f.orgIds : [-1]);
  return q.execute();
}

const dateRe = /^\d{4}-\d{2}-\d{2}$/;

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
  if (values.van && !dateRe.test(values.van)) errors.van = 'Vul de datum in als jjjj-mm-dd.';
  if (values.tot && !dateRe.test(values.tot)) errors.tot = 'Vul de datum in als jjjj-mm-dd.';
  const filter: AuditFilter = {
    action: values.actie.trim() || undefined,
    who: values.wie.trim() || undefined,
    result: (['ok', 'geweigerd', 'mislukt'] as const).find((r) => r === values.resultaat),
    from: errors.van ? undefined : values.van || undefined,
    to: errors.tot ? undefined : values.tot || undefined,
  };
  return { filter, form: { values, errors } };
}

function AuditPage({
  ctx,
  title,
  action,
  form,
  rows,
  showIp,
}: {
  ctx: ViewContext;
  title: string;
  action: string;
  form: FormState;
  rows: Awaited<ReturnType<typeof searchAudit>>;
  showIp: boolean;
}) {
  return (
    <Layout
      ctx={ctx}
      title={title}
      breadcrumbs={[{ href: '/overzicht', label: 'Mijn overzicht' }, { label: title }]}
    >
      <Heading level={1}>{title}</Heading>
      <Paragraph>
        Het auditlog legt vast wie wat deed, met welk resultaat en wanneer. Er staan geen wachtwoorden of
        leerlinggegevens in.
      </Paragraph>
      <form method="get" action={action} class="npo-stack" role="search">
        <TextField
          name="actie"
          label="Actie (begint met)"
          description="Bijvoorbeeld inloggen of uitnodiging."
          form={form}
          maxLength={100}
        />
        <TextField name="wie" label="Wie (e-mailadres of deel ervan)" form={form} maxLength={200} />
        <SelectField
          name="resultaat"
          label="Resultaat"
          form={form}
          options={[
            { value: '', label: 'Alle' },
            { value: 'ok', label: 'Gelukt' },
            { value: 'geweigerd', label: 'Geweigerd' },
            { value: 'mislukt', label: 'Mislukt' },
          ]}
        />
        <TextField name="van" label="Vanaf datum" type="date" form={form} />
        <TextField name="tot" label="Tot en met datum" type="date" form={form} />
        <Button variant="secondary">Zoeken</Button>
      </form>
      {rows.length === 0 ? (
        <Paragraph>Geen regels gevonden.</Paragraph>
      ) : (
        <Table
          caption={`Auditregels (nieuwste eerst, hoogstens 100)`}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { header: 'Wanneer', cell: (r) => formatDateTime(new Date(r.at)) },
            { header: 'Wie', cell: (r) => r.actor_label ?? '—' },
            { header: 'Actie', cell: (r) => r.action },
            {
              header: 'Object',
              cell: (r) => (r.object_type ? `${r.object_type} ${r.object_id ?? ''}` : '—'),
            },
            { header: 'Organisatie', cell: (r) => r.organisation_name ?? '—' },
            { header: 'Resultaat', cell: (r) => r.result },
            ...(showIp ? [{ header: 'Adres', cell: (r: { ip: string | null }) => r.ip ?? '—' }] : []),
          ]}
        />
      )}
    </Layout>
  );
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
      const board = await repo.findOrganisation(db, boardId);
      if (!board) throw notFound();
      const schools = await repo.schoolsOfBoard(db, boardId);
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
