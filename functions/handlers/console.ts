import { handle } from 'hono/aws-lambda';
import { consoleSurface } from '../http/console-surface';
import { createHttpApp } from '../http/http-app';
import { httpDepsFromEnv } from './http-deps';

/** The console Lambda: organizers, reports, campaigns, certificates. Built once per instance. */
export const handler = handle(createHttpApp(await httpDepsFromEnv(), [consoleSurface]));
