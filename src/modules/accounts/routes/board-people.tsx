// A board sees its schools and manages their school leaders and its GMR: invite, end access.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/platform.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { access } from '../../../platform/auth/access.ts';
import type { FormState } from '../../../ui/components.tsx';
import { openInvitations } from '../repository/invitations.ts';
import { membershipsOfOrganisations } from '../repository/memberships.ts';
import { findOrganisation, schoolsOfBoard } from '../repository/organisations.ts';
import { notFound } from './session.ts';
import { InviteForm, MembersTable, PeoplePage } from '../views/people.tsx';
import { BoardSchoolsPage } from '../views/board-schools.tsx';
import {
  handleInvitationAction,
  handleInvite,
  handleRemove,
  idParam,
  noticeOf,
} from './membership-actions.ts';
import { exampleInvitation, exampleMembership } from './route-examples.ts';
import { parseId } from '../../../platform/input/strict.ts';

export function registerBoardPeopleRoutes(app: FastifyInstance, platform: Platform) {
  const db = platform.database.db;

  const boardExample = { params: ({ boardId }: { boardId: number }) => ({ boardId }) };
  const boardRoles: Role[] = ['schoolleider', 'gmr-lid'];

  app.get(
    '/besturen/:boardId/scholen',
    { config: { access: access.board(['bestuur']), page: true, examples: boardExample } },
    async (req, reply) => {
      const boardId = idParam(req, 'boardId');
      const board = await findOrganisation(db, boardId);
      if (!board) throw notFound();
      const schools = await schoolsOfBoard(db, boardId);
      return reply.page(
        <BoardSchoolsPage
          ctx={reply.ctx()}
          board={{ id: boardId, name: board.name, code: board.code }}
          schools={schools}
        />,
      );
    },
  );

  const renderBoardPeople = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { form?: FormState; error?: string; status?: number } = {},
  ) => {
    const boardId = idParam(req, 'boardId');
    const board = await findOrganisation(db, boardId);
    if (!board) throw notFound();
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
        title={`Mensen van ${board.name}`}
        intro="Het bestuur nodigt de schoolleiders van zijn scholen en de leden van de GMR uit. Schoolleiders nodigen zelf hun team en MR uit."
        notice={noticeOf(req)}
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
              { value: String(boardId), label: `${board.name} (GMR)` },
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
    { config: { access: access.board(['bestuur']), page: true, examples: boardExample } },
    renderBoardPeople,
  );

  app.post(
    '/besturen/:boardId/mensen/uitnodigen',
    {
      config: {
        access: access.board(['bestuur']),
        examples: {
          ...boardExample,
          body: { naam: 'Nieuw GMR-lid', email: 'nieuw-gmr@voorbeeld.nl', rol: 'gmr-lid' },
        },
      },
    },
    async (req, reply) => {
      const boardId = idParam(req, 'boardId');
      return handleInvite(platform, req, reply, {
        roles: boardRoles,
        async organisationFor(role, f) {
          if (role === 'gmr-lid') return boardId;
          const id = parseId(f.organisatie);
          const school = id === null ? undefined : await findOrganisation(db, id);
          // Only this board's schools: another board's school is not offered and not accepted.
          return school && school.kind === 'school' && school.parent_id === boardId ? school.id : null;
        },
        render: (form, status) => renderBoardPeople(req, reply, { form, status }),
        back: `/besturen/${boardId}/mensen`,
      });
    },
  );

  app.post(
    '/besturen/:boardId/mensen/:membershipId/verwijderen',
    {
      config: {
        access: access.board(['bestuur']),
        examples: {
          params: async ({ boardId, db: d }) => ({
            boardId,
            membershipId: (await exampleMembership(d, boardId, 'gmr-lid')).membershipId,
          }),
          body: {},
        },
      },
    },
    async (req, reply) => {
      const boardId = idParam(req, 'boardId');
      const schools = await schoolsOfBoard(db, boardId);
      return handleRemove(
        platform,
        req,
        reply,
        idParam(req, 'membershipId'),
        { orgIds: [boardId, ...schools.map((s) => s.id)] },
        `/besturen/${boardId}/mensen`,
        (message) => renderBoardPeople(req, reply, { error: message, status: 422 }),
      );
    },
  );

  for (const what of ['intrekken', 'opnieuw'] as const) {
    app.post(
      `/besturen/:boardId/mensen/uitnodigingen/:invitationId/${what}`,
      {
        config: {
          access: access.board(['bestuur']),
          examples: {
            params: async ({ boardId, db: d }) => ({
              boardId,
              invitationId: await exampleInvitation(d, boardId, 'gmr-lid'),
            }),
            body: {},
          },
        },
      },
      async (req, reply) => {
        const boardId = idParam(req, 'boardId');
        const schools = await schoolsOfBoard(db, boardId);
        return handleInvitationAction(
          platform,
          req,
          reply,
          what,
          { orgIds: [boardId, ...schools.map((s) => s.id)] },
          `/besturen/${boardId}/mensen`,
          (message, status) => renderBoardPeople(req, reply, { error: message, status }),
        );
      },
    );
  }
}
