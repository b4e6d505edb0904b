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

/** The one console path under a public prefix: a checked-in officer's certificate, next to their ticket. */
export const consoleTicketPaths = ['/t/{code}/sertifikat.pdf'] as const;
