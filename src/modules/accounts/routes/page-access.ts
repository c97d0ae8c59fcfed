// Route configs and schema parts shared by the accounts pages: a public page, a page for
// signed-in people, and the return path some forms carry.
import { access } from '../../../platform/auth/access.ts';
import { z } from '../../../platform/http/schemas.ts';

export const publicPage = { access: access.public(), page: true } as const;
export const signedInPage = { access: access.signedIn(), page: true } as const;

/** Where to go afterwards ('terug'): a path checked by safeReturnPath; too long means none. */
export const returnPath = z.string().max(2000).optional().catch(undefined);

/** A notice key after a redirect ('gelukt', 'uitgelogd'): unknown or too long means none. */
export const noticeKey = z.string().max(40).optional().catch(undefined);

/** A single-use link's token in a query or form: its shape is checked by the service. */
export const tokenField = z.string().max(200).catch('');
