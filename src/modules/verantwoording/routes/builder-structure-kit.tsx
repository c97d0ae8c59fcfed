// What the section and question routes of the builder share: their schemas, the rule that a
// structural change is refused once answers exist, and the lookups and failure pages.
import type { FastifyReply } from 'fastify';
import type { Platform } from '../../../platform/platform.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, id, params, text, z } from '../../../platform/http/schemas.ts';
import type { QuestionnaireRow } from '../repository/questionnaires.ts';
import { findSection, lockedMessage } from '../services/builder-edit.ts';
import type { Checked } from '../services/builder-meta.ts';
import type { Definition } from '../services/definition.ts';
import { BuilderOverviewPage } from '../views/builder-overview.tsx';
import { questionnaireHref, staleMessage } from '../views/builder-parts.tsx';
import { builderContext, type SaveOutcome } from './builder-context.ts';

export const keyParam = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(60);
export const qParams = params({ questionnaireId: id });
export const sParams = params({ questionnaireId: id, sectionKey: keyParam });
export const qqParams = params({ questionnaireId: id, sectionKey: keyParam, questionKey: keyParam });
export const revisie = z.string().max(12).default('0');
export const questionFields = {
  sleutel: text(200),
  soort: text(40),
  vraag: text(2000),
  uitleg: text(4000),
  verplicht: text(10),
  antwoorden: text(20_000),
  voorwaarde: text(200),
  'voorwaarde-antwoorden': text(2000),
  vooringevuld: text(60),
  minimum: text(40),
  maximum: text(40),
  maxlengte: text(40),
};
export const sectionFields = { 'onderdeel-sleutel': text(200), titel: text(1000), inleiding: text(10_000) };
export const moveForm = form({ revisie, richting: z.enum(['omhoog', 'omlaag']) });

/** A structural change while answers exist is refused with the locked message. */
export const structural =
  (change: (d: Definition) => Checked<Definition>) => (row: QuestionnaireRow, locked: boolean) => {
    if (locked) return { ok: false as const, errors: { onderdeel: lockedMessage } };
    const out = change(row.definition);
    return out.ok ? { ok: true as const, patch: { definition: out.value } } : out;
  };

export function withoutGeneral(errors: Record<string, string>) {
  const { onderdeel: _general, ...fields } = errors;
  return fields;
}

export function structureKit(platform: Platform) {
  const c = builderContext(platform);

  const section = (q: QuestionnaireRow, key: string) => {
    const s = findSection(q.definition, key);
    if (!s) throw notFound();
    return s;
  };
  const question = (q: QuestionnaireRow, sectionKey: string, key: string) => {
    const s = section(q, sectionKey);
    const index = s.questions.findIndex((x) => x.key === key);
    if (index < 0) throw notFound();
    return { s, index, question: s.questions[index]! };
  };

  /** After a failed save: the form again with the input (409 when someone else saved first). */
  const failed = (out: Exclude<SaveOutcome, { kind: 'ok' }>, revision: number) => {
    if (out.kind === 'onbekend') throw notFound();
    return {
      // A message for the whole form is shown once, above it, not as a link to a field.
      errors: out.kind === 'ongeldig' ? withoutGeneral(out.errors) : {},
      error: out.kind === 'verouderd' ? staleMessage : out.errors.onderdeel,
      status: out.kind === 'verouderd' ? 409 : 400,
      revision: out.kind === 'verouderd' ? out.current.revision : revision,
    };
  };

  const overviewAfter = async (reply: FastifyReply, id: number, out: SaveOutcome, done: string) => {
    if (out.kind === 'ok') return reply.redirect(`${questionnaireHref(id)}?gedaan=${done}`, 303);
    if (out.kind === 'onbekend') throw notFound();
    const error = out.kind === 'verouderd' ? staleMessage : Object.values(out.errors)[0];
    return reply.page(
      <BuilderOverviewPage ctx={reply.ctx()} q={await c.load(id)} error={error} />,
      out.kind === 'verouderd' ? 409 : 400,
    );
  };

  return { c, section, question, failed, overviewAfter };
}
