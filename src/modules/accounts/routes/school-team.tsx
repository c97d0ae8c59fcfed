// A school leader manages the school's team and MR: invite teamlid or mr-lid, end their access.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/platform.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { access } from '../../../platform/auth/access.ts';
import type { FormState } from '../../../ui/components.tsx';
import { openInvitations } from '../repository/invitations.ts';
import { membershipsOfOrganisations } from '../repository/memberships.ts';
import { findOrganisation } from '../repository/organisations.ts';
import { notFound } from './session.ts';
import { InviteForm, MembersTable, PeoplePage } from '../views/people.tsx';
import {
  handleInvitationAction,
  handleInvite,
  handleRemove,
  idParam,
  noticeOf,
} from './membership-actions.ts';
import { exampleInvitation, exampleMembership } from './route-examples.ts';

export function registerSchoolTeamRoutes(app: FastifyInstance, platform: Platform) {
  const db = platform.database.db;

  const schoolExample = { params: ({ schoolId }: { schoolId: number }) => ({ schoolId }) };
  const schoolRoles: Role[] = ['teamlid', 'mr-lid'];

  const renderTeam = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { form?: FormState; error?: string; status?: number } = {},
  ) => {
    const schoolId = idParam(req, 'schoolId');
    const school = await findOrganisation(db, schoolId);
    if (!school) throw notFound();
    const [members, invitations] = await Promise.all([
      membershipsOfOrganisations(db, [schoolId]),
      openInvitations(db, [schoolId], platform.now()),
    ]);
    const ctx = reply.ctx();
    const base = `/scholen/${schoolId}/team`;
    return reply.page(
      <PeoplePage
        ctx={ctx}
        title={`Team en MR van ${school.name}`}
        intro="Hier ziet u wie toegang heeft tot de gegevens van uw school, en met welke rol. U kunt teamleden en leden van de medezeggenschapsraad uitnodigen en hun toegang weer intrekken."
        notice={noticeOf(req)}
        error={opts.error}
        members={
          <MembersTable
            ctx={ctx}
            caption="Mensen met toegang tot deze school"
            rows={members}
            removeAction={(m) =>
              m.personId === req.principal!.personId
                ? null
                : schoolRoles.includes(m.role)
                  ? `${base}/${m.id}/verwijderen`
                  : null
            }
          />
        }
        invitations={invitations}
        invitationActions={`${base}/uitnodigingen`}
        invite={
          <InviteForm
            ctx={ctx}
            action={`${base}/uitnodigen`}
            form={opts.form ?? { values: { rol: 'teamlid' }, errors: {} }}
            roles={schoolRoles}
          />
        }
      />,
      opts.status,
    );
  };

  app.get(
    '/scholen/:schoolId/team',
    { config: { access: access.school(['schoolleider']), page: true, examples: schoolExample } },
    renderTeam,
  );

  app.post(
    '/scholen/:schoolId/team/uitnodigen',
    {
      config: {
        access: access.school(['schoolleider']),
        examples: {
          ...schoolExample,
          body: { naam: 'Nieuw Teamlid', email: 'nieuw-teamlid@voorbeeld.nl', rol: 'teamlid' },
        },
      },
    },
    async (req, reply) => {
      const schoolId = idParam(req, 'schoolId');
      return handleInvite(platform, req, reply, {
        roles: schoolRoles,
        organisationFor: () => schoolId,
        render: (form, status) => renderTeam(req, reply, { form, status }),
        back: `/scholen/${schoolId}/team`,
      });
    },
  );

  app.post(
    '/scholen/:schoolId/team/:membershipId/verwijderen',
    {
      config: {
        access: access.school(['schoolleider']),
        examples: {
          params: async ({ schoolId, db: d }) => ({
            schoolId,
            membershipId: (await exampleMembership(d, schoolId, 'teamlid')).membershipId,
          }),
          body: {},
        },
      },
    },
    async (req, reply) => {
      const schoolId = idParam(req, 'schoolId');
      return handleRemove(
        platform,
        req,
        reply,
        idParam(req, 'membershipId'),
        { orgIds: [schoolId] },
        `/scholen/${schoolId}/team`,
        (message) => renderTeam(req, reply, { error: message, status: 422 }),
      );
    },
  );

  for (const what of ['intrekken', 'opnieuw'] as const) {
    app.post(
      `/scholen/:schoolId/team/uitnodigingen/:invitationId/${what}`,
      {
        config: {
          access: access.school(['schoolleider']),
          examples: {
            params: async ({ schoolId, db: d }) => ({
              schoolId,
              invitationId: await exampleInvitation(d, schoolId, 'teamlid'),
            }),
            body: {},
          },
        },
      },
      async (req, reply) => {
        const schoolId = idParam(req, 'schoolId');
        return handleInvitationAction(
          platform,
          req,
          reply,
          what,
          { orgIds: [schoolId] },
          `/scholen/${schoolId}/team`,
          (message, status) => renderTeam(req, reply, { error: message, status }),
        );
      },
    );
  }
}
