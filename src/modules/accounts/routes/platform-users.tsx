// The beheerder's users: search people, invite ministry staff and board users, block or unblock
// an account, end any membership.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Platform } from '../../../platform/platform.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { endAllSessions } from '../../../platform/auth/session.ts';
import { platformRoles } from '../../../platform/auth/principal.ts';
import { TextField, emptyForm, type FormState } from '../../../ui/components.tsx';
import { openInvitations } from '../repository/invitations.ts';
import { findMembership, membershipsOfPerson } from '../repository/memberships.ts';
import { findOrganisationByCode, ministry } from '../repository/organisations.ts';
import { findPerson, searchPeople, updatePerson } from '../repository/people.ts';
import { formOf, notFound, queryOf } from './session.ts';
import { InviteForm, PeoplePage } from '../views/people.tsx';
import { UserPage, UserSearch } from '../views/platform-users.tsx';
import { handleInvite, handleRemove, idParam, noticeOf } from './membership-actions.ts';
import { exampleMembership } from './route-examples.ts';

export function registerPlatformUserRoutes(app: FastifyInstance, platform: Platform) {
  const db = platform.database.db;

  const adminRoles: Role[] = [...platformRoles, 'bestuur'];
  const beheer = access.platform('beheerder');

  const renderUsers = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { form?: FormState; status?: number } = {},
  ) => {
    const q = (queryOf(req).q ?? '').slice(0, 100);
    const people = await searchPeople(db, q);
    const min = await ministry(db);
    const invitations = min ? await openInvitations(db, [min.id], platform.now()) : [];
    const ctx = reply.ctx();
    return reply.page(
      <PeoplePage
        ctx={ctx}
        title="Gebruikers"
        crumbs={[{ href: '/overzicht', label: 'Mijn overzicht' }, { label: 'Gebruikers' }]}
        intro="Zoek een gebruiker op naam of e-mailadres. De beheerder nodigt medewerkers van het ministerie en bestuurders van schoolbesturen uit."
        notice={noticeOf(req)}
        members={<UserSearch q={q} people={people} />}
        invitations={invitations}
        invite={
          <InviteForm
            ctx={ctx}
            action="/beheer/gebruikers/uitnodigen"
            form={opts.form ?? { values: { rol: 'helpdesk' }, errors: {} }}
            roles={adminRoles}
            extra={
              <TextField
                name="bestuurscode"
                label="Bestuursnummer (alleen bij de rol Bestuur)"
                description="Het nummer van het bevoegd gezag bij DUO, bijvoorbeeld 41234."
                form={opts.form ?? emptyForm}
                maxLength={20}
              />
            }
          />
        }
      />,
      opts.status,
    );
  };

  app.get(
    '/beheer/gebruikers',
    { config: { access: beheer, page: true, examples: { query: '?q=test' } } },
    renderUsers,
  );

  app.post(
    '/beheer/gebruikers/uitnodigen',
    {
      config: {
        access: beheer,
        examples: {
          body: { naam: 'Nieuwe Helpdesk', email: 'nieuw-helpdesk@voorbeeld.nl', rol: 'helpdesk' },
        },
      },
    },
    async (req, reply) =>
      handleInvite(platform, req, reply, {
        roles: adminRoles,
        async organisationFor(role, f) {
          if (role !== 'bestuur') return (await ministry(db))?.id ?? null;
          const board = await findOrganisationByCode(db, 'bestuur', f.bestuurscode ?? '');
          return board?.id ?? null;
        },
        render: (form, status) => renderUsers(req, reply, { form, status }),
        back: '/beheer/gebruikers',
        orgField: 'bestuurscode',
      }),
  );

  const personExample = {
    params: async ({ schoolId, db: d }: { schoolId: number; db: Kysely<DB> }) => ({
      personId: (await exampleMembership(d, schoolId, 'teamlid')).personId,
    }),
  };

  const renderUser = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { error?: string; status?: number } = {},
  ) => {
    const person = await findPerson(db, idParam(req, 'personId'));
    if (!person) throw notFound();
    const memberships = await membershipsOfPerson(db, person.id);
    return reply.page(
      <UserPage
        ctx={reply.ctx()}
        person={person}
        memberships={memberships}
        self={person.id === req.principal!.personId}
        error={opts.error}
        notice={noticeOf(req)}
      />,
      opts.status,
    );
  };

  app.get(
    '/beheer/gebruikers/:personId',
    { config: { access: beheer, page: true, examples: personExample } },
    renderUser,
  );

  app.post(
    '/beheer/gebruikers/:personId/status',
    { config: { access: beheer, examples: { ...personExample, body: { actie: 'blokkeren' } } } },
    async (req, reply) => {
      const personId = idParam(req, 'personId');
      const person = await findPerson(db, personId);
      if (!person) throw notFound();
      const block = formOf(req).actie === 'blokkeren';
      if (personId === req.principal!.personId) {
        await audit(req, db, {
          action: 'account.blokkeren',
          result: 'geweigerd',
          objectType: 'person',
          objectId: personId,
          details: { reden: 'eigen account' },
        });
        return renderUser(req, reply, { error: 'U kunt uw eigen account niet blokkeren.', status: 422 });
      }
      await db.transaction().execute(async (trx) => {
        await updatePerson(trx, personId, { disabled_at: block ? platform.now() : null });
        const ended = block ? await endAllSessions(trx, personId) : 0;
        await audit(req, trx, {
          action: block ? 'account.geblokkeerd' : 'account.gedeblokkeerd',
          objectType: 'person',
          objectId: personId,
          details: { sessies_beeindigd: ended },
        });
      });
      return reply.redirect(`/beheer/gebruikers/${personId}`, 303);
    },
  );

  app.post(
    '/beheer/lidmaatschappen/:membershipId/verwijderen',
    {
      config: {
        access: beheer,
        examples: {
          params: async ({ schoolId, db: d }) => ({
            membershipId: (await exampleMembership(d, schoolId, 'teamlid')).membershipId,
          }),
          body: {},
        },
      },
    },
    async (req, reply) => {
      const membershipId = idParam(req, 'membershipId');
      const m = await findMembership(db, membershipId);
      if (!m) throw notFound();
      return handleRemove(
        platform,
        req,
        reply,
        membershipId,
        null,
        `/beheer/gebruikers/${m.personId}`,
        async (message) => {
          (req.params as Record<string, string>).personId = String(m.personId);
          return renderUser(req, reply, { error: message, status: 422 });
        },
      );
    },
  );
}
