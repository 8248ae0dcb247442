// The OpenAPI document lints clean with Redocly's recommended rules, and it names exactly the
// routes the server answers: every documented operation is served (never 404 "route_not_found"),
// and an undocumented path is not.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const redocly = path.resolve(here, '../tools/node_modules/.bin/redocly');

let server;
let document;
before(async () => {
  server = await startServer();
  document = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
});
after(async () => server?.stop());

test('the OpenAPI document lints clean with the recommended rules', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-openapi-'));
  try {
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(document));
    // exits non-zero on any error; warnings are printed and counted below
    const output = execFileSync(redocly, ['lint', '--format=json', file], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const report = JSON.parse(output.slice(output.indexOf('{')));
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`);
    assert.deepEqual(problems, [], 'the linter reported problems');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('every documented operation is a served route', async () => {
  const operations = Object.entries(document.paths).flatMap(([pattern, methods]) =>
    Object.keys(methods).map((method) => [method.toUpperCase(), pattern.replace(/\{[^}]+\}/g, '1')]));
  assert.ok(operations.length >= 40, `only ${operations.length} operations documented`);
  for (const [method, route] of operations) {
    const answer = await fetch(`${server.url}${route}`, { method, redirect: 'manual' });
    let code = null;
    if ((answer.headers.get('content-type') || '').includes('json')) code = (await answer.json().catch(() => ({}))).code;
    else await answer.arrayBuffer();
    assert.notEqual(code, 'route_not_found', `${method} ${route} is documented but not served`);
    assert.notEqual(answer.status, 405, `${method} ${route} is documented but answers 405`);
  }
  const missing = await fetch(`${server.url}/api/v1/not-a-route`);
  assert.equal((await missing.json()).code, 'route_not_found');
});
