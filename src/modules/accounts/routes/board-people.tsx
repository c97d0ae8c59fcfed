// A board sees its schools and manages their school leaders and its GMR: invite, end access.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { access } from '../../../platform/auth/access.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { parseId } from '../../../platform/input/strict.ts';
import { form, id, params, query } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import { findOrganisation, schoolsOfBoard } from '../repository/organisations.ts';
import { findMembership, membershipsOfOrganisations } from '../repository/memberships.ts';
import { openInvitationIn, openInvitations } from '../repository/invitations.ts';
import { InviteForm, MembersTable, PeoplePage } from '../views/people.tsx';
import { RemoveMembershipConfirm, WithdrawInvitationConfirm } from '../views/confirm.tsx';
import { BoardSchoolsPage } from '../views/board-schools.tsx';
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

export function registerBoardPeopleRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  const board = access.board(['bestuur']);

  const boardExample = { params: ({ boardId }: { boardId: number }) => ({ boardId }) };
  const boardParams = params({ boardId: id });
  const boardRoles: Role[] = ['schoolleider', 'gmr-lid'];

  app.get(
    '/besturen/:boardId/scholen',
    { config: { access: board, page: true, examples: boardExample }, schema: { params: boardParams } },
    async (req, reply) => {
      const { boardId } = req.params;
      const org = await findOrganisation(db, boardId);
      if (!org) throw notFound();
      const schools = await schoolsOfBoard(db, boardId);
      return reply.page(
        <BoardSchoolsPage
          ctx={reply.ctx()}
          board={{ id: boardId, name: org.name, code: org.code }}
          schools={schools}
        />,
      );
    },
  );

  /** The board and its schools: the organisations this page may touch. */
  const boardScope = async (boardId: number) => ({
    orgIds: [boardId, ...(await schoolsOfBoard(db, boardId)).map((s) => s.id)],
  });

  const renderBoardPeople = async (
    req: FastifyRequest,
    reply: FastifyReply,
    boardId: number,
    opts: { form?: FormState; error?: string; status?: number; notice?: string } = {},
  ) => {
    const org = await findOrganisation(db, boardId);
    if (!org) throw notFound();
    const schools = await schoolsOfBoard(db, boardId);
    const orgIds = [boardId, ...schools.map((s) => s.id)];
    const [all, invitations] = await Promise.all([
      membershipsOfOrganisations(db, orgIds),
      openInvitations(db, orgIds, platform.now()),
    ]);
    const members = all.filter((m) => m.organisationId === boardId || m.role === 'schoolleider');
    const ctx = reply.ctx();
    const base = `/besturen/${boardId}/mensen`;
    return reply.page(
      <PeoplePage
        ctx={ctx}
        title={`Mensen van ${org.name}`}
        intro="Het bestuur nodigt de schoolleiders van zijn scholen en de leden van de GMR uit. Schoolleiders nodigen zelf hun team en MR uit."
        notice={opts.notice}
        error={opts.error}
        members={
          <MembersTable
            ctx={ctx}
            caption="Bestuur, GMR en schoolleiders"
            rows={members}
            showOrganisation
            removeAction={(m) =>
              m.personId !== req.principal!.personId && boardRoles.includes(m.role)
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
            form={opts.form ?? { values: { rol: 'schoolleider' }, errors: {} }}
            roles={boardRoles}
            organisationLabel="School (voor een schoolleider) of het bestuur (voor de GMR)"
            organisations={[
              { value: String(boardId), label: `${org.name} (GMR)` },
              ...schools.map((s) => ({ value: String(s.id), label: s.name })),
            ]}
          />
        }
      />,
      opts.status,
    );
  };

  app.get(
    '/besturen/:boardId/mensen',
    {
      config: { access: board, page: true, examples: boardExample },
      schema: { params: boardParams, querystring: query({ gelukt: noticeKey }) },
    },
    async (req, reply) =>
      renderBoardPeople(req, reply, req.params.boardId, { notice: noticeOf(req.query.gelukt) }),
  );

  app.post(
    '/besturen/:boardId/mensen/uitnodigen',
    {
      config: {
        access: board,
        audit: inviteAudit,
        examples: {
          ...boardExample,
          body: { naam: 'Nieuw GMR-lid', email: 'nieuw-gmr@voorbeeld.nl', rol: 'gmr-lid' },
        },
      },
      schema: { params: boardParams, body: inviteForm },
    },
    async (req, reply) => {
      const { boardId } = req.params;
      return handleInvite(platform, req, reply, req.body, {
        roles: boardRoles,
        async organisationFor(role, f) {
          if (role === 'gmr-lid') return boardId;
          const id = parseId(f.organisatie);
          const school = id === null ? undefined : await findOrganisation(db, id);
          // Only this board's schools: another board's school is not offered and not accepted.
          return school && school.kind === 'school' && school.parent_id === boardId ? school.id : null;
        },
        render: (form, status) => renderBoardPeople(req, reply, boardId, { form, status }),
        back: `/besturen/${boardId}/mensen`,
      });
    },
  );

  const peopleCrumbs = (boardId: number) => [{ href: `/besturen/${boardId}/mensen`, label: 'Mensen' }];
  const peopleBack = (boardId: number) => ({
    href: `/besturen/${boardId}/mensen`,
    label: 'de mensen van het bestuur',
  });

  // Ending access asks first: this page says what happens and posts to the route below.
  app.get(
    '/besturen/:boardId/mensen/:membershipId/verwijderen',
    {
      config: {
        access: board,
        page: true,
        examples: {
          params: async ({ boardId, db: d }) => ({
            boardId,
            membershipId: (await exampleMembership(d, boardId, 'gmr-lid')).membershipId,
          }),
        },
      },
      schema: { params: params({ boardId: id, membershipId: id }) },
    },
    async (req, reply) => {
      const { boardId, membershipId } = req.params;
      const m = await findMembership(db, membershipId);
      // Only what the people page offers: someone else's GMR or school leader role here.
      const scope = await boardScope(boardId);
      if (
        !m ||
        !scope.orgIds.includes(m.organisationId) ||
        m.personId === req.principal!.personId ||
        !boardRoles.includes(m.role) ||
        !(m.organisationId === boardId || m.role === 'schoolleider')
      )
        throw notFound();
      return reply.page(
        <RemoveMembershipConfirm
          ctx={reply.ctx()}
          m={m}
          action={`/besturen/${boardId}/mensen/${membershipId}/verwijderen`}
          back={peopleBack(boardId)}
          crumbs={peopleCrumbs(boardId)}
        />,
      );
    },
  );

  app.get(
    '/besturen/:boardId/mensen/uitnodigingen/:invitationId/intrekken',
    {
      config: {
        access: board,
        page: true,
        examples: {
          params: async ({ boardId, db: d }) => ({
            boardId,
            invitationId: await exampleInvitation(d, boardId, 'gmr-lid'),
          }),
        },
      },
      schema: { params: params({ boardId: id, invitationId: id }) },
    },
    async (req, reply) => {
      const { boardId, invitationId } = req.params;
      const scope = await boardScope(boardId);
      const invitation = await openInvitationIn(db, invitationId, scope.orgIds, platform.now());
      if (!invitation) throw notFound();
      return reply.page(
        <WithdrawInvitationConfirm
          ctx={reply.ctx()}
          invitation={invitation}
          action={`/besturen/${boardId}/mensen/uitnodigingen/${invitationId}/intrekken`}
          back={peopleBack(boardId)}
          crumbs={peopleCrumbs(boardId)}
        />,
      );
    },
  );

  app.post(
    '/besturen/:boardId/mensen/:membershipId/verwijderen',
    {
      config: {
        access: board,
        audit: removeAudit,
        examples: {
          params: async ({ boardId, db: d }) => ({
            boardId,
            membershipId: (await exampleMembership(d, boardId, 'gmr-lid')).membershipId,
          }),
          body: {},
        },
      },
      schema: { params: params({ boardId: id, membershipId: id }), body: form({}) },
    },
    async (req, reply) => {
      const { boardId, membershipId } = req.params;
      return handleRemove(
        platform,
        req,
        reply,
        membershipId,
        await boardScope(boardId),
        `/besturen/${boardId}/mensen`,
        (message) => renderBoardPeople(req, reply, boardId, { error: message, status: 422 }),
      );
    },
  );

  for (const what of ['intrekken', 'opnieuw'] as const) {
    app.post(
      `/besturen/:boardId/mensen/uitnodigingen/:invitationId/${what}`,
      {
        config: {
          access: board,
          audit: invitationAudit[what],
          examples: {
            params: async ({ boardId, db: d }) => ({
              boardId,
              invitationId: await exampleInvitation(d, boardId, 'gmr-lid'),
            }),
            body: {},
          },
        },
        schema: { params: params({ boardId: id, invitationId: id }), body: form({}) },
      },
      async (req, reply) => {
        const { boardId, invitationId } = req.params;
        return handleInvitationAction(
          platform,
          req,
          reply,
          what,
          invitationId,
          await boardScope(boardId),
          `/besturen/${boardId}/mensen`,
          (message, status) => renderBoardPeople(req, reply, boardId, { error: message, status }),
        );
      },
    );
  }
}
