// Route configs shared by the accounts pages: a public page and a page for signed-in people.
import { access } from '../../../platform/auth/access.ts';

export const publicPage = { access: access.public(), page: true } as const;
export const signedInPage = { access: access.signedIn(), page: true } as const;
