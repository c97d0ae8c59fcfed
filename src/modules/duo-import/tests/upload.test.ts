// The upload page: it states when schools are closed; a truncated schools file waits for the
// beheerder's confirmation (nothing changed meanwhile), and closes only once confirmed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  TestClient,
  type Fixtures,
} from '../../../../test/support/app.ts';
import type { Database } from '../../../platform/db/database.ts';
import { importDuoFile } from '../services/importer.ts';

const header =
  'PROVINCIE;BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;PLAATSNAAM;GEMEENTENUMMER;GEMEENTENAAM;DENOMINATIE';
const rows = (n: number) =>
  Array.from({ length: n }, (_, k) => {
    const code = `R${String(k + 1).padStart(3, '0')}00`;
    return `Utrecht;500;${code.slice(0, 4)};${code};School ${k + 1};UTRECHT;0344;UTRECHT;Openbaar`;
  });
const csv = (lines: string[]) => Buffer.from(`${[header, ...lines].join('\r\n')}\r\n`, 'latin1');

eachEngine('duo-import upload page', (database) => {
  describe('confirmation', () => suite(database));
});

function suite(database: () => Database) {
  let app: FastifyInstance;
  let fx: Fixtures;
  before(async () => {
    fx = await createFixtures(database());
    app = await createTestApp(database());
  });
  after(async () => {
    await app?.close();
  });

  const open = async () => {
    const r = await database()
      .db.selectFrom('organisation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('code', 'like', 'R%')
      .where('closed_on', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };

  test('a truncated schools upload waits for confirmation with nothing changed; confirmed, it closes the schools', async () => {
    await importDuoFile(database().db, csv(rows(100)), {
      fileName: 'volledig.csv',
      peildatum: '2026-01-01',
      today: '2026-11-28',
    });
    const { cookie } = await signInAs(database(), 'beheerder', fx.ministryId);
    const client = new TestClient(app, cookie);
    const page = await client.get('/beheer/imports');
    assert.match(page.body, /alleen als het bestand volledig en foutloos is/);
    assert.match(page.body, /meer dan 10 % van de open scholen/);
    const boundary = '----npo-test';
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = Buffer.concat([
      Buffer.from(
        part('_csrf', client.csrfToken()) +
          part('soort', 'scholen') +
          part('peildatum', '2026-01-01') +
          `--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="afgekapt.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      csv(rows(30)),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/beheer/imports',
      payload: body,
      headers: { cookie: client.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    assert.equal(res.statusCode, 303);
    const url = res.headers.location as string;
    const waiting = await client.get(url);
    assert.match(waiting.body, /Wacht op uw bevestiging/);
    assert.match(waiting.body, /70 van de 100 open scholen in het basisonderwijs \(70 %\)/);
    assert.match(waiting.body, /Importeren en scholen sluiten/);
    assert.equal(await open(), 100);
    const confirmed = await client.post(`${url}/bevestigen`, { besluit: 'sluiten' });
    assert.equal(confirmed.statusCode, 303);
    const done = await client.get(url);
    assert.match(done.body, /Het bestand is geïmporteerd/);
    assert.equal(await open(), 30);
    const again = await client.post(`${url}/bevestigen`, { besluit: 'sluiten' });
    assert.equal(again.statusCode, 404);
  });
}
