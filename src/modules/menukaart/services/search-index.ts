// The menukaart's search, in memory: one MiniSearch index per menu version over its
// interventions and the published kennisplein items, rebuilt when the menu or the kennisplein
// changes. The catalogue is a few hundred texts, so a query never touches the database.
//
// Relevance by field (code, then name or title, then summary, then the rest), typo tolerance
// (fuzzy), word beginnings (prefix), the same word forms everywhere (search-text.ts) and
// synonyms as data (resources/search/synonyms.json). A query word that matches nothing exactly
// gets the nearest word of the texts as a suggestion ("Bedoelde u …?").
import fs from 'node:fs';
import MiniSearch from 'minisearch';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { fromRoot } from '../../../paths.ts';
import type { Intervention, Menu } from './menu.ts';
import type { ItemRow } from '../repository/kennisplein.ts';
import { publishedItems } from '../repository/kennisplein.ts';
import { distance, plain, stem, words } from './search-text.ts';

export type FoundItem = ItemRow & { school_name: string | null };

interface Doc {
  key: string;
  code: string;
  name: string;
  summary: string;
  body: string;
}

export interface SearchResult {
  interventions: Intervention[];
  items: FoundItem[];
  /** The query with its unknown words replaced by the nearest known ones, or null. */
  suggestion: string | null;
}

/** Word → the other words and phrases of its synonym group (read once). */
let synonymCache: Map<string, string[]> | null = null;
export function synonyms(): Map<string, string[]> {
  if (synonymCache) return synonymCache;
  const data = JSON.parse(fs.readFileSync(fromRoot('resources', 'search', 'synonyms.json'), 'utf8')) as {
    groups: string[][];
  };
  const map = new Map<string, string[]>();
  for (const group of data.groups)
    for (const phrase of group) {
      const key = words(phrase).map(stem).join(' ');
      map.set(key, [...(map.get(key) ?? []), ...group.filter((p) => p !== phrase)]);
    }
  synonymCache = map;
  return map;
}

const boost = { code: 8, name: 4, summary: 2, body: 1 };

export class MenuSearchIndex {
  private readonly index: MiniSearch<Doc>;
  /** Stemmed term → the word as the texts write it (for suggestions). */
  private readonly vocabulary = new Map<string, string>();
  private readonly interventions = new Map<string, Intervention>();
  private readonly items = new Map<string, FoundItem>();

  constructor(interventions: { intervention: Intervention; body: string }[], items: FoundItem[]) {
    this.index = new MiniSearch<Doc>({
      idField: 'key',
      fields: ['code', 'name', 'summary', 'body'],
      tokenize: (text) => words(text),
      processTerm: (term) => stem(term),
      searchOptions: { boost },
    });
    const docs: Doc[] = [];
    for (const { intervention: i, body } of interventions) {
      const key = `i${i.id}`;
      this.interventions.set(key, i);
      docs.push({ key, code: i.code.toLowerCase(), name: i.nameNl, summary: i.summary, body });
    }
    for (const it of items) {
      const key = `k${it.id}`;
      this.items.set(key, it);
      docs.push({
        key,
        code: '',
        name: it.title,
        summary: it.what_they_did,
        body: [it.lessons, it.cost_text, it.school_type].join('\n'),
      });
    }
    this.index.addAll(docs);
    for (const d of docs)
      for (const w of words(`${d.name} ${d.summary} ${d.body}`))
        if (w.length >= 3 && !this.vocabulary.has(stem(w))) this.vocabulary.set(stem(w), w);
  }

  search(query: string): SearchResult {
    const queryWords = words(query).slice(0, 8);
    if (!queryWords.length) return { interventions: [], items: [], suggestion: null };
    const options = {
      fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
      prefix: (term: string) => term.length >= 3,
    } as const;
    // Each query word (or its synonyms) must be found; when no text has all words, any will do.
    const queries = queryWords.map((w) => {
      const alternatives = synonyms().get(stem(w)) ?? [];
      return alternatives.length
        ? { queries: [w, ...alternatives], combineWith: 'OR' as const, ...options }
        : { queries: [w], combineWith: 'OR' as const, ...options };
    });
    let hits = this.index.search({ queries, combineWith: 'AND' });
    if (!hits.length && queries.length > 1) hits = this.index.search({ queries, combineWith: 'OR' });
    const interventions: Intervention[] = [];
    const items: FoundItem[] = [];
    for (const h of hits) {
      const i = this.interventions.get(h.id as string);
      if (i) interventions.push(i);
      const it = this.items.get(h.id as string);
      if (it) items.push(it);
    }
    const code = /^[a-f]\d{1,2}$/i.test(query.trim()) ? query.trim().toUpperCase() : null;
    if (code) {
      const exact = interventions.findIndex((i) => i.code === code);
      if (exact > 0) interventions.unshift(...interventions.splice(exact, 1));
    }
    return {
      interventions: interventions.slice(0, 50),
      items: items.slice(0, 50),
      suggestion: this.suggest(queryWords),
    };
  }

  /** The query with each word the texts do not know replaced by the nearest word they do. */
  private suggest(queryWords: string[]): string | null {
    let changed = false;
    const out = queryWords.map((w) => {
      const s = stem(w);
      if (w.length < 5 || /^\d/.test(w) || this.vocabulary.has(s) || synonyms().has(s)) return w;
      let best: { word: string; d: number } | null = null;
      const max = w.length >= 8 ? 2 : 1;
      for (const [term, word] of this.vocabulary) {
        if (term.startsWith(s)) return w; // a word beginning: the prefix search found it
        const d = distance(s, term, max);
        if (d <= max && (!best || d < best.d)) best = { word, d };
      }
      if (!best || plain(best.word) === plain(w)) return w;
      changed = true;
      return best.word;
    });
    return changed ? out.join(' ') : null;
  }
}

/** Builds the index of a menu: its interventions with their full texts, and the published kennisplein. */
export async function buildSearchIndex(
  db: Kysely<DB>,
  versionId: number,
  menu: Menu,
): Promise<MenuSearchIndex> {
  const [bodies, items] = await Promise.all([
    db
      .selectFrom('menukaart_entry')
      .select(['intervention_id', 'body_text'])
      .where('version_id', '=', versionId)
      .execute(),
    publishedItems(db, { limit: 10_000 }),
  ]);
  const bodyOf = new Map(bodies.map((b) => [b.intervention_id, b.body_text]));
  return new MenuSearchIndex(
    menu.interventions.map((intervention) => ({ intervention, body: bodyOf.get(intervention.id) ?? '' })),
    items,
  );
}
