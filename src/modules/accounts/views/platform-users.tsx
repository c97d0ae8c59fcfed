// The beheerder's user pages: searching people, and one person with roles and block/unblock.
import { ConfirmLink } from '../../../ui/confirm-page.tsx';
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  DataSummary,
  Heading,
  Link,
  Table,
  TextField,
  FailedSubmitMessage,
} from '../../../ui/components.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { MembershipRow } from '../repository/memberships.ts';
import { MembersTable } from './people.tsx';

interface PersonRow {
  id: number;
  name: string;
  email: string;
  disabled_at: Date | null;
  totp_enabled_at: Date | null;
  created_at: Date;
}

/** The search form and the people found (first 50). */
export function UserSearch({ q, people }: { q: string; people: PersonRow[] }) {
  return (
    <>
      <form novalidate method="get" action="/beheer/gebruikers" class="npo-stack" role="search">
        <TextField
          name="q"
          label="Zoek op naam of e-mailadres"
          type="search"
          form={{ values: { q }, errors: {} }}
        />
        <Button variant="secondary">Zoeken</Button>
      </form>
      <Table
        caption={q ? `Gebruikers met "${q}"` : 'Gebruikers (eerste 50)'}
        rows={people}
        rowKey={(p) => p.id}
        columns={[
          { header: 'Naam', cell: (p) => <Link href={`/beheer/gebruikers/${p.id}`}>{p.name}</Link> },
          { header: 'E-mailadres', cell: (p) => p.email },
          { header: 'Tweestapsverificatie', cell: (p) => (p.totp_enabled_at ? 'Aan' : 'Uit') },
          { header: 'Status', cell: (p) => (p.disabled_at ? 'Geblokkeerd' : 'Actief') },
        ]}
      />
    </>
  );
}

export function UserPage({
  ctx,
  person,
  memberships,
  self,
  error,
  notice,
}: {
  ctx: ViewContext;
  person: PersonRow;
  memberships: MembershipRow[];
  /** The beheerder looks at their own account: no block button. */
  self: boolean;
  error?: string;
  notice?: string;
}) {
  return (
    <Layout
      ctx={ctx}
      title={person.name}
      breadcrumbs={[{ href: '/beheer/gebruikers', label: 'Gebruikers' }, { label: person.name }]}
    >
      <Heading level={1}>{person.name}</Heading>
      {error && <FailedSubmitMessage>{error}</FailedSubmitMessage>}
      {notice && <Alert type="ok">{notice}</Alert>}
      <DataSummary
        items={[
          { key: 'E-mailadres', value: person.email },
          { key: 'Account aangemaakt', value: formatDateTime(new Date(person.created_at)) },
          { key: 'Tweestapsverificatie', value: person.totp_enabled_at ? 'Aan' : 'Uit' },
          {
            key: 'Status',
            value: person.disabled_at
              ? `Geblokkeerd sinds ${formatDateTime(new Date(person.disabled_at))}`
              : 'Actief',
          },
        ]}
      />
      <Heading level={2}>Rollen</Heading>
      <MembersTable
        ctx={ctx}
        caption={`Rollen van ${person.name}`}
        rows={memberships}
        showOrganisation
        removeAction={(m) => `/beheer/lidmaatschappen/${m.id}/verwijderen`}
      />
      {!self &&
        (person.disabled_at ? (
          <form novalidate method="post" action={`/beheer/gebruikers/${person.id}/status`} class="npo-stack">
            <CsrfField token={ctx.csrfToken()} />
            <input type="hidden" name="actie" value="deblokkeren" />
            <Button variant="secondary">Account deblokkeren</Button>
          </form>
        ) : (
          // Blocking asks first, on its own page (works without JavaScript).
          <p class="nl-paragraph">
            <ConfirmLink href={`/beheer/gebruikers/${person.id}/blokkeren`} variant="secondary-action">
              Account blokkeren
            </ConfirmLink>
          </p>
        ))}
    </Layout>
  );
}
