// Praktijkkaarten are Markdown files, one per intervention: resources/menukaart/praktijkkaarten/<CODE>.md,
// with a '# Name' line and eight level-2 sections in a fixed order. This file parses and checks
// them; the loader writes them into the menu's entries.
import fs from 'node:fs';
import path from 'node:path';
import type { PraktijkkaartSections } from '../tables.ts';
import { fromRoot } from '../../../paths.ts';

export const praktijkkaartDir = fromRoot('resources/menukaart/praktijkkaarten');

export const sectionHeadings: { key: keyof PraktijkkaartSections; heading: string }[] = [
  { key: 'watHetIs', heading: 'Wat het is' },
  { key: 'onderzoek', heading: 'Wat onderzoek zegt' },
  { key: 'aanpak', heading: 'Zo pakt u het aan' },
  { key: 'voorwaarden', heading: 'Voorwaarden voor succes' },
  { key: 'valkuilen', heading: 'Valkuilen' },
  { key: 'kosten', heading: 'Wat het kost' },
  { key: 'evaluatie', heading: 'Zo evalueert u het' },
  { key: 'aandachtspunten', heading: 'Past bij deze aandachtspunten' },
];

export type ParsedPraktijkkaart =
  { ok: true; title: string; sections: PraktijkkaartSections } | { ok: false; problems: string[] };

/** Parses one file's text; lists every problem (missing title, missing/extra/out-of-order/empty section). */
export function parsePraktijkkaart(text: string): ParsedPraktijkkaart {
  const problems: string[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const firstLine = lines.find((l) => l.trim() !== '') ?? '';
  const title = /^#\s+(.+)$/.exec(firstLine)?.[1]?.trim();
  if (!title) problems.push("de eerste regel moet de naam zijn, als '# Naam'");
  const found: { heading: string; body: string[] }[] = [];
  let inFence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const h = !inFence ? /^##\s+(.+?)\s*#*\s*$/.exec(line) : null;
    if (h) found.push({ heading: h[1]!, body: [] });
    else if (found.length) found.at(-1)!.body.push(line);
  }
  const names = found.map((f) => f.heading);
  const sections = {} as PraktijkkaartSections;
  sectionHeadings.forEach(({ key, heading }, i) => {
    const at = names.indexOf(heading);
    if (at === -1) problems.push(`de sectie '## ${heading}' ontbreekt`);
    else if (at !== i) problems.push(`de sectie '## ${heading}' staat niet op plaats ${i + 1}`);
    const body = at === -1 ? '' : found[at]!.body.join('\n').trim();
    if (at !== -1 && body === '') problems.push(`de sectie '## ${heading}' is leeg`);
    sections[key] = body;
  });
  for (const n of names) {
    if (!sectionHeadings.some((s) => s.heading === n)) problems.push(`onbekende sectie '## ${n}'`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, title: title!, sections };
}

export interface PraktijkkaartFileSet {
  cards: Map<string, { title: string; sections: PraktijkkaartSections }>;
  /** Problems per code: a missing file or a bad section. */
  problems: Map<string, string[]>;
}

/** Reads the files for these codes. A code without a file is a problem, not a silent gap. */
export function readPraktijkkaarten(codes: string[], dir = praktijkkaartDir): PraktijkkaartFileSet {
  const cards = new Map<string, { title: string; sections: PraktijkkaartSections }>();
  const problems = new Map<string, string[]>();
  for (const code of codes) {
    const file = path.join(dir, `${code}.md`);
    if (!fs.existsSync(file)) {
      problems.set(code, [`het bestand ${path.relative(process.cwd(), file)} ontbreekt`]);
      continue;
    }
    const parsed = parsePraktijkkaart(fs.readFileSync(file, 'utf8'));
    if (parsed.ok) cards.set(code, { title: parsed.title, sections: parsed.sections });
    else problems.set(code, parsed.problems);
  }
  return { cards, problems };
}

export class PraktijkkaartError extends Error {
  constructor(readonly problems: Map<string, string[]>) {
    super(
      `De praktijkkaarten zijn niet compleet; er is niets geladen:\n${[...problems]
        .map(([code, ps]) => `  ${code}: ${ps.join('; ')}`)
        .join('\n')}`,
    );
    this.name = 'PraktijkkaartError';
  }
}
