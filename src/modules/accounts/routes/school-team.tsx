// A school leader manages the school's team and MR: invite teamlid or mr-lid, end their access.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { access } from '../../../platform/auth/access.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, id, params, query } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import { findOrganisation } from '../repository/organisations.ts';
import { findMembership, membershipsOfOrganisations } from '../repository/memberships.ts';
import { openInvitationIn, openInvitations } from '../repository/invitations.ts';
import { InviteForm, MembersTable, PeoplePage } from '../views/people.tsx';
import { RemoveMembershipConfirm, WithdrawInvitationConfirm } from '../views/confirm.tsx';
import type { ExampleTenant } from '../../../platform/http/fastify-types.ts';
import {
  handleInvitationAction,
  handleInvite,
  handleRemove,
  invitationAudit,
  inviteAudit,
  inviteForm,
  noticeOf,
  removeAudit,
} from './membership-actions.ts';
import { noticeKey } from './page-access.ts';
import { exampleInvitation, exampleMembership } from './route-examples.ts';

export function registerSchoolTeamRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  const leader = access.school(['schoolleider']);

  const schoolExample = { params: ({ schoolId }: { schoolId: number }) => ({ schoolId }) };
  const schoolParams = params({ schoolId: id });
  const schoolRoles: Role[] = ['teamlid', 'mr-lid'];

  const renderTeam = async (
    req: FastifyRequest,
    reply: FastifyReply,
    schoolId: number,
    opts: { form?: FormState; error?: string; status?: number; notice?: string } = {},
  ) => {
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
        notice={opts.notice}
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
    {
      config: { access: leader, page: true, examples: schoolExample },
      schema: { params: schoolParams, querystring: query({ gelukt: noticeKey }) },
    },
    async (req, reply) => renderTeam(req, reply, req.params.schoolId, { notice: noticeOf(req.query.gelukt) }),
  );

  app.post(
    '/scholen/:schoolId/team/uitnodigen',
    {
      config: {
        access: leader,
        audit: inviteAudit,
        examples: {
          ...schoolExample,
          body: { naam: 'Nieuw Teamlid', email: 'nieuw-teamlid@voorbeeld.nl', rol: 'teamlid' },
        },
      },
      schema: { params: schoolParams, body: inviteForm },
    },
    async (req, reply) => {
      const { schoolId } = req.params;
      return handleInvite(platform, req, reply, req.body, {
        roles: schoolRoles,
        organisationFor: () => schoolId,
        render: (form, status) => renderTeam(req, reply, schoolId, { form, status }),
        back: `/scholen/${schoolId}/team`,
      });
    },
  );

  const teamCrumbs = (schoolId: number) => [{ href: `/scholen/${schoolId}/team`, label: 'Team en MR' }];
  const teamBack = (schoolId: number) => ({ href: `/scholen/${schoolId}/team`, label: 'team en MR' });
  const membershipExample = {
    params: async ({ schoolId, db: d }: ExampleTenant) => ({
      schoolId,
      membershipId: (await exampleMembership(d, schoolId, 'teamlid')).membershipId,
    }),
  };
  const invitationExample = {
    params: async ({ schoolId, db: d }: ExampleTenant) => ({
      schoolId,
      invitationId: await exampleInvitation(d, schoolId, 'teamlid'),
    }),
  };

  // Ending access asks first: this page says what happens and posts to the route below.
  app.get(
    '/scholen/:schoolId/team/:membershipId/verwijderen',
    {
      config: { access: leader, page: true, examples: membershipExample },
      schema: { params: params({ schoolId: id, membershipId: id }) },
    },
    async (req, reply) => {
      const { schoolId, membershipId } = req.params;
      const m = await findMembership(db, membershipId);
      // Only what the team page offers: someone else's team or MR role at this school.
      if (
        !m ||
        m.organisationId !== schoolId ||
        m.personId === req.principal!.personId ||
        !schoolRoles.includes(m.role)
      )
        throw notFound();
      return reply.page(
        <RemoveMembershipConfirm
          ctx={reply.ctx()}
          m={m}
          action={`/scholen/${schoolId}/team/${membershipId}/verwijderen`}
          back={teamBack(schoolId)}
          crumbs={teamCrumbs(schoolId)}
        />,
      );
    },
  );

  app.get(
    '/scholen/:schoolId/team/uitnodigingen/:invitationId/intrekken',
    {
      config: { access: leader, page: true, examples: invitationExample },
      schema: { params: params({ schoolId: id, invitationId: id }) },
    },
    async (req, reply) => {
      const { schoolId, invitationId } = req.params;
      const invitation = await openInvitationIn(db, invitationId, [schoolId], platform.now());
      if (!invitation) throw notFound();
      return reply.page(
        <WithdrawInvitationConfirm
          ctx={reply.ctx()}
          invitation={invitation}
          action={`/scholen/${schoolId}/team/uitnodigingen/${invitationId}/intrekken`}
          back={teamBack(schoolId)}
          crumbs={teamCrumbs(schoolId)}
        />,
      );
    },
  );

  app.post(
    '/scholen/:schoolId/team/:membershipId/verwijderen',
    {
      config: {
        access: leader,
        audit: removeAudit,
        examples: {
          params: async ({ schoolId, db: d }) => ({
            schoolId,
            membershipId: (await exampleMembership(d, schoolId, 'teamlid')).membershipId,
          }),
          body: {},
        },
      },
      schema: { params: params({ schoolId: id, membershipId: id }), body: form({}) },
    },
    async (req, reply) => {
      const { schoolId, membershipId } = req.params;
      return handleRemove(
        platform,
        req,
        reply,
        membershipId,
        { orgIds: [schoolId] },
        `/scholen/${schoolId}/team`,
        (message) => renderTeam(req, reply, schoolId, { error: message, status: 422 }),
      );
    },
  );

  for (const what of ['intrekken', 'opnieuw'] as const) {
    app.post(
      `/scholen/:schoolId/team/uitnodigingen/:invitationId/${what}`,
      {
        config: {
          access: leader,
          audit: invitationAudit[what],
          examples: {
            params: async ({ schoolId, db: d }) => ({
              schoolId,
              invitationId: await exampleInvitation(d, schoolId, 'teamlid'),
            }),
            body: {},
          },
        },
        schema: { params: params({ schoolId: id, invitationId: id }), body: form({}) },
      },
      async (req, reply) => {
        const { schoolId, invitationId } = req.params;
        return handleInvitationAction(
          platform,
          req,
          reply,
          what,
          invitationId,
          { orgIds: [schoolId] },
          `/scholen/${schoolId}/team`,
          (message, status) => renderTeam(req, reply, schoolId, { error: message, status }),
        );
      },
    );
  }
}
