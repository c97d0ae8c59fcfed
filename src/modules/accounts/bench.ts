// Sign-in plus the dashboard: each connection posts the sign-in form (argon2id verify) and then
// loads /overzicht with the new session, over and over. Also measured: the dashboard alone
// with a signed-in session, and the cost of one password hash in this process.
// Target (issue 3): p99 < 150 ms at 16 connections on PostgreSQL.
import autocannon from 'autocannon';
import type { BenchScenario } from '../../platform/module.ts';
import { engine, printLoad, printTable, withPlatform, type LoadResult } from '../../../bench/harness.ts';
import { hashParameters, hashPassword, verifyPassword } from './services/passwords.ts';
import { demoEmail, demoPassword } from './demo.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);

function cookiePair(setCookie: string | string[] | undefined, name: string): string | undefined {
  for (const c of [setCookie ?? []].flat()) {
    const m = c.match(new RegExp(`^${name}=([^;]+)`));
    if (m) return `${name}=${m[1]}`;
  }
  return undefined;
}

function toResult(label: string, r: autocannon.Result): LoadResult {
  return {
    label,
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    bytesPerReq: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
  };
}

const login: BenchScenario = {
  name: 'login',
  description: 'Inloggen (argon2id) plus het dashboard; doel p99 < 150 ms bij 16 verbindingen op PostgreSQL',
  async run(args) {
    const connections = Number(args[0] ?? 16);
    // Hash cost in this process, for reference (one core).
    const hash = await hashPassword('een wachtwoord voor de meting');
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) await verifyPassword(hash, 'een wachtwoord voor de meting');
    const verifyMs = (performance.now() - t0) / 10;

    await withPlatform(
      async (p) => {
        const page = await fetch(`${p.url}/inloggen`);
        const csrfCookie = cookiePair(page.headers.getSetCookie(), 'npo_csrf');
        const token = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1];
        if (!csrfCookie || !token) throw new Error('Geen CSRF-token op /inloggen');
        const form = new URLSearchParams({
          _csrf: token,
          email: demoEmail('schoolleider'),
          wachtwoord: demoPassword,
        }).toString();
        const formHeaders = { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' };

        // A signed-in cookie for the dashboard-only run.
        const signIn = await fetch(`${p.url}/inloggen`, {
          method: 'POST',
          headers: formHeaders,
          body: form,
          redirect: 'manual',
        });
        const session = cookiePair(signIn.headers.getSetCookie(), 'npo_sessie');
        if (signIn.status !== 303 || !session) throw new Error(`Inloggen gaf ${signIn.status}`);
        const dash = await fetch(`${p.url}/overzicht`, { headers: { cookie: session } });
        if (dash.status !== 200) throw new Error(`/overzicht gaf ${dash.status}`);

        let logins = 0;
        let dashboards = 0;
        let failures = 0;
        const pair = await autocannon({
          url: p.url,
          connections,
          duration: seconds,
          requests: [
            {
              method: 'POST',
              path: '/inloggen',
              headers: formHeaders,
              body: form,
              onResponse: (status, _body, context, headers) => {
                const c = cookiePair(headers?.['set-cookie'] as string | string[] | undefined, 'npo_sessie');
                if (status === 303 && c) {
                  logins++;
                  (context as { session?: string }).session = c;
                } else failures++;
              },
            },
            {
              method: 'GET',
              path: '/overzicht',
              setupRequest: (req, context) => ({
                ...req,
                headers: { cookie: (context as { session?: string }).session ?? '' },
              }),
              onResponse: (status) => {
                if (status === 200) dashboards++;
                else failures++;
              },
            },
          ],
        });
        const only = await autocannon({
          url: `${p.url}/overzicht`,
          connections,
          duration: seconds,
          headers: { cookie: session },
        });

        printLoad([
          toResult(`inloggen + overzicht (${engine}, ${connections} verb.)`, pair),
          toResult(`alleen overzicht (${engine}, ${connections} verb.)`, only),
        ]);
        console.log('');
        printTable(
          ['', 'waarde'],
          [
            ['geslaagde inlogpogingen', String(logins)],
            ['geladen overzichten', String(dashboards)],
            ['mislukte antwoorden', String(failures)],
            [
              `argon2id m=${hashParameters.memoryCost},t=${hashParameters.timeCost},p=${hashParameters.parallelism}: verify (ms)`,
              verifyMs.toFixed(1),
            ],
            ['cpu-kernen', String((await import('node:os')).cpus().length)],
          ],
        );
        const p99 = pair.latency.p99;
        console.log(
          `\np99 inloggen + overzicht: ${p99} ms (doel < 150 ms): ${p99 < 150 ? 'gehaald' : 'niet gehaald'}`,
        );
      },
      { env: { FORM_RATE_LIMIT: '1000000' } },
    );
  },
};

export const scenarios: BenchScenario[] = [login];
