// The page shell: skip link, header with the programme's name, main navigation, breadcrumbs,
// the page itself and a footer with the helpdesk. Every page renders through <Layout>.
import type { ComponentChildren } from 'preact';
import type { ViewContext } from './context.ts';
import { shellText } from './messages.ts';
import { helpdeskPhoneText } from './helpdesk.ts';
import { format } from '../platform/i18n/i18n.ts';
import { Alert } from './components.tsx';

export interface Crumb {
  href?: string;
  label: string;
}

export interface LayoutProps {
  ctx: ViewContext;
  title: string;
  breadcrumbs?: Crumb[];
  /** Marks the main navigation item of this section. */
  section?: string;
  /**
   * The page's own texts exist in English too. Without it the page is written in Dutch only, so
   * when English is chosen its main content is marked lang="nl" (WCAG 3.1.2: a screen reader
   * then reads it with Dutch pronunciation) and says so in English.
   */
  translated?: boolean;
  children: ComponentChildren;
}

function Emblem() {
  return (
    <svg width="44" height="56" viewBox="0 0 44 56" aria-hidden="true" focusable="false">
      <rect width="44" height="56" fill="#154273" />
      <path d="M12 40V16h5l10 14V16h5v24h-5L17 26v14z" fill="#fff" />
    </svg>
  );
}

function LanguageSwitch({ ctx }: { ctx: ViewContext }) {
  const t = shellText(ctx.locale);
  const other = ctx.locale === 'nl' ? 'en' : 'nl';
  const href = `/taal?naar=${other}&terug=${encodeURIComponent(ctx.path)}`;
  return (
    <a class="nl-link rhc-link" href={href} hrefLang={other} lang={other} aria-label={t.switchLanguageLabel}>
      {t.switchLanguage}
    </a>
  );
}

function AccountTools({ ctx }: { ctx: ViewContext }) {
  const t = shellText(ctx.locale);
  if (!ctx.principal) {
    return (
      <a class="nl-link rhc-link" href="/inloggen">
        {t.signIn}
      </a>
    );
  }
  return (
    <>
      <span>{format(t.signedInAs, { name: ctx.principal.name })}</span>
      <a class="nl-link rhc-link" href="/overzicht">
        {t.dashboard}
      </a>
      <a class="nl-link rhc-link" href="/account">
        {t.myAccount}
      </a>
      <form novalidate method="post" action="/uitloggen">
        <input type="hidden" name="_csrf" value={ctx.csrfToken()} />
        <button type="submit" class="utrecht-button utrecht-button--subtle">
          {t.signOut}
        </button>
      </form>
    </>
  );
}

/**
 * The language switch and the account links. Signed in they are too many for a phone: there they
 * fold into a "Menu" button (a <details>, so it opens without JavaScript and a screen reader hears
 * whether it is open); wider windows show them in a row. CSS shows one of the two, never both.
 */
function HeaderTools({ ctx }: { ctx: ViewContext }) {
  if (!ctx.principal) {
    return (
      <div class="npo-tools">
        <LanguageSwitch ctx={ctx} />
        <AccountTools ctx={ctx} />
      </div>
    );
  }
  const t = shellText(ctx.locale);
  return (
    <>
      <div class="npo-tools npo-tools--row">
        <LanguageSwitch ctx={ctx} />
        <AccountTools ctx={ctx} />
      </div>
      <details class="npo-tools-menu">
        <summary class="utrecht-button utrecht-button--secondary-action">{t.accountMenu}</summary>
        <div class="npo-tools npo-tools-menu__panel">
          <AccountTools ctx={ctx} />
          <LanguageSwitch ctx={ctx} />
        </div>
      </details>
    </>
  );
}

function MainNav({ ctx, section }: { ctx: ViewContext; section?: string }) {
  const t = shellText(ctx.locale);
  const items = ctx.nav.filter((i) => !i.signedIn || ctx.principal);
  return (
    <div class="rhc-nav-bar__container">
      <nav class="rhc-nav-bar npo-container" aria-label={t.mainNav}>
        <ul class="rhc-nav-bar__list">
          {items.map((item) => {
            const current = section === item.href;
            return (
              <li class="rhc-nav-bar__item" key={item.href}>
                <a
                  class="nl-link rhc-link rhc-nav-bar__link"
                  href={item.href}
                  aria-current={current ? 'page' : undefined}
                >
                  <span class="rhc-nav-bar__label">{item.label[ctx.locale]}</span>
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}

function Breadcrumbs({ ctx, crumbs }: { ctx: ViewContext; crumbs: Crumb[] }) {
  const t = shellText(ctx.locale);
  const all: Crumb[] = [{ href: '/', label: t.home }, ...crumbs];
  return (
    <nav class="utrecht-breadcrumb-nav utrecht-breadcrumb-nav--html-ol" aria-label={t.breadcrumbs}>
      <ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
        {all.map((c, i) => {
          const last = i === all.length - 1;
          return (
            <li class="utrecht-breadcrumb-nav__item" key={i}>
              {last || !c.href ? (
                <span class="utrecht-breadcrumb-nav__text" aria-current={last ? 'page' : undefined}>
                  {c.label}
                </span>
              ) : (
                <a class="utrecht-link utrecht-link--html-a utrecht-breadcrumb-nav__link" href={c.href}>
                  <span class="utrecht-breadcrumb-nav__text">{c.label}</span>
                </a>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export function Layout({ ctx, title, breadcrumbs, section, translated, children }: LayoutProps) {
  const t = shellText(ctx.locale);
  const dutchOnly = !translated && ctx.locale !== 'nl';
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${ctx.programme.shortName}`}</title>
        <link rel="icon" href={ctx.asset('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={ctx.asset('fonts.css')} />
        <link rel="stylesheet" href={ctx.asset('theme.css')} />
        <link rel="stylesheet" href={ctx.asset('components.css')} />
        <link rel="stylesheet" href={ctx.asset('app.css')} />
        <script src={ctx.asset('app.js')} defer></script>
      </head>
      <body class={`${ctx.themeClass} utrecht-document`}>
        <a class="nl-skip-link nl-skip-link--visible-on-focus rhc-skip-link" href="#inhoud">
          {t.skipLink}
        </a>
        <header class="utrecht-page-header">
          <div class="npo-container npo-header utrecht-page-header__content">
            <a class="npo-brand" href="/">
              <Emblem />
              <span>
                <span class="npo-brand__name">{ctx.programme.name}</span>
                <span class="npo-brand__sub">{t.ministry}</span>
              </span>
            </a>
            <HeaderTools ctx={ctx} />
          </div>
          <MainNav ctx={ctx} section={section} />
        </header>
        <div class="npo-container">
          {breadcrumbs && <Breadcrumbs ctx={ctx} crumbs={breadcrumbs} />}
          <main id="inhoud" class="npo-main npo-stack" tabIndex={-1} lang={dutchOnly ? 'nl' : undefined}>
            {dutchOnly && (
              <p class="nl-paragraph" lang={ctx.locale}>
                {t.dutchOnly}
              </p>
            )}
            {ctx.demo && (
              <div lang={dutchOnly ? ctx.locale : undefined}>
                <Alert type="warning">{t.demoNotice}</Alert>
              </div>
            )}
            {children}
          </main>
        </div>
        <footer class="utrecht-page-footer rhc-page-footer rhc-page-footer--primary-filled">
          <div class="rhc-page-footer__content rhc-page-footer__wrapper npo-container">
            <p class="rhc-page-footer__title">{t.footerTitle}</p>
            <div class="utrecht-column-layout">
              <section class="rhc-page-footer__section" aria-labelledby="footer-helpdesk">
                <h2 class="nl-heading nl-heading--level-4" id="footer-helpdesk">
                  {t.helpdeskTitle}
                </h2>
                <p class="nl-paragraph">{helpdeskPhoneText(ctx.helpdesk, ctx.locale)}</p>
              </section>
              <section class="rhc-page-footer__section" aria-labelledby="footer-about">
                <h2 class="nl-heading nl-heading--level-4" id="footer-about">
                  {t.aboutTitle}
                </h2>
                <ul class="npo-footer-list">
                  <li>
                    <a class="nl-link rhc-link" href="/toegankelijkheid">
                      {t.accessibility}
                    </a>
                  </li>
                  <li>
                    <a class="nl-link rhc-link" href="/privacy">
                      {t.privacy}
                    </a>
                  </li>
                  <li>
                    <a class="nl-link rhc-link" href="/.well-known/security.txt">
                      {t.security}
                    </a>
                  </li>
                </ul>
              </section>
            </div>
          </div>
        </footer>
      </body>
    </html>
  );
}
