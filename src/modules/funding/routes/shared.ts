// What the public funding routes share: their access and page flag.
import { access } from '../../../platform/auth/access.ts';

export const publicPage = { access: access.public(), page: true } as const;
