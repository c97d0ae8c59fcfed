// The invitation page: a new person picks a name and password; an existing account accepts it.
import type { ViewContext } from '../../../ui/context.ts';
import {
  Alert,
  Button,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  TextField,
  type FormState,
} from '../../../ui/components.tsx';
import { roleLabels } from '../services/roles.ts';
import type { InvitationRow } from '../repository/invitations.ts';
import { errorTitle, Form, NewPasswordFields, Page } from './page-parts.tsx';

export function InvitationPage({
  ctx,
  token,
  form,
  state,
  invitation,
  existingAccount,
}: {
  ctx: ViewContext;
  token: string;
  form: FormState;
  state: 'open' | 'expired' | 'used' | 'unknown';
  invitation?: InvitationRow;
  existingAccount?: boolean;
}) {
  return (
    <Page ctx={ctx} title="Uitnodiging">
      <Heading level={1}>Uitnodiging</Heading>
      {state !== 'open' || !invitation ? (
        <Alert type="error">
          {state === 'expired'
            ? 'Deze uitnodiging is verlopen. Vraag degene die u uitnodigde om een nieuwe uitnodiging.'
            : state === 'used'
              ? 'Deze uitnodiging is al gebruikt. Heeft u al een account? Log dan in.'
              : 'Deze uitnodiging bestaat niet. Controleer of u de hele link uit de e-mail heeft gebruikt.'}
        </Alert>
      ) : (
        <>
          <Paragraph>
            U bent uitgenodigd als <strong>{roleLabels[invitation.role]}</strong> bij{' '}
            <strong>{invitation.organisationName}</strong> ({invitation.email}).
          </Paragraph>
          <ErrorSummary form={form} title={errorTitle} />
          {existingAccount ? (
            ctx.principal && ctx.principal.email.toLowerCase() === invitation.email.toLowerCase() ? (
              <Form ctx={ctx} action="/uitnodiging">
                <input type="hidden" name="token" value={token} />
                <Button>Uitnodiging aannemen</Button>
              </Form>
            ) : (
              <>
                <Alert type="info">
                  Er is al een account met dit e-mailadres. Log in met dat account om de uitnodiging aan te
                  nemen.
                </Alert>
                <Paragraph>
                  <Link href={`/inloggen?terug=${encodeURIComponent(`/uitnodiging?token=${token}`)}`}>
                    Inloggen
                  </Link>
                </Paragraph>
              </>
            )
          ) : (
            <Form ctx={ctx} action="/uitnodiging">
              <input type="hidden" name="token" value={token} />
              <TextField
                name="naam"
                label="Uw naam"
                autocomplete="name"
                form={form}
                required
                maxLength={200}
              />
              <NewPasswordFields
                form={form}
                label="Kies een wachtwoord"
                againLabel="Wachtwoord nog een keer"
              />
              <Button>Account aanmaken</Button>
            </Form>
          )}
        </>
      )}
    </Page>
  );
}
