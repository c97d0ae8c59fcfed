// Dutch first, English as a choice. Each module keeps its texts beside its code as one object
// per language; TypeScript makes sure the English object has every Dutch key.
export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (locales as readonly string[]).includes(v);
}

export type Messages<T extends Record<string, string>> = { nl: T; en: { [K in keyof T]: string } };

/** Every set of texts declared so far (the language tests check each one). */
export const allMessages: Messages<Record<string, string>>[] = [];

/** Declares a module's texts; returns a lookup by locale. */
export function defineMessages<T extends Record<string, string>>(m: Messages<T>) {
  allMessages.push(m);
  return (locale: Locale): { [K in keyof T]: string } => m[locale];
}

/** Fills `{name}` placeholders. Values are plain text: the view escapes them when it renders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

const eur = {
  nl: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};
const int = { nl: new Intl.NumberFormat('nl-NL'), en: new Intl.NumberFormat('en-GB') };
const dateFmt = {
  nl: new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }),
};
const dateTimeFmt = {
  nl: new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }),
};

/** Money is kept in integer cents; this is the one place where it becomes euros for display. */
export function formatCents(cents: number, locale: Locale = 'nl'): string {
  return eur[locale].format(cents / 100);
}

export function formatNumber(n: number, locale: Locale = 'nl'): string {
  return int[locale].format(n);
}

/** Accepts 'YYYY-MM-DD' (a calendar date) or a Date. */
export function formatDate(d: string | Date, locale: Locale = 'nl'): string {
  const date = typeof d === 'string' ? new Date(`${d}T12:00:00Z`) : d;
  return dateFmt[locale].format(date);
}

export function formatDateTime(d: Date, locale: Locale = 'nl'): string {
  return dateTimeFmt[locale].format(d);
}
