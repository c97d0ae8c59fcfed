// What the platform adds to Fastify's request, reply and route config.
import type { VNode } from 'preact';
import type { Access } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import type { Locale } from '../i18n/i18n.ts';
import type { ViewContext } from '../../ui/context.ts';

/** How tests reach a route with parameters: concrete example values per fixture. */
export interface RouteExamples {
  /** Parameter values for a route, given the test's own school/board ids. */
  params?: (fx: { schoolId: number; boardId: number }) => Record<string, string | number>;
  /** Query string for a GET page, e.g. '?q=lezen'. */
  query?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may use the route. Required: a route without it refuses to register. */
    access?: Access;
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
