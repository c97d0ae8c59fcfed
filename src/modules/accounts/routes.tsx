// The accounts module: sign-in, password reset, invitations, my account, two-factor set-up, the
// dashboard, people management and the audit log. Each group of routes lives in routes/.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import { registerSignInRoutes } from './routes/sign-in.tsx';
import { registerPasswordResetRoutes } from './routes/password-reset.tsx';
import { registerUnlockRoutes } from './routes/unlock.tsx';
import { registerInvitationRoutes } from './routes/invitations.tsx';
import { registerMyAccountRoutes } from './routes/my-account.tsx';
import { registerTwoFactorRoutes } from './routes/two-factor.tsx';
import { registerDashboardRoutes } from './routes/dashboard.tsx';
import { registerDemoOutboxRoutes } from './routes/demo-outbox.tsx';
import { registerSchoolTeamRoutes } from './routes/school-team.tsx';
import { registerBoardPeopleRoutes } from './routes/board-people.tsx';
import { registerPlatformUserRoutes } from './routes/platform-users.tsx';
import { registerAuditRoutes } from './routes/audit-log.tsx';

export function registerAccountsRoutes(app: FastifyInstance, platform: Platform) {
  registerSignInRoutes(app, platform);
  registerPasswordResetRoutes(app, platform);
  registerUnlockRoutes(app, platform);
  registerInvitationRoutes(app, platform);
  registerMyAccountRoutes(app, platform);
  registerTwoFactorRoutes(app, platform);
  registerDashboardRoutes(app, platform);
  registerDemoOutboxRoutes(app, platform);
  registerSchoolTeamRoutes(app, platform);
  registerBoardPeopleRoutes(app, platform);
  registerPlatformUserRoutes(app, platform);
  registerAuditRoutes(app, platform);
}
