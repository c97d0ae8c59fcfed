// The CLI commands: the first beheerder of a platform without demo data is invited from the
// command line, accepts in the browser and must set up two-factor authentication first.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import { createTestApp, testConfig, TestClient } from '../../../../test/support/app.ts';
import type { CliContext } from '../../../platform/cli/command.ts';
import { accountCommands } from '../cli.ts';
import { demoTotpSecret } from '../demo.ts';
import { totpCode } from '../services/totp.ts';

const command = (name: string) => accountCommands.find((c) => c.name === name)!;

eachEngine('accounts cli', (database) => {
  let app: FastifyInstance;
  const lines: string[] = [];
  const ctx: CliContext = {
    config: testConfig(),
    database: async () => database(),
    out: (l) => lines.push(l),
    progress: () => {},
  };
  before(async () => {
    app = await createTestApp(database());
  });
  after(() => app.close());

  test('totp-code prints the current code of a key (the demo key by default) and refuses a bad key', async () => {
    lines.length = 0;
    await command('totp-code').run([], ctx);
    const after = new Date();
    assert.match(lines[0]!, /^\d{6} {2}\(nog \d+ seconden geldig\)$/);
    const printed = lines[0]!.slice(0, 6);
    assert.ok(
      [
        totpCode(demoTotpSecret, after),
        totpCode(demoTotpSecret, new Date(after.getTime() - 30_000)),
      ].includes(printed),
    );
    assert.equal(await command('totp-code').run(['niet-base32!'], ctx), 2);
  });

  test('invite makes a link for the first beheerder, who must set up 2FA after accepting', async () => {
    lines.length = 0;
    assert.equal(
      await command('invite').run(['eerste@ocw.example', 'beheerder', 'OCW', 'Eerste', 'Beheerder'], ctx),
      undefined,
    );
    const link = lines.find((l) => l.includes('/uitnodiging?token='))!.replace(/^https?:\/\/[^/]+/, '');
    const c = new TestClient(app);
    const res = await c.post('/uitnodiging', {
      token: link.split('token=')[1]!,
      naam: 'Eerste Beheerder',
      wachtwoord: 'een heel lang beheerderswachtwoord',
      herhaling: 'een heel lang beheerderswachtwoord',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account/tweestapsverificatie');
    assert.equal((await c.get('/beheer/gebruikers')).statusCode, 403, 'not before 2FA');
    assert.equal(await command('invite').run(['x@y.example', 'beheerder', 'BESTAATNIET'], ctx), 1);
    assert.equal(await command('invite').run(['x@y.example', 'koning', 'OCW'], ctx), 2);
  });
});
