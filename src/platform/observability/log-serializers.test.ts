import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logSerializers } from './log-serializers.ts';

test('request log lines keep method, path and id, never the query string or the address', () => {
  const line = logSerializers.req({
    id: 'r1',
    method: 'GET',
    url: '/uitnodiging?token=geheim',
    ip: '192.0.2.7',
    headers: { cookie: 'npo_sessie=x' },
  } as unknown as Parameters<typeof logSerializers.req>[0]);
  assert.deepEqual(line, { id: 'r1', method: 'GET', path: '/uitnodiging' });
  assert.doesNotMatch(JSON.stringify(line), /geheim|192\.0\.2\.7|npo_sessie/);
});
