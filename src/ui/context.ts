// What every view may know about the request it renders for.
import type { Locale } from '../platform/i18n/i18n.ts';
import type { Principal } from '../platform/auth/principal.ts';
import type { HelpdeskSettings } from '../config.ts';

export interface NavItem {
  href: string;
  label: { nl: string; en: string };
  /** Shown only to signed-in people when true. */
  signedIn?: boolean;
}

export interface ViewContext {
  locale: Locale;
  principal: Principal | null;
  /** A CSRF token for forms; generated on first use. */
  csrfToken: () => string;
  /** Path and query of the current request, e.g. for the language switch's way back. */
  path: string;
  themeClass: string;
  asset: (name: string) => string;
  programme: { name: string; shortName: string };
  nav: NavItem[];
  /** Extra links in the header for signed-in people (dashboard, account). */
  demo: boolean;
  /** Helpdesk opening hours and answer time, as far as the operator set them. */
  helpdesk: HelpdeskSettings;
}
