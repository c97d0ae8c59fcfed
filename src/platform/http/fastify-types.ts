// What the platform adds to Fastify's request, reply and route config.
import type { VNode } from 'preact';
import type { Access } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import type { Locale } from '../i18n/i18n.ts';
import type { ViewContext } from '../../ui/context.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** One tenant of the test fixtures: a board with a school, in a test database. */
export interface ExampleTenant {
  schoolId: number;
  boardId: number;
  db: Kysely<DB>;
  /** The person the request is sent as, when it is sent as someone (not a visitor). */
  personId?: number;
}

/**
 * How the authorization matrix and the browser suite reach a route with parameters. `params`
 * may create the objects it names (e.g. a plan in the tenant's school) and returns the values.
 */
export interface RouteExamples {
  params?: (t: ExampleTenant) => Promise<Record<string, string | number>> | Record<string, string | number>;
  /** Query string for a GET page, e.g. '?q=lezen', or a function that makes one (e.g. a token). */
  query?: string | ((t: ExampleTenant) => Promise<string> | string);
  /** A form body for a POST route (a valid CSRF token is added by the test). */
  body?: Record<string, string>;
  /**
   * Instead of `body`: a function that makes the body, e.g. naming the tenant's own objects or
   * creating what the form needs (a token, a password). The cross-tenant suite gives it
   * another tenant than the one in the path.
   */
  bodyFor?: (t: ExampleTenant) => Promise<Record<string, string>> | Record<string, string>;
  /** A file for a multipart upload form: the body's fields are sent beside it as parts. */
  file?: { field: string; name: string; type: string; content: string };
  /**
   * The session the request is sent with: by default one that passed both steps;
   * 'second-factor-pending' for the code step of signing in.
   */
  session?: 'second-factor-pending';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may use the route. Required: a route without it refuses to register. */
    access?: Access;
    /**
     * The audit actions a write route records (e.g. 'organisatie.aangemaakt'). Required for
     * every POST, PUT, PATCH and DELETE; audit() refuses an action the route did not declare.
     */
    audit?: string | readonly string[];
    /** Set to false for routes that take no form posts with cookies (e.g. a token API). */
    csrf?: false;
    /** A page that renders HTML: the browser/axe suite visits it. */
    page?: boolean;
    examples?: RouteExamples;
    /** Skip session loading (assets, health checks). */
    bare?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    locale: Locale;
    audited: boolean;
  }
  interface FastifyReply {
    /** The view context for this request. */
    ctx(): ViewContext;
    /** Sends a rendered page as a complete HTML document. */
    page(vnode: VNode, status?: number): FastifyReply;
  }
}
