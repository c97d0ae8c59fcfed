// Public pages of the site shell: home, accessibility statement and privacy statement.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Heading, Paragraph, Table, Link } from '../../../ui/components.tsx';
import { format, formatDate } from '../../../platform/i18n/i18n.ts';
import { siteText } from '../messages.ts';
import { helpdeskPhoneText } from '../../../ui/helpdesk.ts';

export interface SchoolYearRow {
  label: string;
  starts_on: string;
  ends_on: string;
  teldatum: string | null;
  note: string | null;
}

export function HomePage({
  ctx,
  years,
  spendUntil,
}: {
  ctx: ViewContext;
  years: SchoolYearRow[];
  spendUntil: string | null;
}) {
  const t = siteText(ctx.locale);
  return (
    <Layout translated ctx={ctx} title={t.homeTitle} section="/">
      <Heading level={1}>{ctx.programme.name}</Heading>
      <Paragraph lead>{t.homeLead}</Paragraph>
      <section aria-labelledby="hoe">
        <Heading level={2} id="hoe">
          {t.homeHowTitle}
        </Heading>
        <ol class="utrecht-ordered-list">
          <li class="utrecht-ordered-list__item">{t.homeStep1}</li>
          <li class="utrecht-ordered-list__item">{t.homeStep2}</li>
          <li class="utrecht-ordered-list__item">{t.homeStep3}</li>
          <li class="utrecht-ordered-list__item">{t.homeStep4}</li>
        </ol>
      </section>
      {ctx.nav.length > 1 && (
        <nav aria-labelledby="onderdelen">
          <Heading level={2} id="onderdelen">
            {ctx.locale === 'nl' ? 'Onderdelen' : 'Sections'}
          </Heading>
          <ul class="npo-grid">
            {ctx.nav
              .filter((n) => n.href !== '/' && !n.signedIn)
              .map((n) => (
                <li class="npo-card" key={n.href}>
                  <Link href={n.href}>{n.label[ctx.locale]}</Link>
                </li>
              ))}
          </ul>
        </nav>
      )}
      <section aria-labelledby="jaren">
        <Heading level={2} id="jaren">
          {t.homeYearsTitle}
        </Heading>
        <Table
          caption={t.homeYearsCaption}
          rows={years}
          rowKey={(y) => y.label}
          columns={[
            { header: t.colYear, cell: (y) => y.label },
            {
              header: t.colPeriod,
              cell: (y) => `${formatDate(y.starts_on, ctx.locale)} – ${formatDate(y.ends_on, ctx.locale)}`,
            },
            {
              header: t.colTeldatum,
              cell: (y) => (y.teldatum ? formatDate(y.teldatum, ctx.locale) : t.noTeldatum),
            },
            // The notes are data, written in Dutch only.
            { header: t.colNote, cell: (y) => (y.note ? <span lang="nl">{y.note}</span> : '') },
          ]}
        />
        {spendUntil && (
          <Paragraph>{format(t.spendUntil, { date: formatDate(spendUntil, ctx.locale) })}</Paragraph>
        )}
      </section>
      <section aria-labelledby="voorwie">
        <Heading level={2} id="voorwie">
          {t.homeForWhomTitle}
        </Heading>
        <Paragraph>{t.homeForWhom}</Paragraph>
      </section>
    </Layout>
  );
}

export function PrivacyPage({ ctx }: { ctx: ViewContext }) {
  const t = siteText(ctx.locale);
  if (ctx.locale === 'en') {
    return (
      <Layout translated ctx={ctx} title={t.privacyTitle} breadcrumbs={[{ label: t.privacyTitle }]}>
        <Heading level={1}>Privacy statement</Heading>
        <Paragraph lead>
          The Ministry of Education, Culture and Science runs this platform. We keep as little personal data
          as possible, and only for as long as needed.
        </Paragraph>
        <Heading level={2}>Schools and amounts</Heading>
        <Paragraph>
          The amounts per school are calculated from open data of DUO and CBS: pupil counts and scores per
          school, not per pupil. The platform stores no data about individual pupils.
        </Paragraph>
        <Heading level={2}>The knowledge hub</Heading>
        <Paragraph>
          An experience that a school shares on the knowledge hub appears once the editors have approved it.
          The school's name is shown only if the school chooses so; the name of the person who wrote it never.
        </Paragraph>
        <Heading level={2}>Accounts</Heading>
        <Paragraph>
          For an account we store your name, e-mail address and roles. We record who changed what and when, to
          be accountable; these records contain no passwords or pupil data.
        </Paragraph>
        <Heading level={2}>Cookies</Heading>
        <Paragraph>
          We use only functional cookies: one for your session, one to protect forms, and one for your
          language. No tracking cookies.
        </Paragraph>
        <Heading level={2}>Your rights</Heading>
        <Paragraph>
          You may view, correct or delete your data. Contact the helpdesk:{' '}
          {helpdeskPhoneText(ctx.helpdesk, ctx.locale)}
        </Paragraph>
      </Layout>
    );
  }
  return (
    <Layout translated ctx={ctx} title={t.privacyTitle} breadcrumbs={[{ label: t.privacyTitle }]}>
      <Heading level={1}>Privacyverklaring</Heading>
      <Paragraph lead>
        Het ministerie van Onderwijs, Cultuur en Wetenschap beheert dit platform. We bewaren zo weinig
        mogelijk persoonsgegevens, en niet langer dan nodig.
      </Paragraph>
      <Heading level={2}>Scholen en bedragen</Heading>
      <Paragraph>
        De bedragen per school zijn berekend uit open data van DUO en het CBS: leerlingaantallen en scores per
        school, niet per leerling. Het platform slaat geen gegevens over individuele leerlingen op.
      </Paragraph>
      <Heading level={2}>Het kennisplein</Heading>
      <Paragraph>
        Een ervaring die een school deelt op het kennisplein, verschijnt zodra de redactie haar heeft
        goedgekeurd. De naam van de school staat erbij als de school daarvoor kiest; de naam van wie haar
        schreef nooit.
      </Paragraph>
      <Heading level={2}>Accounts</Heading>
      <Paragraph>
        Voor een account bewaren we uw naam, e-mailadres en rollen. We leggen vast wie wat wanneer heeft
        gewijzigd, om verantwoording te kunnen afleggen; daarin staan geen wachtwoorden of leerlinggegevens.
      </Paragraph>
      <Heading level={2}>Cookies</Heading>
      <Paragraph>
        We gebruiken alleen functionele cookies: één voor uw sessie, één om formulieren te beveiligen en één
        voor uw taalkeuze. Geen volgcookies.
      </Paragraph>
      <Heading level={2}>Uw rechten</Heading>
      <Paragraph>
        U mag uw gegevens inzien, laten verbeteren of laten verwijderen. Neem daarvoor contact op met de
        helpdesk. {helpdeskPhoneText(ctx.helpdesk, ctx.locale)}
      </Paragraph>
    </Layout>
  );
}
