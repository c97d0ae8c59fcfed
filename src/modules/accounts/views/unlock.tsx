// The page behind a mailed unlock link: a button that lifts the sign-in delays of the account
// (a button, not the link itself, so a mail scanner that opens links uses nothing up).
import type { ViewContext } from '../../../ui/context.ts';
import { Alert, Button, Heading, Link, Paragraph } from '../../../ui/components.tsx';
import { Form, Page } from './page-parts.tsx';

export type UnlockPageState = 'open' | 'done' | 'invalid';

export function UnlockPage({
  ctx,
  token,
  state,
}: {
  ctx: ViewContext;
  token: string;
  state: UnlockPageState;
}) {
  return (
    <Page
      ctx={ctx}
      title="Inloggen weer vrijgeven"
      crumbs={[{ href: '/inloggen', label: 'Inloggen' }, { label: 'Inloggen weer vrijgeven' }]}
    >
      <Heading level={1}>Inloggen weer vrijgeven</Heading>
      {state === 'done' ? (
        <>
          <Alert type="ok">U kunt weer inloggen; de wachttijd is voorbij.</Alert>
          <Paragraph>
            Was u het niet zelf die het verkeerde wachtwoord invulde? Kies dan na het inloggen een nieuw
            wachtwoord.
          </Paragraph>
          <Paragraph>
            <Link href="/inloggen">Naar inloggen</Link>
          </Paragraph>
        </>
      ) : state === 'invalid' ? (
        <>
          <Alert type="error">
            Deze link werkt niet (meer): hij is al gebruikt of ouder dan een uur. Wacht een paar minuten en
            log dan gewoon in, of vraag een nieuw wachtwoord aan.
          </Alert>
          <Paragraph>
            <Link href="/wachtwoord-vergeten">Nieuw wachtwoord aanvragen</Link>
          </Paragraph>
        </>
      ) : (
        <>
          <Paragraph>
            Er is een paar keer een verkeerd wachtwoord gebruikt voor uw account, daarom moet u nu wachten
            voordat u opnieuw kunt inloggen. Met deze knop kunt u direct weer inloggen.
          </Paragraph>
          <Form ctx={ctx} action="/inloggen/vrijgeven">
            <input type="hidden" name="token" value={token} />
            <Button>Inloggen weer vrijgeven</Button>
          </Form>
        </>
      )}
    </Page>
  );
}
