import { createApp } from '../../functions/http/app';
import type { TestStore } from './store';

export function createTestApp(store: TestStore, clock?: () => Date) {
  return createApp({ store, config: { runtime: 'test', publicBaseUrl: 'https://hadir.test' }, clock });
}

export const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
});
