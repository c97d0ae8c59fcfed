// A real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, against the app
// listening on a free port of 127.0.0.1. Browser tests never skip: without Chromium they fail
// and say how to install it.
import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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

/** Runs axe for WCAG 2.1 A/AA on the page and adds each violation, named with `label`, to `problems`. */
export async function checkAxe(page: Page, label: string, problems: string[]): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  for (const v of result.violations)
    problems.push(
      `${label}: ${v.id} (${v.impact}) ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
    );
}

/**
 * Reflow (WCAG 1.4.10): at 320 CSS px wide nothing may scroll sideways, and at 1280 px neither.
 * Resizes the open page (no reload) and adds a problem, named with `label`, per width that
 * overflows, with the elements that stick out furthest.
 */
export async function checkReflow(page: Page, label: string, problems: string[]): Promise<void> {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => {
      const root = document.documentElement;
      if (root.scrollWidth <= root.clientWidth) return null;
      const sticking = [...document.querySelectorAll('body *')]
        .map((el) => ({ el, right: el.getBoundingClientRect().right }))
        .filter((x) => x.right > root.clientWidth + 1)
        .sort((a, b) => b.right - a.right)
        .slice(0, 3)
        .map((x) => `${x.el.tagName.toLowerCase()}.${String(x.el.className).replace(/ /g, '.')}`);
      return `${root.scrollWidth} px breed (${sticking.join(', ')})`;
    });
    if (overflow) problems.push(`${label}: schuift opzij op ${width} px: ${overflow}`);
  }
}
