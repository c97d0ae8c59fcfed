// Who may do what with a school's programme. Handlers never compare roles; routes name one of these.
import { access } from '../../../platform/auth/access.ts';

/** Read the plan, its budget, spending and versions: the school's staff, its MR and its board. */
export const planReaders = access.school(['schoolleider', 'teamlid', 'mr-lid', 'bestuur']);
/** Edit the draft, record spending and evaluations, submit a version: the school leader. */
export const planEditors = access.school(['schoolleider']);
/** Take part in the MR's discussion of a version: the MR and the school leader. */
export const versionDiscussants = access.school(['mr-lid', 'schoolleider']);
/** Record the MR's decision on a version: MR members only. */
export const mrMembers = access.school(['mr-lid']);
