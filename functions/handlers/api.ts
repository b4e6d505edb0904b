import { handle } from 'hono/aws-lambda';
import { createHttpApp } from '../http/http-app';
import { publicSurface } from '../http/public-surface';
import { httpDepsFromEnv } from './http-deps';

/** The public Lambda: sessions, registration, tickets and check-in. Built once per instance. */
export const handler = handle(createHttpApp(await httpDepsFromEnv(), [publicSurface]));
