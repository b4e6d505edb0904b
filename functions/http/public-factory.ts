import { createFactory } from 'hono/factory';
import type { PublicEnv } from './context';

/**
 * The public surface's Hono factory (registration, tickets, the door): its routes see PublicEnv, the services the
 * public surface (public-surface.ts) builds whole before mounting them. The console's is in console/kit.tsx.
 */
export const publicFactory = createFactory<PublicEnv>();
