import { Agent, request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  HEADERS_TIMEOUT_MS,
  KEEP_ALIVE_TIMEOUT_MS,
  type LocalServer,
  serveApp,
} from '../../functions/local/server';
import { createTestApp } from '../helpers/app';
import { createTestStore } from '../helpers/store';

let served: LocalServer;
let connections = 0;

beforeAll(async () => {
  served = await serveApp(createTestApp(await createTestStore()), { port: 0, hostname: '127.0.0.1' });
  served.server.on('connection', () => connections++);
});
afterAll(() => served?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One GET through `agent`: its status, and whether it went over a socket an earlier request had opened. */
function get(agent: Agent, path: string) {
  return new Promise<{ status: number; reused: boolean; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: served.port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

it('keeps an idle connection longer than the clients that reuse it', () => {
  // Node's fetch keeps idle sockets 4 s, browsers and load balancers up to a minute or more.
  expect(served.server.keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS);
  expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThanOrEqual(60_000);
  expect(served.server.headersTimeout).toBe(HEADERS_TIMEOUT_MS);
  expect(HEADERS_TIMEOUT_MS).toBeGreaterThan(KEEP_ALIVE_TIMEOUT_MS);
});

it('serves several requests over one keep-alive socket with an idle gap longer than Node’s default', async () => {
  // One socket: every request after the first must reuse it. A gap of 6.5 s outlasts Node's default keep-alive
  // timeout (5 s, plus the 1 s Node adds), after which the server used to close the socket under the client; a
  // client that reuses it at that moment fails with "other side closed".
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const answers = [await get(agent, '/api/health'), await get(agent, '/api/health')];
    await sleep(6_500);
    answers.push(await get(agent, '/api/health'));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers.map((answer) => answer.reused)).toEqual([false, true, true]);
    expect(JSON.parse(answers[2]?.body ?? '')).toEqual({ ok: true });
    expect(connections).toBe(1);
  } finally {
    agent.destroy();
  }
}, 30_000);
