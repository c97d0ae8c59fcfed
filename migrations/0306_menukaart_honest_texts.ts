// Honest texts in stored menukaart data (issue 8, items 10 and 12). Databases made before this
// migration hold the catalogue notes and praktijkkaart sections as first shipped, with research
// notes in them ("niet gevonden", "afgekapt", "opgeslagen pagina's") and the "je" form. This
// migration replaces exactly those shipped texts by the current ones from resources/menukaart:
// a note only while it still reads as first shipped, a praktijkkaart section only while its text
// is unchanged since it was shipped (recognised by its hash), so an editor's own text stays.
// It also takes the 2021 scores off interventions that a later version withdrew without new
// scores (A1 in April 2022): a withdrawn intervention shows no carried-over scores.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { fromRoot } from '../src/paths.ts';
import { readPraktijkkaarten, sectionHeadings } from '../src/modules/menukaart/services/praktijkkaart.ts';
import { markdownText } from '../src/modules/menukaart/services/markdown.ts';

/** Catalogue notes per intervention as first shipped (migration 0301). */
const shippedNotes: Record<string, string> = {
  A1: 'Sector beperkt tot PO (groep 1-2) is afgeleid, niet letterlijk gepubliceerd.',
  A4: 'Naam bevestigd in nieuwsbericht 7 april 2022; scores op de NPO-menukaart niet gevonden. Sector PO afgeleid.',
  A5: 'Naam bevestigd in nieuwsbericht 7 april 2022; scores niet gevonden. Overige Jonge Kind-items niet gevonden. Sector PO afgeleid.',
  B4: 'Geen EEF-strand; geen scores gepubliceerd.',
  B10: 'Sectoren afgeleid (vooral aanvankelijk lezen).',
  B11: 'Geen scores gepubliceerd; niet als afzonderlijke EEF T&L-strand bekend.',
  B12: 'Geen scores. Sectoren afgeleid.',
  C1: 'Geen EEF-scores.',
  E2: 'Waarden na 1 april 2022 niet vastgelegd (tekst afgekapt). Latere EEF-versies noemen circa +3 tot +4 maanden; niet als NPO-waarde bevestigd.',
  F1: 'NPO-waarden na 1 april 2022 niet vastgelegd. EEF-pagina (2021-format): +4 maanden, uitgebreid bewijs, zeer lage kosten -> mogelijk 4/4/1, onbevestigd voor NPO.',
  F2: 'NPO-waarden na 1 april 2022 niet vastgelegd; EEF-tekst: +4 maanden, gemiddelde kosten, uitgebreid bewijs.',
  F3: 'Bron F-lijst: https://onderwijz.nl/training/3419/npo-faciliteiten-en-randvoorwaarden',
  F4: 'Bron F-lijst: https://onderwijz.nl/training/3419/npo-faciliteiten-en-randvoorwaarden',
  F5: 'Bron F-lijst: https://onderwijz.nl/training/3419/npo-faciliteiten-en-randvoorwaarden',
  F6: 'Bron F-lijst: https://onderwijz.nl/training/3419/npo-faciliteiten-en-randvoorwaarden ; voorbeeld datateam: https://www.nieuwsbrievenminocw.nl/actueel/nieuws/2021/07/07/veelgestelde-vragen-over-het-nationaal-programma-onderwijs',
  F7: 'Bron F-lijst: https://onderwijz.nl/training/3419/npo-faciliteiten-en-randvoorwaarden',
};

/** First 16 hex digits of the SHA-256 of each praktijkkaart section as first shipped, where it changed. */
const shippedSectionHashes: Record<string, Record<string, string>> = {
  A1: {
    watHetIs: 'e5bbf58d495adfd1',
    onderzoek: '3b340a62b2c1fd6d',
    kosten: 'ba513687753dd974',
    evaluatie: '0ca45eb07748bcd4',
  },
  A2: {
    onderzoek: '8bea80ab2311b4da',
    kosten: '817fa3085b8b2803',
  },
  A3: {
    onderzoek: 'dd486c1cbcf69995',
    kosten: 'c8f8b2e791331d69',
  },
  A4: {
    onderzoek: 'ebad837318d3e654',
  },
  A5: {
    onderzoek: '9d7eaca296dc7282',
  },
  B1: {
    onderzoek: '74f68c0ccc266169',
    kosten: '0f7af8516c6c56b9',
  },
  B10: {
    onderzoek: 'ad3a9f2b27137154',
    kosten: 'a83b1a53a3dd063f',
  },
  B11: {
    onderzoek: '5535a71063cf4b7e',
  },
  B12: {
    onderzoek: '38578ef31c81fc0d',
  },
  B2: {
    onderzoek: '5a7bca8ec3b69f53',
    kosten: '5d88fa2ba884816a',
  },
  B3: {
    onderzoek: '2bcce130fd8338c8',
    kosten: '7b9a6667522722fb',
  },
  B4: {
    onderzoek: '67492b0c5b6af476',
  },
  B5: {
    onderzoek: '718cefbf7ed2f95b',
    aanpak: 'ae7d056dab78859c',
    kosten: '07a9dc253036e46b',
  },
  B6: {
    onderzoek: '271da2b21904ef90',
    aanpak: 'ae1d196e4fa412c6',
    kosten: 'e36e4f38cf203e6d',
  },
  B7: {
    onderzoek: '0b9c5fe920ca5732',
    kosten: '1b27e384610edcbd',
  },
  B8: {
    onderzoek: '4faed1d03f60740f',
    kosten: '754119ce0d7c8632',
  },
  B9: {
    onderzoek: 'b94ec28ee647b613',
    kosten: 'cdc5fa8340bfaea4',
  },
  C1: {
    onderzoek: 'e4a79aad1b59dddc',
  },
  C2: {
    onderzoek: 'e1ea4af667190985',
    aanpak: '436499541d8b6341',
    kosten: '450e86e508e5b50f',
  },
  C3: {
    onderzoek: 'cff042eabbd3dce9',
    aanpak: '85b7d2f9b526bb4c',
    kosten: '10cac4e0e37df5f0',
  },
  D1: {
    onderzoek: 'a5a73a6e3d99153b',
    aanpak: '3e20e9c543096c11',
    kosten: 'b3666907bdc67d1c',
  },
  D2: {
    onderzoek: '3d1be4c200e42c5a',
    kosten: 'c28903c11fef1bf6',
  },
  E1: {
    onderzoek: 'cb065a2b11a55bca',
    kosten: '118bc9fddb7ead0d',
  },
  E2: {
    onderzoek: '252c738b65fd2b90',
    kosten: 'aa1716b54e164595',
  },
  F1: {
    onderzoek: 'caf79e167696b652',
    aanpak: '393c1df770ee759a',
    kosten: '9c465e6a23719884',
    evaluatie: '9ff7094c73d16865',
  },
  F2: {
    onderzoek: 'a002cce384748b7e',
    aanpak: 'b0051b5beaa448dc',
    kosten: '3e9b70151868bab5',
  },
  F3: {
    onderzoek: 'd0f26749e9135ca5',
  },
  F4: {
    onderzoek: 'baedef634789ba70',
    evaluatie: 'ee5bac7093116bfe',
  },
  F5: {
    onderzoek: 'e0f88b868ea39754',
    aanpak: '1b0777b75f6377f8',
  },
  F6: {
    onderzoek: 'ad7cc162482e9f7b',
    aanpak: 'ac1fa0031b5e8562',
  },
  F7: {
    onderzoek: '6c5920c6794ec5fc',
  },
};

const hash = (s: string) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 16);

export async function up(db: Kysely<any>): Promise<void> {
  const catalogue = JSON.parse(fs.readFileSync(fromRoot('resources/menukaart/catalogus.json'), 'utf8')) as {
    interventions: { code: string; notes: string | null }[];
  };
  const currentNotes = new Map(catalogue.interventions.map((i) => [i.code, i.notes]));
  const cards = readPraktijkkaarten(Object.keys(shippedSectionHashes)).cards;

  const rows: {
    version_id: number;
    intervention_id: number;
    code: string;
    notes: string | null;
    subtypes: string[];
    praktijkkaart: Record<string, string> | null;
  }[] = await db
    .selectFrom('menukaart_entry as e')
    .innerJoin('menukaart_intervention as i', 'i.id', 'e.intervention_id')
    .select(['e.version_id', 'e.intervention_id', 'i.code', 'e.notes', 'e.subtypes', 'e.praktijkkaart'])
    .execute();
  for (const row of rows) {
    let notes = row.notes;
    if (notes !== null && shippedNotes[row.code] === notes && currentNotes.has(row.code))
      notes = currentNotes.get(row.code) ?? null;
    let card = row.praktijkkaart;
    const shipped = shippedSectionHashes[row.code];
    const current = cards.get(row.code)?.sections as Record<string, string> | undefined;
    if (card && shipped && current) {
      const next = { ...card };
      for (const [key, h] of Object.entries(shipped))
        if (typeof next[key] === 'string' && hash(next[key]) === h && current[key]) next[key] = current[key];
      card = next;
    }
    const cardChanged = JSON.stringify(card) !== JSON.stringify(row.praktijkkaart);
    if (notes === row.notes && !cardChanged) continue;
    const bodyText = [
      ...row.subtypes,
      notes ?? '',
      ...(card ? sectionHeadings.map(({ key }) => markdownText(card[key] ?? '')) : []),
    ]
      .join(' ')
      .trim();
    await db
      .updateTable('menukaart_entry')
      .set({
        notes,
        ...(cardChanged ? { praktijkkaart: JSON.stringify(card) } : {}),
        body_text: bodyText,
      })
      .where('version_id', '=', row.version_id)
      .where('intervention_id', '=', row.intervention_id)
      .execute();
  }

  // A withdrawn intervention that kept an earlier version's scores shows none.
  await sql`update menukaart_entry e
               set effect_months = null, evidence = null, cost = null, inferred_fields = '{}',
                   rating_label = null, rated_on = null, rating_source = null
              from menukaart_version v
             where v.id = e.version_id
               and e.withdrawn
               and e.rating_label is not null
               and e.rating_label <> v.label`.execute(db);
}
