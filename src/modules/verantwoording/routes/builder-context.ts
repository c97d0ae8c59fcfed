// What every builder route needs: the questionnaire (or a 404), the school years, who is acting,
// and one way to save a change: under the questionnaire's row lock, from the revision the form
// started at, refused when answers exist and the change touches the structure, audited in the
// same transaction (and a refusal audited too).
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { listSchoolYears } from '../../../platform/programme.ts';
import {
  findQuestionnaire,
  lockQuestionnaire,
  updateQuestionnaire,
  type QuestionnairePatch,
  type QuestionnaireRow,
} from '../repository/questionnaires.ts';
import type { Errors } from '../services/builder-meta.ts';

export const objectType = 'questionnaire';

export type Change = (
  row: QuestionnaireRow,
  locked: boolean,
) => { ok: true; patch: QuestionnairePatch } | { ok: false; errors: Errors };

export type SaveOutcome =
  | { kind: 'ok'; revision: number }
  | { kind: 'verouderd'; current: QuestionnaireRow }
  | { kind: 'ongeldig'; errors: Errors; current: QuestionnaireRow }
  | { kind: 'onbekend' };

/** A form's revisie field: a positive whole number, else 0 (which never matches: a stale save). */
export function parseRevision(s: string): number {
  return /^[1-9]\d{0,8}$/.test(s) ? Number(s) : 0;
}

export function builderContext(platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;
  const who = (req: FastifyRequest) => ({ personId: req.principal?.personId ?? null, now: platform.now() });
  return {
    db,
    programmeId,
    who,
    years: () => listSchoolYears(db, programmeId),
    async load(id: number): Promise<QuestionnaireRow> {
      const q = await findQuestionnaire(db, id);
      if (!q || q.programme_id !== programmeId) throw notFound();
      return q;
    },
    refused: (req: FastifyRequest, action: string, id: number, details: Record<string, string | number>) =>
      audit(req, db, { action, result: 'mislukt', objectType, objectId: id, details }),
    async save(
      req: FastifyRequest,
      id: number,
      revision: number,
      action: string,
      change: Change,
    ): Promise<SaveOutcome> {
      const out = await db.transaction().execute(async (trx): Promise<SaveOutcome> => {
        // The row lock also makes a school's first response wait (its foreign key needs a share lock).
        await lockQuestionnaire(trx, id);
        const row = await findQuestionnaire(trx, id);
        if (!row || row.programme_id !== programmeId) return { kind: 'onbekend' };
        if (row.revision !== revision) return { kind: 'verouderd', current: row };
        const changed = change(row, row.responses > 0);
        if (!changed.ok) return { kind: 'ongeldig', errors: changed.errors, current: row };
        const r = await updateQuestionnaire(trx, id, revision, changed.patch, who(req));
        if (!r.ok)
          return r.reason === 'onbekend' ? { kind: 'onbekend' } : { kind: 'verouderd', current: row };
        await audit(req, trx, { action, objectType, objectId: id, details: { revisie: r.revision } });
        return { kind: 'ok', revision: r.revision };
      });
      if (out.kind !== 'ok')
        await audit(req, db, {
          action,
          result: 'mislukt',
          objectType,
          objectId: id,
          details: {
            reden: out.kind,
            ...(out.kind === 'ongeldig' ? { velden: Object.keys(out.errors).join(',') } : {}),
          },
        });
      return out;
    },
  };
}

export type BuilderContext = ReturnType<typeof builderContext>;
