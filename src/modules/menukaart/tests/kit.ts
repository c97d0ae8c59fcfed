// Test helpers of the menukaart: editing the draft the way the redactie's form does.
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { TestClient } from '../../../../test/support/app.ts';
import { draftVersion } from '../repository/versions.ts';
import { entryByCode } from '../repository/entries.ts';
import { entryFormValues } from '../services/entry-editing.ts';
import { toIntervention } from '../services/menu.ts';

/** Starts a draft (or keeps the open one) and gives B6 an effect of `effect` months in it, via the form. */
export async function draftWithEffect(db: Kysely<DB>, editor: TestClient, effect: number) {
  assert.equal((await editor.post('/redactie/menukaart/concept')).statusCode, 303);
  const draft = (await draftVersion(db))!;
  const form = entryFormValues(toIntervention((await entryByCode(db, draft.id, 'B6'))!));
  const body: Record<string, string | string[]> = { sectoren: form.sectors };
  for (const [k, v] of Object.entries(form.values)) body[k] = v ?? '';
  Object.assign(body, {
    effect: String(effect),
    beoordeeldOp: '2023-02-15',
    beoordelingBron: 'https://educationendowmentfoundation.org.uk/',
  });
  assert.equal((await editor.post('/redactie/menukaart/concept/interventie/B6', body)).statusCode, 303);
  return draft;
}
