// Managing people: a school leader manages the team and MR of the school; a board manages
// school leaders of its schools and its GMR; the beheerder manages everyone.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Platform } from '../../app.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Role } from '../../platform/db/tables.ts';
import { access } from '../../platform/auth/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { endAllSessions } from '../../platform/auth/session.ts';
import { platformRoles } from '../../platform/auth/principal.ts';
import { composeMail } from '../../platform/mail/mailer.ts';
import {
  Alert,
  Button,
  CsrfField,
  DataSummary,
  Heading,
  Link,
  Paragraph,
  Table,
  TextField,
  emptyForm,
  type FormState,
} from '../../ui/components.tsx';
import { Layout } from '../../ui/layout.tsx';
import { formatDateTime } from '../../platform/i18n/i18n.ts';
import * as repo from './repository.ts';
import * as service from './service.ts';
import { formOf, notFound, queryOf, validEmail } from './http.ts';
import { InviteForm, MembersTable, PeoplePage } from './views.tsx';

/** Creates a person with one membership, for the route examples of the matrix and browser suites. */
export async function exampleMembership(db: Kysely<DB>, organisationId: number, role: Role) {
  const person = await db
    .insertInto('person')
    .values({
      email: `voorbeeld-${crypto.randomBytes(6).toString('hex')}@voorbeeld.nl`,
      name: 'Voorbeeld Persoon',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const m = await db
    .insertInto('membership')
    .values({ person_id: person.id, organisation_id: organisationId, role })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { personId: person.id, membershipId: m.id };
}

const removedNotice = 'De toegang is beëindigd.';
const invitedNotice = 'De uitnodiging is verstuurd.';

interface InviteSpec {
  roles: Role[];
  /** Which organisation the invitation is for, from the form (null: not allowed here). */
  organisationFor(role: Role, form: Record<string, string>): Promise<number | null> | number | null;
  /** Re-renders the page with the form and its errors. */
  render(form: FormState, status: number): Promise<FastifyReply> | FastifyReply;
  back: string;
  /** The form field that names the organisation (for the error message). */
  orgField?: string;
}

async function handleInvite(platform: Platform, req: FastifyRequest, reply: FastifyReply, spec: InviteSpec) {
  const f = formOf(req);
  const values = {
    naam: (f.naam ?? '').trim(),
    email: (f.email ?? '').trim(),
    rol: f.rol ?? '',
    organisatie: f.organisatie ?? '',
    bestuurscode: f.bestuurscode ?? '',
  };
  const errors: Record<string, string> = {};
  if (values.naam.length < 2 || values.naam.length > 200) errors.naam = 'Vul de naam in (2 tot 200 tekens).';
  if (!validEmail(values.email)) errors.email = 'Vul een geldig e-mailadres in, zoals naam@school.nl.';
  const role = spec.roles.find((r) => r === values.rol);
  if (!role) errors.rol = 'Kies een rol uit de lijst.';
  const orgId = role ? await spec.organisationFor(role, f) : null;
  if (role && !orgId)
    errors[spec.orgField ?? 'organisatie'] =
      spec.orgField === 'bestuurscode'
        ? 'Vul het bestuursnummer in van een bestuur dat in het platform staat.'
        : 'Kies de organisatie waarvoor u iemand uitnodigt.';
  if (Object.keys(errors).length) {
    return spec.render({ values, errors }, 400);
  }
  const now = platform.now();
  const db = platform.database.db;
  const result = await db.transaction().execute(async (trx) => {
    const r = await service.invite(trx, req.principal!, {
      email: values.email,
      name: values.naam,
      role: role!,
      organisationId: orgId!,
      now,
    });
    if (!r.ok) return r;
    const org = await repo.findOrganisation(trx, orgId!);
    const link = `${platform.config.baseUrl}/uitnodiging?token=${r.token}`;
    await platform.mailer.send(
      composeMail(
        values.email,
        `Uitnodiging voor NP Onderwijs: ${service.roleLabels[role!]} bij ${org!.name}`,
        [
          `Beste ${values.naam},`,
          `${req.principal!.name} nodigt u uit voor het platform van het Nationaal Programma Onderwijs, als ${service.roleLabels[role!].toLowerCase()} bij ${org!.name}.`,
          'Neem de uitnodiging aan via deze link. U kiest daar zelf een wachtwoord:',
          link,
          `De link werkt tot ${formatDateTime(new Date(now.getTime() + service.invitationValidityMs))} en één keer. Kent u de afzender niet? Dan kunt u deze e-mail negeren.`,
        ],
      ),
      { trx },
    );
    await audit(req, trx, {
      action: 'uitnodiging.verstuurd',
      objectType: 'invitation',
      objectId: r.invitationId,
      organisationId: orgId,
      details: { rol: role! },
    });
    return r;
  });
  if (!result.ok) {
    await audit(req, db, {
      action: 'uitnodiging.verstuurd',
      result: 'geweigerd',
      organisationId: orgId,
      details: { rol: role!, reden: result.field },
    });
    return spec.render(
      {
        values,
        errors: {
          [result.field === 'organisation'
            ? (spec.orgField ?? 'organisatie')
            : result.field === 'role'
              ? 'rol'
              : 'email']: result.message,
        },
      },
      422,
    );
  }
  return reply.redirect(`${spec.back}?gelukt=uitgenodigd`, 303);
}

async function handleRemove(
  platform: Platform,
  req: FastifyRequest,
  reply: FastifyReply,
  membershipId: number,
  scope: { orgIds: number[] } | null,
  back: string,
  renderError: (message: string) => Promise<FastifyReply> | FastifyReply,
) {
  const db = platform.database.db;
  const r = await db.transaction().execute(async (trx) => {
    const res = await service.removeMembership(trx, req.principal!, membershipId, scope);
    if (res.ok) {
      await audit(req, trx, {
        action: 'lidmaatschap.beeindigd',
        objectType: 'membership',
        objectId: membershipId,
        organisationId: res.membership.organisationId,
        details: { rol: res.membership.role, persoon: res.membership.personId },
      });
    }
    return res;
  });
  if (r.ok) return reply.redirect(`${back}?gelukt=verwijderd`, 303);
  if (r.reason === 'not-found') throw notFound();
  await audit(req, db, {
    action: 'lidmaatschap.beeindigd',
    result: 'geweigerd',
    objectType: 'membership',
    objectId: membershipId,
    details: { reden: r.reason },
  });
  return renderError(r.message);
}

const noticeOf = (req: FastifyRequest) => {
  const g = queryOf(req).gelukt;
  return g === 'uitgenodigd' ? invitedNotice : g === 'verwijderd' ? removedNotice : undefined;
};

const idParam = (req: FastifyRequest, name: string) => {
  const n = Number((req.params as Record<string, string>)[name]);
  if (!Number.isSafeInteger(n) || n <= 0) throw notFound();
  return n;
};

export function registerPeopleRoutes(app: FastifyInstance, platform: Platform) {
  const db = platform.database.db;

  // ------------------------------------------------------------------ school team
  const schoolExample = { params: ({ schoolId }: { schoolId: number }) => ({ schoolId }) };
  const schoolRoles: Role[] = ['teamlid', 'mr-lid'];

  const renderTeam = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { form?: FormState; error?: string; status?: number } = {},
  ) => {
    const schoolId = idParam(req, 'schoolId');
    const school = await repo.findOrganisation(db, schoolId);
    if (!school) throw notFound();
    const [members, invitations] = await Promise.all([
      repo.membershipsOfOrganisations(db, [schoolId]),
      repo.openInvitations(db, [schoolId], platform.now()),
    ]);
    const ctx = reply.ctx();
    const base = `/scholen/${schoolId}/team`;
    return reply.page(
      <PeoplePage
        ctx={ctx}
        title={`Team en MR van ${school.name}`}
        intro="Hier ziet u wie toegang heeft tot de gegevens van uw school. Teamleden werken mee aan de schoolscan en het schoolprogramma; MR-leden zien de versies die aan de MR zijn voorgelegd."
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

  // ------------------------------------------------------------------ board: schools and people
  const boardExample = { params: ({ boardId }: { boardId: number }) => ({ boardId }) };
  const boardRoles: Role[] = ['schoolleider', 'gmr-lid'];

  app.get(
    '/besturen/:boardId/scholen',
    { config: { access: access.board(['bestuur']), page: true, examples: boardExample } },
    async (req, reply) => {
      const boardId = idParam(req, 'boardId');
      const board = await repo.findOrganisation(db, boardId);
      if (!board) throw notFound();
      const schools = await repo.schoolsOfBoard(db, boardId);
      const ctx = reply.ctx();
      return reply.page(
        <Layout
          ctx={ctx}
          title={`Scholen van ${board.name}`}
          breadcrumbs={[{ href: '/overzicht', label: 'Mijn overzicht' }, { label: 'Scholen' }]}
        >
          <Heading level={1}>Scholen van {board.name}</Heading>
          <DataSummary
            items={[
              { key: 'Bestuursnummer', value: board.code ?? '—' },
              { key: 'Aantal scholen', value: String(schools.length) },
            ]}
          />
          {schools.length === 0 ? (
            <Paragraph>Dit bestuur heeft nog geen scholen in het platform.</Paragraph>
          ) : (
            <Table
              caption={`Scholen van ${board.name}`}
              rows={schools}
              rowKey={(s) => s.id}
              columns={[
                { header: 'School', cell: (s) => s.name },
                { header: 'Vestigingscode', cell: (s) => s.code ?? '' },
                { header: 'Sector', cell: (s) => s.sector ?? '' },
                { header: 'Plaats', cell: (s) => s.place ?? '' },
              ]}
            />
          )}
          <Paragraph>
            <Link href={`/besturen/${boardId}/mensen`}>Schoolleiders en GMR beheren</Link>
          </Paragraph>
        </Layout>,
      );
    },
  );

  const renderBoardPeople = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { form?: FormState; error?: string; status?: number } = {},
  ) => {
    const boardId = idParam(req, 'boardId');
    const board = await repo.findOrganisation(db, boardId);
    if (!board) throw notFound();
    const schools = await repo.schoolsOfBoard(db, boardId);
    const orgIds = [boardId, ...schools.map((s) => s.id)];
    const [all, invitations] = await Promise.all([
      repo.membershipsOfOrganisations(db, orgIds),
      repo.openInvitations(db, orgIds, platform.now()),
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
          const id = Number(f.organisatie);
          const school = Number.isSafeInteger(id) ? await repo.findOrganisation(db, id) : undefined;
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
      const schools = await repo.schoolsOfBoard(db, boardId);
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

  // ------------------------------------------------------------------ beheerder: users
  const adminRoles: Role[] = [...platformRoles, 'bestuur'];
  const beheer = access.platform('beheerder');

  const renderUsers = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { form?: FormState; status?: number } = {},
  ) => {
    const q = (queryOf(req).q ?? '').slice(0, 100);
    const people = await repo.searchPeople(db, q);
    const min = await repo.ministry(db);
    const invitations = min ? await repo.openInvitations(db, [min.id], platform.now()) : [];
    const ctx = reply.ctx();
    return reply.page(
      <PeoplePage
        ctx={ctx}
        title="Gebruikers"
        crumbs={[{ href: '/overzicht', label: 'Mijn overzicht' }, { label: 'Gebruikers' }]}
        intro="Zoek een gebruiker op naam of e-mailadres. De beheerder nodigt medewerkers van het ministerie en bestuurders van schoolbesturen uit."
        notice={noticeOf(req)}
        members={
          <>
            <form method="get" action="/beheer/gebruikers" class="npo-stack" role="search">
              <TextField
                name="q"
                label="Zoek op naam of e-mailadres"
                type="search"
                form={{ values: { q }, errors: {} }}
              />
              <Button variant="secondary">Zoeken</Button>
            </form>
            <Table
              caption={q ? `Gebruikers met "${q}"` : 'Gebruikers (eerste 50)'}
              rows={people}
              rowKey={(p) => p.id}
              columns={[
                { header: 'Naam', cell: (p) => <Link href={`/beheer/gebruikers/${p.id}`}>{p.name}</Link> },
                { header: 'E-mailadres', cell: (p) => p.email },
                { header: 'Tweestapsverificatie', cell: (p) => (p.totp_enabled_at ? 'Aan' : 'Uit') },
                { header: 'Status', cell: (p) => (p.disabled_at ? 'Geblokkeerd' : 'Actief') },
              ]}
            />
          </>
        }
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
          if (role !== 'bestuur') return (await repo.ministry(db))?.id ?? null;
          const board = await repo.findOrganisationByCode(db, 'bestuur', f.bestuurscode ?? '');
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
    const person = await repo.findPerson(db, idParam(req, 'personId'));
    if (!person) throw notFound();
    const memberships = await repo.membershipsOfPerson(db, person.id);
    const ctx = reply.ctx();
    const self = person.id === req.principal!.personId;
    return reply.page(
      <Layout
        ctx={ctx}
        title={person.name}
        breadcrumbs={[{ href: '/beheer/gebruikers', label: 'Gebruikers' }, { label: person.name }]}
      >
        <Heading level={1}>{person.name}</Heading>
        {opts.error && <Alert type="error">{opts.error}</Alert>}
        {noticeOf(req) && <Alert type="ok">{noticeOf(req)}</Alert>}
        <DataSummary
          items={[
            { key: 'E-mailadres', value: person.email },
            { key: 'Account aangemaakt', value: formatDateTime(new Date(person.created_at)) },
            { key: 'Tweestapsverificatie', value: person.totp_enabled_at ? 'Aan' : 'Uit' },
            {
              key: 'Status',
              value: person.disabled_at
                ? `Geblokkeerd sinds ${formatDateTime(new Date(person.disabled_at))}`
                : 'Actief',
            },
          ]}
        />
        <Heading level={2}>Rollen</Heading>
        <MembersTable
          ctx={ctx}
          caption={`Rollen van ${person.name}`}
          rows={memberships}
          showOrganisation
          removeAction={(m) => `/beheer/lidmaatschappen/${m.id}/verwijderen`}
        />
        {!self && (
          <form method="post" action={`/beheer/gebruikers/${person.id}/status`} class="npo-stack">
            <CsrfField token={ctx.csrfToken()} />
            <input type="hidden" name="actie" value={person.disabled_at ? 'deblokkeren' : 'blokkeren'} />
            <Button variant={person.disabled_at ? 'secondary' : 'danger'}>
              {person.disabled_at ? 'Account deblokkeren' : 'Account blokkeren'}
            </Button>
          </form>
        )}
      </Layout>,
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
      const person = await repo.findPerson(db, personId);
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
        await repo.updatePerson(trx, personId, { disabled_at: block ? platform.now() : null });
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
      const m = await repo.findMembership(db, membershipId);
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
