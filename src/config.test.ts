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
  assert.equal(
    loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      TOTP_ENCRYPTION_KEY: 'ab'.repeat(32),
    }).env,
    'production',
  );
});

test('production has no demo data by default, also on the embedded database', () => {
  const c = loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'x'.repeat(32),
    TOTP_ENCRYPTION_KEY: 'ab'.repeat(32),
  });
  assert.equal(c.database.url, undefined);
  assert.equal(c.demo, false);
});

test('DEMO=true with NODE_ENV=production is a configuration error naming DEMO', () => {
  assert.throws(
    () => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), DEMO: 'true' }),
    (e: unknown) => e instanceof ConfigError && /DEMO: .*productie/.test(e.message),
  );
});

test('metrics settings: a short token and METRICS_PORT equal to PORT are refused by name', () => {
  assert.throws(() => loadConfig({ METRICS_TOKEN: 'kort' }), /METRICS_TOKEN/);
  assert.throws(() => loadConfig({ PORT: '3000', METRICS_PORT: '3000' }), /METRICS_PORT/);
  const c = loadConfig({ METRICS_TOKEN: 't'.repeat(32), METRICS_PORT: '9464' });
  assert.deepEqual(c.metrics, { token: 't'.repeat(32), port: 9464 });
  assert.equal(c.auditRetentionDays, 730);
  assert.throws(() => loadConfig({ AUDIT_RETENTION_DAYS: '7' }), /AUDIT_RETENTION_DAYS/);
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
