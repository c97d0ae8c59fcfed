// The accessibility statement, after the Dutch model statement: the compliance status, how and
// when we evaluated, the problems we know of with what to do meanwhile, and how to reach us.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Heading, Paragraph, Link } from '../../../ui/components.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { siteText } from '../messages.ts';
import { helpdeskAnswerText, helpdeskPhoneText } from '../../../ui/helpdesk.ts';
import { statement, type ComplianceStatus } from '../services/accessibility-statement.ts';

const statusText: Record<'nl' | 'en', Record<ComplianceStatus, string>> = {
  nl: {
    A: 'voldoet volledig',
    B: 'voldoet gedeeltelijk',
    C: 'eerste maatregelen genomen',
    D: 'voldoet niet',
    E: 'geen onderzoek uitgevoerd',
  },
  en: {
    A: 'fully compliant',
    B: 'partially compliant',
    C: 'first measures taken',
    D: 'not compliant',
    E: 'not evaluated',
  },
};

const copy = {
  nl: {
    heading: 'Toegankelijkheidsverklaring',
    lead: 'Iedereen moet dit platform kunnen gebruiken, ook wie een schermlezer gebruikt, alleen met het toetsenbord werkt of de tekst vergroot.',
    status: 'Stand van zaken',
    statusLine: (s: string, norm: string) => `Dit platform ${s} aan ${norm}.`,
    reviewed: (d: string) => `Deze verklaring is voor het laatst gecontroleerd op ${d}.`,
    method: 'Hoe wij dit onderzoeken',
    methods: [
      'Bij elke wijziging controleert een geautomatiseerde test elke pagina met axe in een echte browser. Eén gevonden fout houdt de wijziging tegen.',
      'Het platform is in een browser doorlopen als bezoeker en in elke rol, op schermen van 1280, 390 en 320 pixels breed, met alleen het toetsenbord en zonder JavaScript. Daarbij vonden we de problemen hieronder.',
      'Een onderzoek door een onafhankelijke, externe partij is nog niet gedaan. Daarom staat hier “voldoet gedeeltelijk” en niet meer.',
    ],
    problems: 'Problemen die wij kennen',
    problemsLead:
      'Wij werken aan deze problemen. Zodra een probleem is opgelost, halen we het van deze lijst.',
    meanwhile: 'Wat u intussen kunt doen:',
    criterion: 'Succescriterium',
    contact: 'Loopt u ergens tegenaan?',
    vulnerability: 'Kwetsbaarheid melden',
    vulnerabilityText:
      'Heeft u een zwakke plek in de beveiliging gevonden? Meld die via het contactadres in onze',
    vulnerabilityTail: '. Deel de kwetsbaarheid niet met anderen voordat wij die hebben verholpen.',
  },
  en: {
    heading: 'Accessibility statement',
    lead: 'We want everyone to be able to use this platform, including people who use a screen reader, only a keyboard, or a magnifier.',
    status: 'Compliance status',
    statusLine: (s: string, norm: string) =>
      `This platform is ${s} with ${norm.replace('niveau A en AA', 'levels A and AA')}.`,
    reviewed: (d: string) => `This statement was last checked on ${d}.`,
    method: 'How we evaluate',
    methods: [
      'On every change an automated test checks every page with axe in a real browser. A single violation stops the change.',
      'The platform was walked through in a browser as a visitor and in every role, on screens 1280, 390 and 320 pixels wide, with the keyboard only and without JavaScript. That is how we found the problems below.',
      'No independent, external audit has been done yet. That is why this statement says “partially compliant” and no more.',
    ],
    problems: 'Known problems',
    problemsLead: 'We are working on these problems. When one is fixed, we take it off this list.',
    meanwhile: 'What you can do meanwhile:',
    criterion: 'Success criterion',
    contact: 'Running into a problem?',
    vulnerability: 'Reporting a vulnerability',
    vulnerabilityText: 'Found a security weakness? Report it through the contact in our',
    vulnerabilityTail: '. Please do not share it with others until we have fixed it.',
  },
};

export function AccessibilityPage({ ctx }: { ctx: ViewContext }) {
  const locale = ctx.locale === 'en' ? 'en' : 'nl';
  const c = copy[locale];
  const t = siteText(ctx.locale);
  return (
    <Layout translated ctx={ctx} title={t.a11yTitle} breadcrumbs={[{ label: t.a11yTitle }]}>
      <Heading level={1}>{c.heading}</Heading>
      <Paragraph lead>{c.lead}</Paragraph>
      <Heading level={2}>{c.status}</Heading>
      <Paragraph>{c.statusLine(statusText[locale][statement.status], statement.standard)}</Paragraph>
      <Paragraph>{c.reviewed(formatDate(statement.reviewedOn, ctx.locale))}</Paragraph>
      <Heading level={2}>{c.method}</Heading>
      <ul class="utrecht-unordered-list">
        {c.methods.map((m) => (
          <li class="utrecht-unordered-list__item">{m}</li>
        ))}
      </ul>
      <Heading level={2}>{c.problems}</Heading>
      <Paragraph>{c.problemsLead}</Paragraph>
      {statement.knownProblems.map((p, i) => (
        <section aria-labelledby={`probleem-${i + 1}`}>
          <Heading level={3} id={`probleem-${i + 1}`}>
            {c.criterion} {p.criterion}
          </Heading>
          <Paragraph>{p[locale].what}</Paragraph>
          <Paragraph>
            <strong>{c.meanwhile}</strong> {p[locale].meanwhile}
          </Paragraph>
        </section>
      ))}
      <Heading level={2}>{c.contact}</Heading>
      <Paragraph>
        {t.contactIntro} {helpdeskPhoneText(ctx.helpdesk, ctx.locale)}{' '}
        {helpdeskAnswerText(ctx.helpdesk, ctx.locale)}
      </Paragraph>
      <Heading level={2} id="kwetsbaarheid">
        {c.vulnerability}
      </Heading>
      <Paragraph>
        {c.vulnerabilityText} <Link href="/.well-known/security.txt">security.txt</Link>
        {c.vulnerabilityTail}
      </Paragraph>
    </Layout>
  );
}
