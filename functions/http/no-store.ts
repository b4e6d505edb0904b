import type { MiddlewareHandler } from 'hono';
import { consoleRoutePrefixes } from './console-paths';

/** Console paths that hold nothing personal: the API's description and its documentation page with assets. */
const publicConsolePrefixes = new Set<string>(['/api/openapi.json', '/api/docs']);

const prefixes = [
  // Everything the console answers: organizers' pages and API, reports and exports, sign-in, certificates (names),
  // unsubscribe links (a token in the URL).
  ...consoleRoutePrefixes.filter((prefix) => !publicConsolePrefixes.has(prefix)),
  '/kelola', // a registration's manage page: contact and officers, with the manage token in the URL
  '/t', // a ticket: the officer's name and the code that admits them
  '/api/registrations', // read, change, export or erase a registration with its manage token
  '/dev', // the local outbox: every email sent, links and all
];

/** The door's API, for enrolled stations: check-ins, walk-ins, substitutes, attendance and the roster. */
const doorApi = /^\/api\/events\/[^/]+\/(?:checkins|walk-ins|substitutes|attendance|roster)(?:\/|$)/;
/** The door's pages (enrolment with a station token, the check-in page); not its service worker and icon. */
const doorPages = /^\/checkin\/(?!sw\.js$|icon\.svg$)/;
/** The registration form: an invitation code in the URL, the submitted officers when it is shown again. */
const registrationForm = /^\/acara\/[^/]+\/daftar(?:\/|$)/;

const under = (path: string, prefix: string) =>
  path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);

/** Whether an answer to `path` may hold personal data or a secret. */
export const isPrivatePath = (path: string) =>
  prefixes.some((prefix) => under(path, prefix)) ||
  doorApi.test(path) ||
  doorPages.test(path) ||
  registrationForm.test(path);

/**
 * Answers that hold personal data or secrets say `Cache-Control: no-store`, so no browser history, shared device,
 * proxy or CDN keeps a copy; so does every answer to a write. Set after the route ran, so it also covers error
 * pages and routes that chose a weaker policy (a ticket's QR image); only fingerprinted assets (`immutable`,
 * the same bytes for everyone) keep theirs.
 */
export const noStoreForPrivate: MiddlewareHandler = async (c, next) => {
  await next();
  const write = c.req.method !== 'GET' && c.req.method !== 'HEAD';
  if (!write && !isPrivatePath(c.req.path)) return;
  if (c.res.headers.get('Cache-Control')?.includes('immutable')) return;
  try {
    c.res.headers.set('Cache-Control', 'no-store');
  } catch {
    c.res = new Response(c.res.body, c.res); // headers of a fetched answer are immutable: copy them
    c.res.headers.set('Cache-Control', 'no-store');
  }
};
