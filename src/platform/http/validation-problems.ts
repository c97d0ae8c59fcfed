// Turns a route schema's refusal (zod issues, through fastify-type-provider-zod) into short
// sentences per field, in the visitor's language, for the error summary and problem details.
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Locale } from '../i18n/i18n.ts';

export interface FieldProblem {
  /** The field's name as sent ('naam', 'schoolId'); '' for the whole body or query. */
  field: string;
  message: string;
}

/** Where the refused value was: path parameters, query string or body. */
export function validationContext(err: FastifyError): string | undefined {
  return hasZodFastifySchemaValidationErrors(err) ? err.validationContext : undefined;
}

export function fieldProblems(err: FastifyError, locale: Locale): FieldProblem[] {
  if (!hasZodFastifySchemaValidationErrors(err)) return [];
  return err.validation.map((v) => {
    const field = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const p = v.params as { maximum?: number; minimum?: number; values?: unknown[]; expected?: string };
    const nl = locale === 'nl';
    let message: string;
    switch (v.keyword) {
      case 'too_big':
        message = nl
          ? `is te lang of te groot (ten hoogste ${p.maximum})`
          : `is too long or too large (at most ${p.maximum})`;
        break;
      case 'too_small':
        message = nl
          ? `is te kort of te klein (ten minste ${p.minimum})`
          : `is too short or too small (at least ${p.minimum})`;
        break;
      case 'invalid_value':
        message = nl
          ? 'is geen van de keuzes die het formulier biedt'
          : 'is not one of the choices the form offers';
        break;
      case 'invalid_type':
        message = nl ? 'ontbreekt of heeft een verkeerde vorm' : 'is missing or has the wrong form';
        break;
      default:
        message = nl ? 'heeft niet de goede vorm' : 'does not have the right form';
    }
    // Messages the schema wrote itself (custom refinements) are already full Dutch sentences.
    if (v.keyword === 'custom' && v.message && nl) message = v.message;
    return { field, message };
  });
}
