import { describe, expect, it } from 'vitest';
import { consoleRoutePrefixes, consoleTicketPaths } from '../../functions/http/console-paths';
import { consoleSurface } from '../../functions/http/console-surface';
import { createHttpApp } from '../../functions/http/http-app';
import { publicSurface } from '../../functions/http/public-surface';
import type { TestStore } from '../helpers/store';

/**
 * API Gateway sends requests to the console Lambda by the prefixes in console-paths.ts and everything else to the
 * public one. A console route outside those prefixes would be answered 404 by the public Lambda in AWS while every
 * local test passes; a prefix that no console route serves would send public requests to the wrong function.
 */
const routesOf = (surfaces: (typeof consoleSurface)[]) => {
  // Building the app only mounts routes: the store is never called.
  const app = createHttpApp({ store: {} as TestStore, config: { runtime: 'aws' } }, surfaces);
  return app.routes.filter((route) => route.method !== 'ALL').map((route) => route.path);
};
/** Assets and health checks that every function's shell serves for itself, whichever surface it carries. */
const shellRoutes = new Set(routesOf([]));
const surfaceRoutes = (surface: typeof consoleSurface) =>
  routesOf([surface]).filter((path) => !shellRoutes.has(path));

const ticketPathPatterns = consoleTicketPaths.map(
  (path) => new RegExp(`^${path.replace(/\{[^}]+\}/g, ':[^/]+').replace(/\//g, '\\/')}$`),
);
const underConsolePrefix = (path: string) =>
  consoleRoutePrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)) ||
  ticketPathPatterns.some((pattern) => pattern.test(path));

describe('the console paths API Gateway routes to the console Lambda', () => {
  const consoleRoutes = surfaceRoutes(consoleSurface);
  const publicRoutes = surfaceRoutes(publicSurface);

  it('cover every route the console surface mounts', () => {
    expect(consoleRoutes.length).toBeGreaterThan(20);
    expect(consoleRoutes.filter((path) => !underConsolePrefix(path))).toEqual([]);
  });

  it('are each served by some console route', () => {
    const unused = consoleRoutePrefixes.filter(
      (prefix) => !consoleRoutes.some((path) => path === prefix || path.startsWith(`${prefix}/`)),
    );
    expect(unused).toEqual([]);
    for (const pattern of ticketPathPatterns)
      expect(consoleRoutes.some((path) => pattern.test(path))).toBe(true);
  });

  it('take no route of the public surface', () => {
    expect(publicRoutes.length).toBeGreaterThan(10);
    expect(publicRoutes.filter(underConsolePrefix)).toEqual([]);
  });
});
