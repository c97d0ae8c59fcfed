// Who may do what in verantwoording. Handlers never compare roles; routes name one of these.
import { access } from '../../../platform/auth/access.ts';

/** Answer the school's questionnaires and read its submissions: the school leader (DESIGN §2). */
export const schoolRespondents = access.school(['schoolleider']);
/** Read what the school submitted: its leader and its board. */
export const schoolSubmissionReaders = access.school(['schoolleider', 'bestuur']);
/** Answer the board's questionnaires, write and confirm its annual report: the board. */
export const boardRespondents = access.board(['bestuur']);
/** Build questionnaires, read monitoring and individual submitted answers: the analist. */
export const analists = access.platform('analist');
