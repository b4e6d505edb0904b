import type { Hono } from 'hono';
import { consoleSurface } from './console-surface';
import type { AppDeps, BaseEnv } from './context';
import { createHttpApp } from './http-app';
import { publicSurface } from './public-surface';

/** Everything in one app: the local runtime and the tests. In AWS each surface is its own Lambda. */
export const createApp = (deps: AppDeps & { devRoutes?: Hono<BaseEnv> }) =>
  createHttpApp(deps, [consoleSurface, publicSurface]);

export type App = ReturnType<typeof createApp>;
