// Markup rendered once per computed value and reused by every request. A module that keeps a
// computed value until its data change (the schoolscan's analysis, the programme's page figures)
// renders the sections built from it alone (no user, no form token, no address) once: for a
// large school they are a hundred kilobytes or more of markup whose rendering and string
// concatenation dominated each page view. Keyed by the value object itself, so new data (a new
// object) renders afresh and the old markup is collected with it.
// Only for markup that depends on the owner alone: anything else it shows belongs in `name`.
//
// Pages sent with `sendPageBytes` go one step further: the cached sections are kept as bytes
// and copied into the response around the freshly rendered rest of the page (layout, name, form
// tokens), so a request no longer converts the whole page from a string (measured: most of the
// page's CPU time per request was measuring and encoding the large page string).
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { renderDocument } from './render.ts';

interface Slot {
  html: string;
  bytes: Buffer;
}

const rendered = new WeakMap<object, Map<string, Slot>>();

/** While sendPageBytes renders: the slots used, by their place-holder. */
let collecting: Map<string, Buffer> | null = null;

export function RenderedOnce({ owner, name, render }: { owner: object; name: string; render: () => VNode }) {
  let slots = rendered.get(owner);
  if (!slots) rendered.set(owner, (slots = new Map()));
  let slot = slots.get(name);
  if (slot === undefined) {
    const bytes = Buffer.from(renderToString(render()));
    // Through a Buffer: one flat string, cheap to copy into every page rendered as a string.
    slot = { bytes, html: bytes.toString() };
    slots.set(name, slot);
  }
  if (collecting) {
    const marker = `<!--npo-eenmalig-${collecting.size}-->`;
    collecting.set(marker, slot.bytes);
    return <div class="npo-stack" dangerouslySetInnerHTML={{ __html: marker }} />;
  }
  return <div class="npo-stack" dangerouslySetInnerHTML={{ __html: slot.html }} />;
}

/** The whole document as bytes, with the RenderedOnce sections copied in from their cache. */
export function pageBytes(vnode: VNode): Buffer {
  const outer = collecting;
  const slots = new Map<string, Buffer>();
  collecting = slots;
  let html: string;
  try {
    html = renderDocument(vnode);
  } finally {
    collecting = outer;
  }
  if (slots.size === 0) return Buffer.from(html);
  const parts: Buffer[] = [];
  let at = 0;
  for (const [marker, bytes] of slots) {
    const i = html.indexOf(marker, at);
    if (i < 0) continue;
    parts.push(Buffer.from(html.slice(at, i)), bytes);
    at = i + marker.length;
  }
  parts.push(Buffer.from(html.slice(at)));
  return Buffer.concat(parts);
}

/** reply.page for a page with large RenderedOnce sections (the same headers, sent as bytes). */
export function sendPageBytes(reply: FastifyReply, vnode: VNode, status?: number) {
  if (status) reply.status(status);
  if (reply.request.principal) reply.header('cache-control', 'private, no-store');
  return reply.type('text/html; charset=utf-8').send(pageBytes(vnode));
}
