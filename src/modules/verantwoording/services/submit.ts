// Submitting: the working copy, complete, becomes the next numbered submission, and the
// organisation's monitoring rows are replaced by its answers, in the caller's transaction. Also
// the rule of when a questionnaire may be answered at all.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import * as responses from '../repository/responses.ts';
import type { Answers } from '../tables.ts';
import { answerRows } from './answer-rows.ts';
import { openRequired, shownAnswers } from './answers.ts';
import type { Definition } from './definition.ts';

export type Window = 'nog-niet-open' | 'open' | 'gesloten';

/** Open from opens_on up to and including closes_on (dates in the Netherlands). */
export function windowOf(q: { opens_on: string; closes_on: string }, today: string): Window {
  if (today < q.opens_on) return 'nog-niet-open';
  if (today > q.closes_on) return 'gesloten';
  return 'open';
}

export type SubmitResult =
  | { ok: true; submissionId: number; number: number; submittedAt: Date; answers: Answers }
  | { ok: false; reason: 'gesloten' | 'leeg' | 'onvolledig' | 'verouderd' };

export async function submitResponse(
  trx: Kysely<DB>,
  v: {
    questionnaire: {
      id: number;
      opens_on: string;
      closes_on: string;
      revision: number;
      definition: Definition;
    };
    orgId: number;
    /** The revision the check page showed: a change by someone else since is not sent unseen. */
    revision: number;
    personId: number | null;
    now: Date;
    today: string;
  },
): Promise<SubmitResult> {
  if (windowOf(v.questionnaire, v.today) !== 'open') return { ok: false, reason: 'gesloten' };
  const r = await responses.lockResponse(trx, v.questionnaire.id, v.orgId);
  if (!r) return { ok: false, reason: 'leeg' };
  if (r.revision !== v.revision) return { ok: false, reason: 'verouderd' };
  const definition = v.questionnaire.definition;
  if (openRequired(definition, r.answers).length) return { ok: false, reason: 'onvolledig' };
  const answers = shownAnswers(definition, r.answers);
  const number = r.submitted_number + 1;
  const s = await responses.insertSubmission(trx, {
    responseId: r.id,
    questionnaireId: v.questionnaire.id,
    orgId: v.orgId,
    number,
    answers,
    definitionRevision: v.questionnaire.revision,
    personId: v.personId,
    now: v.now,
  });
  await responses.replaceAnswerRows(trx, v.questionnaire.id, v.orgId, s.id, answerRows(definition, answers));
  return { ok: true, submissionId: s.id, number, submittedAt: v.now, answers };
}
