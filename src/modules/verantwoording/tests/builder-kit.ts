// What the builder's route tests share: one signed-in client per role that the builder's access
// rule must tell apart (the analist, the other ministry roles, a school and a board).
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { signInAs, TestClient, type Fixtures } from '../../../../test/support/app.ts';

export async function builderClients(
  app: FastifyInstance,
  database: Database,
  fx: Fixtures,
): Promise<Map<Role, TestClient>> {
  const roles: [Role, number][] = [
    ['analist', fx.ministryId],
    ['beheerder', fx.ministryId],
    ['helpdesk', fx.ministryId],
    ['schoolleider', fx.schoolId],
    ['bestuur', fx.boardId],
  ];
  const clients = new Map<Role, TestClient>();
  for (const [role, org] of roles)
    clients.set(role, new TestClient(app, (await signInAs(database, role, org)).cookie));
  return clients;
}
