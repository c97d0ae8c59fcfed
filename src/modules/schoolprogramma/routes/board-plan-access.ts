// Who may do what with a board's board-level (bovenschools) plan. Handlers never compare roles.
import { access } from '../../../platform/auth/access.ts';

/** Read the plan, its versions and the GMR's discussion: the board and its GMR. */
export const boardPlanReaders = access.board(['bestuur', 'gmr-lid']);
/** Edit the draft and submit a version: the board. */
export const boardPlanEditors = access.board(['bestuur']);
/** Record the GMR's decision on a version: GMR members only. */
export const gmrMembers = access.board(['gmr-lid']);
/** What the school sees of reservations from its money: its staff, its MR and its board. */
export const schoolReservationReaders = access.school(['schoolleider', 'teamlid', 'mr-lid', 'bestuur']);
