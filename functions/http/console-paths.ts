/**
 * Where the console surface (functions/http/console-surface.ts) answers. API Gateway routes these to the console
 * Lambda (infra/api-stack.ts); everything else goes to the public one. A plain list, so the CDK app can read it
 * without loading the console's code.
 */
export const consoleRoutePrefixes = [
  '/admin',
  '/api/admin',
  '/api/auth',
  '/auth',
  '/masuk',
  '/keluar',
  '/api/openapi.json',
  '/api/docs',
  '/sertifikat',
  '/berhenti',
] as const;

/**
 * Console paths under public prefixes: a checked-in officer's certificate, next to their ticket, and a speaker's
 * material (the console function holds the file store's rights; the public one needs none).
 */
export const consoleTicketPaths = [
  '/t/{code}/sertifikat.pdf',
  '/acara/{eventId}/materi/{materialId}',
] as const;
