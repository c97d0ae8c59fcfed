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
  /** Demo mode: demo accounts with known passwords. On by default with the embedded database. */
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
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError(['SESSION_SECRET: verplicht in productie (minstens 32 tekens)']);
  }
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
    demo: e.DEMO ?? !e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    securityContact: e.SECURITY_CONTACT,
    trustProxy: e.TRUST_PROXY,
    jobs: e.JOBS,
    openDataAutoload: e.OPEN_DATA_AUTOLOAD,
    formRateLimit: e.FORM_RATE_LIMIT,
    secureCookies: baseUrl.startsWith('https://'),
  };
}
