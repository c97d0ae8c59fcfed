// Markup rendered once per computed analysis and reused by every request. A school's analysis
// is cached and shared until its data change (services/school-analysis.ts); the sections built
// from it alone (no user, no form token, no address) are the same for every viewer, and for a
// large school they are a few hundred kilobytes of markup whose rendering and string
// concatenation dominated each page view. Keyed by the analysis object itself, so a new import
// or a purge (a new analysis object) renders afresh and the old markup is collected with it.
// Only for markup that depends on the owner alone: anything else it shows belongs in `name`.
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

const rendered = new WeakMap<object, Map<string, string>>();

export function RenderedOnce({ owner, name, render }: { owner: object; name: string; render: () => VNode }) {
  let slots = rendered.get(owner);
  if (!slots) rendered.set(owner, (slots = new Map()));
  let html = slots.get(name);
  if (html === undefined) {
    // Through a Buffer: one flat string, cheap to copy into every page (a string built by
    // concatenation is flattened again on every send).
    html = Buffer.from(renderToString(render())).toString();
    slots.set(name, html);
  }
  return <div class="npo-stack" dangerouslySetInnerHTML={{ __html: html }} />;
}
