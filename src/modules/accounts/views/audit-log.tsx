// The audit log page: a search form and the newest matching entries (with addresses for the beheerder).
import type { ViewContext } from '../../../ui/context.ts';
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
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { AuditRow } from '../repository/audit-search.ts';

export function AuditPage({
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
  rows: AuditRow[];
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
      <form novalidate method="get" action={action} class="npo-stack" role="search">
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
