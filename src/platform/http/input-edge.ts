// The request edge for every route: values PostgreSQL cannot store or the routes cannot mean
// end in a 400 with a Dutch explanation before any handler (or the access check) sees them.
// - NUL and the other C0 control characters (tab, CR and LF excepted) and DEL in any query,
//   path parameter or form field: PostgreSQL refuses NUL in text (a 500 before), and the rest
//   are never typed by a person.
// - Path parameters named `…Id` must be ids in their one spelling ('3', not '0x3' or '3.0').
// And one normaliser: bidirectional control characters are removed from every form field
// (titles, names, texts) before a handler sees them, so a name cannot display reversed
// ('Trojan Source') in lists, mails and exports. Passwords are left exactly as typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseId } from '../input/strict.ts';
import { sendErrorPage } from './error-pages.tsx';

const forbiddenControl = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** True when a string anywhere in the value (keys included) holds a forbidden control character. */
export function hasForbiddenControl(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return forbiddenControl.test(value);
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  if (Buffer.isBuffer(value)) return false; // uploaded bytes are checked by their parser
  if (Array.isArray(value)) return value.some((v) => hasForbiddenControl(v, depth + 1));
  return Object.entries(value).some(
    ([k, v]) => forbiddenControl.test(k) || hasForbiddenControl(v, depth + 1),
  );
}

export const inputEdgeText = {
  control:
    'Wat u verstuurde bevat een onzichtbaar stuurteken (bijvoorbeeld een nul-teken) dat we niet kunnen verwerken. Er is niets opgeslagen. Typ de tekst opnieuw in plaats van hem te plakken, en probeer het nog eens.',
  id: 'Het nummer in het adres van deze pagina klopt niet. Er is niets opgeslagen. Gebruik de links op de website in plaats van het adres zelf aan te passen.',
};

/** Why this request cannot be handled, or undefined when its input passes the edge. */
export function inputEdgeProblem(req: FastifyRequest): keyof typeof inputEdgeText | undefined {
  const params = (req.params ?? {}) as Record<string, unknown>;
  if (hasForbiddenControl(req.query) || hasForbiddenControl(params) || hasForbiddenControl(req.body))
    return 'control';
  for (const [name, value] of Object.entries(params))
    if (/Id$/.test(name) && parseId(value) === null) return 'id';
  return undefined;
}

const bidiControl = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
/** Fields whose exact characters matter more than how they display. */
const verbatimFields = new Set(['wachtwoord', 'huidig', 'herhaling']);

/** The text without bidirectional control characters (LRM, RLM, ALM, embeddings, overrides, isolates). */
export function stripBidiControls(s: string): string {
  return s.replace(bidiControl, '');
}

/** Removes bidi controls from every string field of a parsed form body, in place. */
export function normaliseFormBody(body: unknown) {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) return;
  const form = body as Record<string, unknown>;
  for (const [k, v] of Object.entries(form)) {
    if (verbatimFields.has(k)) continue;
    if (typeof v === 'string') form[k] = stripBidiControls(v);
    else if (Array.isArray(v)) form[k] = v.map((x) => (typeof x === 'string' ? stripBidiControls(x) : x));
  }
}

/** Registers the check; call before registerAccessControl so it runs first in preValidation. */
export function registerInputEdge(app: FastifyInstance) {
  app.addHook('preValidation', async (req: FastifyRequest, reply: FastifyReply) => {
    const problem = inputEdgeProblem(req);
    if (!problem) {
      normaliseFormBody(req.body);
      return;
    }
    req.log.info({ problem }, 'Invoer geweigerd aan de rand');
    return sendErrorPage(req, reply, 'badRequest', inputEdgeText[problem]);
  });
}
