import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type { AuditEntry, Organisation } from '../../functions/domain/accounts';
import type * as api from '../../functions/domain/api-responses';
import type { CheckinResult } from '../../functions/domain/checkin';
import type { PublicEvent } from '../../functions/domain/events';
import type { Recipient } from '../../functions/followups/segments';
import { createApp } from '../../functions/http/app';
import type { AdminEvent, adminRegistration } from '../../functions/services/admin-events';
import type { publicUser } from '../../functions/services/admin-users';
import type { publicRegistration } from '../../functions/services/registrations';
import type { TestStore } from '../helpers/store';

/** The whole app, as `npm start` serves it; nothing here reads the store. */
const app = createApp({
  store: {} as TestStore,
  config: { runtime: 'test', publicBaseUrl: 'https://hadir.test' },
});

type Document = { paths: Record<string, Record<string, { operationId?: string }>> };
let document: Document;
const dir = mkdtempSync(join(tmpdir(), 'hadir-openapi-'));
beforeAll(async () => {
  const res = await app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  document = await res.json();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * An app route as the document's paths write it: `:id` is `{id}`, and a parameter limited to a few words
 * (`:action{pause|resume|cancel}`) is one path per word.
 */
function documentPaths(path: string): string[] {
  const choice = /:(\w+)\{([\w|-]+)\}/.exec(path);
  if (choice)
    return (choice[2] as string).split('|').flatMap((word) => documentPaths(path.replace(choice[0], word)));
  return [path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')];
}

describe('the OpenAPI document', () => {
  it('describes every /api route of the app', () => {
    const operations = new Set(
      app.routes
        // Swagger UI's own files under /api/docs/ are static files, not operations.
        .filter(
          (route) => route.path.startsWith('/api/') && route.method !== 'ALL' && !route.path.endsWith('*'),
        )
        .flatMap((route) => documentPaths(route.path).map((path) => `${route.method.toLowerCase()} ${path}`)),
    );
    expect(operations.size).toBeGreaterThan(60);
    const missing = [...operations].filter((operation) => {
      const [method, path] = operation.split(' ') as [string, string];
      return !document.paths[path]?.[method];
    });
    expect(missing).toEqual([]);
    // And nothing the app does not serve.
    const described = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    expect(described.filter((operation) => !operations.has(operation))).toEqual([]);
  });

  it('describes the answers with the types the handlers build them from', () => {
    type Described<Name extends keyof typeof api> = z.output<(typeof api)[Name]>;
    expectTypeOf<PublicEvent>().toExtend<Described<'publicEventResponse'>>();
    expectTypeOf<AdminEvent>().toExtend<Described<'adminEventResponse'>>();
    expectTypeOf<ReturnType<typeof publicRegistration>>().toExtend<Described<'registrationResponse'>>();
    expectTypeOf<ReturnType<typeof adminRegistration>>().toExtend<Described<'adminRegistrationResponse'>>();
    expectTypeOf<CheckinResult>().toExtend<Described<'checkinResponse'>>();
    expectTypeOf<ReturnType<typeof publicUser>>().toExtend<Described<'userResponse'>>();
    expectTypeOf<Organisation>().toExtend<Described<'organisationResponse'>>();
    expectTypeOf<AuditEntry>().toExtend<Described<'auditPageResponse'>['entries'][number]>();
    expectTypeOf<Recipient>().toExtend<Described<'audienceResponse'>['recipients'][number]>();
  });

  it('passes redocly lint with the recommended rules: no error, no warning', () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    let output: string;
    try {
      output = execFileSync(
        'node_modules/.bin/redocly',
        ['lint', file, '--format=json', '--config=redocly.yaml'],
        {
          encoding: 'utf8',
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(output) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
    };
    const problems = report.problems.map(
      (problem) => `${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer})`,
    );
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});
