// A real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, against the app
// listening on a free port of 127.0.0.1. Browser tests never skip: without Chromium they fail
// and say how to install it.
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { FastifyInstance } from 'fastify';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium ontbreekt op ${chromiumPath}. Installeer het met: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('geen adres');
  return `http://127.0.0.1:${address.port}`;
}

/** A browser context signed in with a session cookie ('npo_sessie=…'), or anonymous. */
export async function contextFor(
  browser: Browser,
  baseUrl: string,
  cookie?: string,
  javaScriptEnabled = true,
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled, locale: 'nl-NL' });
  if (cookie) {
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: baseUrl }]);
  }
  return context;
}
