// The audit log page: a search form, one page of matching entries in words (with addresses for
// the beheerder), links to newer and older pages, and the download of everything found as CSV.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Button,
  Heading,
  Link,
  Paragraph,
  SelectField,
  Table,
  TextField,
  type FormState,
} from '../../../ui/components.tsx';
import { formatDateTime, formatNumber } from '../../../platform/i18n/i18n.ts';
import { actionInWords } from '../../../platform/audit/words.ts';
import type { AuditPageRows } from '../repository/audit-search.ts';
import { auditCsvMax } from '../services/audit-csv.ts';
import { actorInWords, objectInWords, resultInWords } from '../services/audit-words.ts';

/** The search as query string, plus a cursor: the page links keep the filter. */
function searchHref(action: string, values: Record<string, string>, extra: Record<string, string> = {}) {
  const q = new URLSearchParams();
  for (const k of ['actie', 'wie', 'resultaat', 'van', 'tot']) if (values[k]) q.set(k, values[k]);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `${action}?${s}` : action;
}

export function AuditPage({
  ctx,
  title,
  action,
  form,
  found,
  names,
  showIp,
}: {
  ctx: ViewContext;
  title: string;
  action: string;
  form: FormState;
  found: AuditPageRows;
  names: Map<string, string>;
  showIp: boolean;
}) {
  const { rows } = found;
  const values = form.values as Record<string, string>;
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
        <Paragraph>
          Geen regels gevonden. Maak de zoekopdracht ruimer, bijvoorbeeld met een eerdere datum.
        </Paragraph>
      ) : (
        <>
          <Table
            caption="Auditregels, nieuwste eerst"
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              { header: 'Wanneer', cell: (r) => formatDateTime(new Date(r.at)) },
              { header: 'Wie', cell: (r) => actorInWords(r) },
              { header: 'Actie', cell: (r) => <span title={r.action}>{actionInWords(r.action)}</span> },
              { header: 'Waarover', cell: (r) => objectInWords(r, names) || '—' },
              { header: 'Organisatie', cell: (r) => r.organisation_name ?? '—' },
              { header: 'Resultaat', cell: (r) => resultInWords[r.result] },
              ...(showIp ? [{ header: 'Adres', cell: (r: { ip: string | null }) => r.ip ?? '—' }] : []),
            ]}
          />
          <nav aria-label="Pagina's van het auditlog" class="npo-pager">
            <ul>
              {found.newer && (
                <li>
                  <Link href={searchHref(action, values, { na: String(rows[0]!.id) })}>Nieuwere regels</Link>
                </li>
              )}
              {found.older && (
                <li>
                  <Link href={searchHref(action, values, { voor: String(rows[rows.length - 1]!.id) })}>
                    Oudere regels
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        </>
      )}
      <Paragraph>
        <Link href={searchHref(`${action}.csv`, values)}>Download deze zoekresultaten als CSV</Link>{' '}
        (puntkomma-gescheiden, hoogstens {formatNumber(auditCsvMax)} regels, nieuwste eerst).
      </Paragraph>
    </Layout>
  );
}
