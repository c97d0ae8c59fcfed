// Configuration from the environment, validated once at start-up.
// A bad value stops the process with a message naming the variable (exit code 2, see main.ts).
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  BASE_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'moet beginnen met postgres:// of postgresql://')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_CONNECT_RETRIES: z.coerce.number().int().min(0).max(20).default(6),
  DATA_DIR: z.string().min(1).default('./data'),
  THEME: z.enum(['rijkshuisstijl', 'voorbeeld']).default('rijkshuisstijl'),
  SESSION_SECRET: z.string().min(32, 'moet minstens 32 tekens lang zijn').optional(),
  /** 32 bytes (64 hex digits or base64) that encrypt TOTP keys at rest (accounts/totp-secret-box.ts). */
  TOTP_ENCRYPTION_KEY: z
    .string()
    .regex(
      /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/,
      'moet 32 bytes zijn: 64 hexadecimale tekens of base64 (maak er een met: openssl rand -base64 32)',
    )
    .optional(),
  DEMO: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'moet beginnen met smtp:// of smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('NP Onderwijs <noreply@nponderwijs.example>'),
  SECURITY_CONTACT: z.string().min(3).default('mailto:security@nponderwijs.example'),
  TRUST_PROXY: bool.default(false),
  JOBS: bool.default(true),
  OPEN_DATA_AUTOLOAD: bool.default(true),
  /** Posts per minute per address on public forms (sign-in, reset, invitation). */
  FORM_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(60),
  /** Megabytes all caches of rendered pages may hold together (per instance). */
  PAGE_CACHE_MAX_MB: z.coerce.number().int().min(1).max(16_384).default(64),
  METRICS_TOKEN: z.string().min(32, 'moet minstens 32 tekens lang zijn').optional(),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(30).max(36_500).default(730),
  /** Opening hours of the helpdesk phone line on workdays, e.g. 09:00-17:00. No default. */
  HELPDESK_HOURS: z
    .string()
    .regex(
      /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/,
      'moet de vorm UU:MM-UU:MM hebben, bijvoorbeeld 09:00-17:00',
    )
    .refine((v) => v.slice(0, 5) < v.slice(6), 'de eindtijd moet na de begintijd liggen')
    .optional(),
  /** Within how many workdays the helpdesk answers a question. No default. */
  HELPDESK_ANSWER_WORKDAYS: z.coerce.number().int().min(1).max(60).optional(),
});

type Env = z.infer<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  baseUrl: string;
  database: { url?: string; poolMax: number; connectRetries: number; pgliteDir: string };
  dataDir: string;
  theme: Env['THEME'];
  /** Secret for signed cookies. Optional outside production: then a random one per data folder. */
  sessionSecret?: string;
  /** Key for TOTP keys at rest. Optional outside production: then a random one per data folder. */
  totpEncryptionKey?: string;
  /** Demo mode: demo accounts with known passwords. On by default with the embedded database, never in production. */
  demo: boolean;
  logLevel: Env['LOG_LEVEL'];
  mail: { smtpUrl?: string; from: string };
  securityContact: string;
  trustProxy: boolean;
  jobs: boolean;
  /** Load the shipped open data in a background job when the database has no DUO schools yet. */
  openDataAutoload: boolean;
  /** Posts per minute per address on each public form (sign-in, password reset, invitation). */
  formRateLimit: number;
  /** Cookies get the Secure flag when the public address is https. */
  secureCookies: boolean;
  /** Bytes all caches of rendered pages (visitors' pages, front cache, search pages) hold at most. */
  pageCacheMaxBytes: number;
  /**
   * /metrics: on the main port only with this bearer token; on `port` (a separate listener,
   * for a network only the monitoring reaches) also without. Neither: not served.
   */
  metrics: { token?: string; port?: number };
  /** Audit rows older than this are purged by a daily job. */
  auditRetentionDays: number;
  /**
   * What the pages say about the helpdesk beyond the published fact that it is open on workdays:
   * opening hours and answer time, only when the operator set them (no invented defaults).
   */
  helpdesk: HelpdeskSettings;
}

export interface HelpdeskSettings {
  /** Opening hours on workdays, 'HH:MM'. */
  hours?: { from: string; to: string };
  /** The helpdesk answers within this many workdays. */
  answerWorkdays?: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Ongeldige configuratie:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as "not set", as in most shells' `VAR= npm start`.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production && !e.SESSION_SECRET)
    problems.push('SESSION_SECRET: verplicht in productie (minstens 32 tekens)');
  // Demo accounts share a published password and TOTP key: in production they are a way in.
  if (production && e.DEMO)
    problems.push(
      'DEMO: demogegevens met bekende wachtwoorden zijn niet toegestaan in productie; laat DEMO weg of zet DEMO=false',
    );
  if (e.METRICS_PORT !== undefined && e.METRICS_PORT === e.PORT)
    problems.push('METRICS_PORT: moet een andere poort zijn dan PORT (of laat METRICS_PORT weg)');
  if (production && !e.TOTP_ENCRYPTION_KEY)
    problems.push(
      'TOTP_ENCRYPTION_KEY: verplicht in productie (32 bytes; maak er een met: openssl rand -base64 32)',
    );
  if (problems.length) throw new ConfigError(problems);
  const baseUrl = e.BASE_URL ?? `http://localhost:${e.PORT}`;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    database: {
      url: e.DATABASE_URL,
      poolMax: e.DATABASE_POOL_MAX,
      connectRetries: e.DATABASE_CONNECT_RETRIES,
      pgliteDir: `${e.DATA_DIR}/pglite`,
    },
    dataDir: e.DATA_DIR,
    theme: e.THEME,
    sessionSecret: e.SESSION_SECRET,
    totpEncryptionKey: e.TOTP_ENCRYPTION_KEY,
    demo: e.DEMO ?? (!production && !e.DATABASE_URL),
    logLevel: e.LOG_LEVEL,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    securityContact: e.SECURITY_CONTACT,
    trustProxy: e.TRUST_PROXY,
    jobs: e.JOBS,
    openDataAutoload: e.OPEN_DATA_AUTOLOAD,
    formRateLimit: e.FORM_RATE_LIMIT,
    secureCookies: baseUrl.startsWith('https://'),
    pageCacheMaxBytes: e.PAGE_CACHE_MAX_MB * 1024 * 1024,
    metrics: { token: e.METRICS_TOKEN, port: e.METRICS_PORT },
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    helpdesk: {
      ...(e.HELPDESK_HOURS
        ? { hours: { from: e.HELPDESK_HOURS.slice(0, 5), to: e.HELPDESK_HOURS.slice(6) } }
        : {}),
      ...(e.HELPDESK_ANSWER_WORKDAYS ? { answerWorkdays: e.HELPDESK_ANSWER_WORKDAYS } : {}),
    },
  };
}
