// Funding suite: the beheerder uploads DUO files on the import page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAs, TestClient } from '../../../../test/support/app.ts';
import type { FundingSuite } from './shared.ts';

export function uploadTests(ctx: FundingSuite) {
  test('the beheerder uploads a file: a wrong kind is reported, a good file is imported with a report', async () => {
    const { cookie } = await signInAs(ctx.database(), 'beheerder', ctx.fx.ministryId);
    const client = new TestClient(ctx.app, cookie);
    assert.equal((await client.get('/beheer/imports')).statusCode, 200);
    const upload = async (soort: string, name: string, content: Buffer) => {
      const boundary = '----npo-test';
      const parts = [
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.csrfToken()}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="soort"\r\n\r\n${soort}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ];
      const body = Buffer.concat([
        Buffer.from(parts.join('')),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return ctx.app.inject({
        method: 'POST',
        url: '/beheer/imports',
        payload: body,
        headers: { cookie: client.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    const waitDone = async (url: string) => {
      for (let i = 0; i < 120; i++) {
        const r = await client.get(url);
        if (!/data-vernieuw/.test(r.body)) return r;
        await new Promise((res) => setTimeout(res, 250));
      }
      throw new Error('import did not finish');
    };
    const wrong = await upload(
      'scholen',
      'leerlingen.csv',
      Buffer.from(
        '\ufeffINSTELLINGSCODE;VESTIGINGSCODE;NAAM_VESTIGING;SOORT_VESTIGING;DENOMINATIE_VESTIGING;BEVOEGD_GEZAG_NUMMER;GEMEENTECODE_VESTIGING;GEMEENTENAAM_VESTIGING;LEERLINGEN_2020\r\n',
      ),
    );
    assert.equal(wrong.statusCode, 303);
    const report = await waitDone(wrong.headers.location as string);
    assert.match(report.body, /Mislukt/);
    assert.match(report.body, /leerlingenbestand/);
    const good = await upload(
      'leerlingen',
      'leerlingen.csv',
      Buffer.from(
        '\ufeffINSTELLINGSCODE;VESTIGINGSCODE;NAAM_VESTIGING;SOORT_VESTIGING;DENOMINATIE_VESTIGING;BEVOEGD_GEZAG_NUMMER;GEMEENTECODE_VESTIGING;GEMEENTENAAM_VESTIGING;LEERLINGEN_2020\r\n00AP;00AP00;WereldWijs;BO;Gereformeerd vrijgemaakt;41646;637;ZOETERMEER;104\r\n00AR;00AR00;X;BO;Openbaar;41797;1641;MAASGOUW;veel\r\n',
      ),
    );
    const ok = await waitDone(good.headers.location as string);
    assert.match(ok.body, /geïmporteerd/);
    assert.match(ok.body, /Gewijzigde leerlingtellingen/);
    assert.match(
      ok.body,
      /WereldWijs \(00AP00\)<\/td><td[^>]*>Gewijzigd<\/td><td[^>]*>leerlingen 2020-10-01<\/td><td[^>]*>103<\/td><td[^>]*>104</,
    );
    assert.match(ok.body, /<td[^>]*>3<\/td>\s*<td[^>]*>Het aantal leerlingen &quot;veel&quot;/);
    const missing = await client.post('/beheer/imports', { soort: 'scholen' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /Kies een bestand/);
    const noCsrf = await client.post('/beheer/imports', { soort: 'scholen' }, { csrf: false });
    assert.equal(noCsrf.statusCode, 403);
  });
}
