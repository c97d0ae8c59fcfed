// Steps 3 and 4 of the scan: the assessment of one group (every staff member reads it; the school
// leader saves every group, a team member only the groups assigned to them), the assignment of
// team members to groups (school leader), and aggregated monitoring results per group (entered
// one at a time or pasted as a small CSV; all or nothing).
import type { App, Platform } from '../../../platform/platform.ts';
import { registerGroupAssessmentRoutes } from './wellbeing-group.tsx';
import { registerGroupAssignmentRoutes } from './wellbeing-groups.tsx';
import { registerMonitorRoutes } from './wellbeing-monitor.tsx';

export function registerWellbeingRoutes(app: App, platform: Platform) {
  registerGroupAssessmentRoutes(app, platform);
  registerGroupAssignmentRoutes(app, platform);
  registerMonitorRoutes(app, platform);
}
