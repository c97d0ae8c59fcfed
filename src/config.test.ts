import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults: embedded database, demo on, port 3000, Rijkshuisstijl theme', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.database.url, undefined);
  assert.equal(c.database.pgliteDir, './data/pglite');
  assert.equal(c.demo, true);
  assert.equal(c.theme, 'rijkshuisstijl');
  assert.equal(c.secureCookies, false);
});

test('a DATABASE_URL turns demo mode off unless asked', () => {
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' }).demo, false);
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://x@localhost/db', DEMO: 'true' }).demo, true);
});

test('a bad value names the variable', () => {
  assert.throws(
    () => loadConfig({ PORT: 'drieduizend' }),
    (e: unknown) => e instanceof ConfigError && e.message.includes('PORT'),
  );
  assert.throws(
    () => loadConfig({ DATABASE_URL: 'mysql://x' }),
    (e: unknown) => e instanceof ConfigError && e.message.includes('DATABASE_URL'),
  );
  assert.throws(
    () => loadConfig({ THEME: 'paars' }),
    (e: unknown) => e instanceof ConfigError && e.message.includes('THEME'),
  );
});

test('production requires a session secret of at least 32 characters', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /SESSION_SECRET/);
  assert.throws(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'kort' }), /SESSION_SECRET/);
  assert.equal(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).env, 'production');
});

test('an https BASE_URL makes cookies Secure', () => {
  assert.equal(loadConfig({ BASE_URL: 'https://nponderwijs.example' }).secureCookies, true);
});

test('empty variables count as unset', () => {
  assert.equal(loadConfig({ PORT: '', DATABASE_URL: '' }).port, 3000);
});

test('helpdesk hours and answer time have no default; the hours must read HH:MM-HH:MM with the end after the start', () => {
  assert.deepEqual(loadConfig({}).helpdesk, {});
  assert.deepEqual(loadConfig({ HELPDESK_HOURS: '10:00-14:00', HELPDESK_ANSWER_WORKDAYS: '3' }).helpdesk, {
    hours: { from: '10:00', to: '14:00' },
    answerWorkdays: 3,
  });
  for (const bad of ['9-17', '09:00-25:00', '17:00-09:00', 'werkdagen'])
    assert.throws(
      () => loadConfig({ HELPDESK_HOURS: bad }),
      (e: unknown) => e instanceof ConfigError && e.message.includes('HELPDESK_HOURS'),
      bad,
    );
  assert.throws(
    () => loadConfig({ HELPDESK_ANSWER_WORKDAYS: '0' }),
    (e: unknown) => e instanceof ConfigError && e.message.includes('HELPDESK_ANSWER_WORKDAYS'),
  );
});
