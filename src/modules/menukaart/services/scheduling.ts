// A version published with a later date is scheduled: the public menu keeps the version in force
// until that day (versionInForce). Until then the redactie can cancel it: it becomes the draft
// again, so no work is lost. Only the newest version, and only when no draft is open beside it.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import {
  draftVersion,
  laterVersionExists,
  unpublishScheduled,
  type VersionRow,
} from '../repository/versions.ts';

type Db = Kysely<DB>;

/** Why a version cannot be cancelled (in Dutch, saying what to do), or null when it can. */
export async function cancelRefusal(db: Db, v: VersionRow, today: string): Promise<string | null> {
  if (v.status !== 'gepubliceerd' || v.valid_from === null || v.valid_from <= today)
    return `Deze versie geldt al${v.valid_from ? ` sinds ${formatDate(v.valid_from)}` : ''}. Een versie die geldt, kan niet meer worden geannuleerd; publiceer zo nodig een nieuwe versie.`;
  if (await laterVersionExists(db, v))
    return 'Er is een latere versie gepland die op deze versie voortbouwt. Annuleer eerst die latere versie.';
  if (await draftVersion(db))
    return 'Er is een concept open. Publiceer of gooi dat concept eerst weg; daarna kunt u deze planning annuleren.';
  return null;
}

/** Cancels a scheduled version (it becomes the draft); the reason when it cannot, else null. */
export async function cancelScheduled(db: Db, v: VersionRow, today: string): Promise<string | null> {
  const refusal = await cancelRefusal(db, v, today);
  if (refusal) return refusal;
  return (await unpublishScheduled(db, v, today))
    ? null
    : 'Deze versie is intussen al gaan gelden of door iemand anders geannuleerd.';
}
