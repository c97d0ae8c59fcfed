import assert from 'node:assert/strict';
import { test } from 'node:test';
import { access, decide, type Target } from './access.ts';
import type { Membership, Principal } from './principal.ts';
import type { Role } from '../db/tables.ts';

const ministry = 1;
const boardA = 10;
const boardB = 20;
const schoolA: Target = { id: 11, kind: 'school', parentId: boardA };
const schoolB: Target = { id: 21, kind: 'school', parentId: boardB };

function person(
  memberships: [Role, number, Membership['organisationKind'], number | null][],
  mfaVerified = true,
): Principal {
  return {
    personId: 1,
    name: 'Test',
    email: 't@example.org',
    sessionId: 's',
    mfaVerified,
    memberships: memberships.map(([role, organisationId, organisationKind, parentId]) => ({
      role,
      organisationId,
      organisationKind,
      organisationName: 'x',
      parentId,
    })),
  };
}

test('public routes admit everyone; others ask visitors to sign in', () => {
  assert.equal(decide(null, access.public()), 'allow');
  assert.equal(decide(null, access.signedIn()), 'sign-in');
  assert.equal(decide(null, access.school(['schoolleider']), schoolA), 'sign-in');
});

test('a school role counts only in its own school', () => {
  const leider = person([['schoolleider', schoolA.id, 'school', boardA]]);
  assert.equal(decide(leider, access.school(['schoolleider']), schoolA), 'allow');
  assert.equal(decide(leider, access.school(['schoolleider']), schoolB), 'deny');
  assert.equal(decide(leider, access.school(['teamlid']), schoolA), 'deny');
});

test("a board member reaches its own schools only when the route admits 'bestuur'", () => {
  const bestuur = person([['bestuur', boardA, 'bestuur', null]]);
  assert.equal(decide(bestuur, access.school(['schoolleider', 'bestuur']), schoolA), 'allow');
  assert.equal(decide(bestuur, access.school(['schoolleider', 'bestuur']), schoolB), 'deny');
  assert.equal(decide(bestuur, access.school(['schoolleider']), schoolA), 'deny');
});

test('board routes need a role in that board', () => {
  const gmr = person([['gmr-lid', boardA, 'bestuur', null]]);
  const boardTarget: Target = { id: boardA, kind: 'bestuur', parentId: null };
  assert.equal(decide(gmr, access.board(['gmr-lid']), boardTarget), 'allow');
  assert.equal(
    decide(gmr, access.board(['gmr-lid']), { id: boardB, kind: 'bestuur', parentId: null }),
    'deny',
  );
  // A school id where a board is expected is no board.
  assert.equal(decide(gmr, access.board(['gmr-lid']), { ...schoolA }), 'deny');
});

test('ministry roles never reach school-scoped routes they are not named in (DESIGN rule 1)', () => {
  for (const role of ['analist', 'helpdesk', 'redactie', 'beheerder'] as Role[]) {
    const p = person([[role, ministry, 'ministerie', null]]);
    assert.equal(decide(p, access.school(['schoolleider', 'teamlid', 'mr-lid', 'bestuur']), schoolA), 'deny');
    assert.equal(decide(p, access.platform(role), undefined), 'allow');
  }
});

test('a platform role must be held in the ministry organisation', () => {
  const fake = person([['beheerder', schoolA.id, 'school', boardA]]);
  assert.equal(decide(fake, access.platform('beheerder')), 'deny');
});

test('memberships that need two-factor authentication do not count before it', () => {
  const p = person(
    [
      ['beheerder', ministry, 'ministerie', null],
      ['teamlid', schoolA.id, 'school', boardA],
    ],
    false,
  );
  assert.equal(decide(p, access.platform('beheerder')), 'deny');
  assert.equal(decide(p, access.school(['teamlid']), schoolA), 'allow');
});

test('an unknown organisation denies', () => {
  const leider = person([['schoolleider', schoolA.id, 'school', boardA]]);
  assert.equal(decide(leider, access.school(['schoolleider']), null), 'deny');
});
