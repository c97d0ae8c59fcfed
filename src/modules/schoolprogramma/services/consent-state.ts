// Where a school's plan stands in the consent flow, from the database: its versions and whether
// the draft still equals the version the MR adopted. Used by the versions page, the submit page
// and (exported) the plan's home page.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import * as versions from '../repository/versions.ts';
import { consentSentence, consentState } from './consent.ts';
import { buildSnapshot, contentKey, parseSnapshot, type PlanSnapshot } from './snapshot.ts';

/** A short fingerprint of a plan's content: the submit form carries it to detect changes. */
export const fingerprint = (s: PlanSnapshot) =>
  crypto.createHash('sha256').update(contentKey(s)).digest('hex').slice(0, 20);

export async function consentStatusOf(db: Kysely<DB>, planId: number, now: Date) {
  const list = await versions.listVersions(db, planId);
  const state = consentState(list.map((v) => ({ number: v.number, decision: v.decision })));
  let draftDiffers: boolean | undefined;
  if (state.adopted) {
    const adopted = await versions.findVersion(db, planId, state.adopted.number);
    const draft = await buildSnapshot(db, planId, now);
    draftDiffers = contentKey(parseSnapshot(adopted!.snapshot)) !== contentKey(draft);
  }
  return {
    versions: list,
    ...state,
    draftDiffers,
    sentence: consentSentence(list, draftDiffers),
  };
}

export type ConsentStatus = Awaited<ReturnType<typeof consentStatusOf>>;
