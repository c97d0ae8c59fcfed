// The building blocks of route schemas (zod, through fastify-type-provider-zod). Every route
// declares its params, query and body with these, so input is parsed once, at the edge, and
// handlers receive typed values. A value that does not fit ends in a 400 with a Dutch summary
// (HTML) or problem details (API); a bad id in the path is a 404 (error-pages.tsx).
//
// Form fields are lenient on purpose: a missing field becomes '' so the module's own rules
// can say "Vul uw naam in" on the re-rendered form with every value kept. The schema refuses
// only what no real form sends: values that are far too long, of the wrong type, or not one of
// the offered choices.
import { z } from 'zod';
import { idSchema, isoDateSchema } from '../input/strict.ts';
import { idempotencyField } from './idempotency.ts';

export { z };

/** A positive database id in the path or query ('3', never '03'), parsed to a number. */
export const id = idSchema;

/** Path parameters: `params({ schoolId: id })`. */
export const params = <T extends z.ZodRawShape>(shape: T) => z.object(shape);

/** Query parameters: unknown ones are ignored (links from elsewhere may carry tracking tags). */
export const query = <T extends z.ZodRawShape>(shape: T) => z.object(shape);

/** A form post: its fields plus the CSRF token and the idempotency key the platform adds. */
export const form = <T extends z.ZodRawShape>(shape: T) =>
  z.object({
    _csrf: z.string().max(200).optional(),
    [idempotencyField]: z.string().max(100).optional(),
    ...shape,
  });

/** A text field: '' when absent, at most `max` characters. */
export const text = (max = 1000) => z.string().max(max).default('');

/** An optional text field that stays undefined when absent (e.g. a filter in the query). */
export const optionalText = (max = 200) => z.string().max(max).optional();

/** A checkbox: true when sent with any non-empty value. */
export const checkbox = z
  .string()
  .max(20)
  .optional()
  .transform((v) => v !== undefined && v !== '');

/** One of the offered choices, or undefined when absent. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional();

/** A field that may be sent more than once (checkbox groups): always an array. */
export const many = (max = 200, maxItems = 100) =>
  z
    .union([z.string().max(max), z.array(z.string().max(max)).max(maxItems)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** A date that exists, 'YYYY-MM-DD'. */
export const isoDate = isoDateSchema;

/** An id given in a form or query (select boxes, hidden fields). */
export const optionalId = z
  .union([z.literal(''), idSchema])
  .optional()
  .transform((v) => (v === '' || v === undefined ? undefined : v));
