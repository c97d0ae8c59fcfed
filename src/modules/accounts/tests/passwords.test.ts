// Unit tests: password rules and hashing, TOTP and recovery codes, the invitation policy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, passwordProblem, verifyPassword } from '../services/passwords.ts';
import {
  base32Decode,
  base32Encode,
  hashRecoveryCode,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  totpCode,
  totpQrSvg,
  totpStep,
} from '../services/totp.ts';
import { mayManage } from '../services/memberships.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Role } from '../../../platform/db/tables.ts';

test('passwords are hashed with argon2id m=19456,t=2,p=1 and verified', async () => {
  const h = await hashPassword('een lange zin als wachtwoord');
  assert.match(h, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(await verifyPassword(h, 'een lange zin als wachtwoord'), true);
  assert.equal(await verifyPassword(h, 'een andere zin als wachtwoord'), false);
  assert.equal(await verifyPassword(null, 'wat dan ook'), false);
  assert.equal(await verifyPassword('geen-hash', 'wat dan ook'), false);
});

test('weak passwords are refused with a Dutch reason', () => {
  assert.match(passwordProblem('kort')!, /minstens 12 tekens/);
  assert.match(passwordProblem('wachtwoord123')!, /te veel voor/);
  assert.match(passwordProblem('Wachtwoord2024!')!, /te veel voor/);
  assert.match(passwordProblem('qwertyuiop12')!, /te veel voor/);
  assert.match(passwordProblem('aaaaaaaaaaaaaa')!, /te veel voor/);
  assert.match(passwordProblem('jan.jansen.123!', { email: 'jan.jansen@school.nl' })!, /naam of e-mailadres/);
  assert.equal(passwordProblem('paarse olifant danst op het dak'), null);
});

test('a password holding the e-mail address, or its local part of 4 or more characters, is refused', () => {
  const refused = /Gebruik niet uw naam of e-mailadres/;
  assert.match(passwordProblem('mijn adres is jo@school.example', { email: 'jo@school.example' })!, refused);
  assert.match(passwordProblem('MIJN ADRES IS JO@SCHOOL.EXAMPLE', { email: 'Jo@School.example' })!, refused);
  assert.match(passwordProblem('JanDeVries in het voorjaar', { email: 'jan.de.vries@school.nl' })!, refused);
  assert.match(passwordProblem('het is piet-hein op zolder', { email: 'piethein@school.nl' })!, refused);
  assert.equal(
    passwordProblem('jo fietst graag door de duinen', { email: 'jo@school.example' }),
    null,
    'a local part under 4 characters alone is fine',
  );
});

test('base32 round-trips and TOTP codes match only once per step', () => {
  const bytes = Uint8Array.from([1, 2, 3, 250, 255, 0, 17]);
  assert.deepEqual(base32Decode(base32Encode(bytes)), bytes);
  // RFC 6238 test vector (SHA-1, 8 digits 94287082 at 59 s): the last 6 digits.
  const rfcKey = base32Encode(Buffer.from('12345678901234567890'));
  assert.equal(totpCode(rfcKey, new Date(59_000)), '287082');
  const secret = newTotpSecret();
  const now = new Date('2026-01-05T10:00:10Z');
  const code = totpCode(secret, now);
  const step = matchTotp(secret, code, now, null);
  assert.equal(step, totpStep(now));
  assert.equal(matchTotp(secret, code, now, step), null, 'a used step is refused');
  assert.equal(
    matchTotp(secret, code, new Date(now.getTime() + 30_000), null),
    totpStep(now),
    'one step of drift is accepted',
  );
  assert.equal(
    matchTotp(secret, code, new Date(now.getTime() + 120_000), null),
    null,
    'an old code is refused',
  );
  assert.equal(matchTotp(secret, 'abcdef', now, null), null);
});

test('the QR code is an SVG without style attributes; recovery codes are random and hashed', async () => {
  const svg = await totpQrSvg(newTotpSecret(), 'a@b.nl');
  assert.match(svg, /^<svg /);
  assert.doesNotMatch(svg, /style=/);
  assert.match(svg, /role="img"/);
  const codes = newRecoveryCodes();
  assert.equal(new Set(codes).size, 10);
  for (const c of codes) assert.match(c, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  assert.equal(hashRecoveryCode(codes[0]!), hashRecoveryCode(codes[0]!.toUpperCase().replace(/-/g, ' ')));
  assert.notEqual(hashRecoveryCode(codes[0]!), hashRecoveryCode(codes[1]!));
});

function principal(
  role: Role,
  organisationId: number,
  kind: 'ministerie' | 'bestuur' | 'school',
  parentId: number | null = null,
): Principal {
  return {
    personId: 1,
    name: 'X',
    email: 'x@y.nl',
    sessionId: 's',
    mfaVerified: true,
    memberships: [{ role, organisationId, organisationKind: kind, organisationName: 'O', parentId }],
  };
}

test('who may invite whom', () => {
  const ministry = { id: 1, kind: 'ministerie' as const, parent_id: null };
  const board = { id: 10, kind: 'bestuur' as const, parent_id: null };
  const otherBoard = { id: 20, kind: 'bestuur' as const, parent_id: null };
  const school = { id: 11, kind: 'school' as const, parent_id: 10 };
  const otherSchool = { id: 21, kind: 'school' as const, parent_id: 20 };
  const beheerder = principal('beheerder', 1, 'ministerie');
  assert.equal(mayManage(beheerder, 'helpdesk', ministry), true);
  assert.equal(mayManage(beheerder, 'beheerder', ministry), true);
  assert.equal(mayManage(beheerder, 'bestuur', board), true);
  assert.equal(mayManage(beheerder, 'schoolleider', school), false);
  const bestuur = principal('bestuur', 10, 'bestuur');
  assert.equal(mayManage(bestuur, 'schoolleider', school), true);
  assert.equal(mayManage(bestuur, 'schoolleider', otherSchool), false);
  assert.equal(mayManage(bestuur, 'gmr-lid', board), true);
  assert.equal(mayManage(bestuur, 'gmr-lid', otherBoard), false);
  assert.equal(mayManage(bestuur, 'teamlid', school), false);
  assert.equal(mayManage(bestuur, 'bestuur', board), false);
  const leader = principal('schoolleider', 11, 'school', 10);
  assert.equal(mayManage(leader, 'teamlid', school), true);
  assert.equal(mayManage(leader, 'mr-lid', school), true);
  assert.equal(mayManage(leader, 'schoolleider', school), false);
  assert.equal(mayManage(leader, 'teamlid', otherSchool), false);
  assert.equal(mayManage(principal('teamlid', 11, 'school', 10), 'teamlid', school), false);
  // Without a second factor the bestuur membership does not count.
  assert.equal(mayManage({ ...bestuur, mfaVerified: false }, 'schoolleider', school), false);
});
