import { performance } from 'node:perf_hooks';
import { PreviewProps } from '../emails/registration-received';
import { renderEmail } from '../emails/render';

/**
 * Renders RENDER_COUNT confirmation emails back to back and prints the rate as JSON. bench/scenarios.ts bundles this
 * file exactly like the email Lambdas (infra/constructs/bundle.ts: React's production build) and runs it in a
 * process of its own, one core.
 */
const count = Number(process.env.RENDER_COUNT ?? 1000);
await renderEmail('registration_received', PreviewProps); // warm up
const t0 = performance.now();
for (let i = 0; i < count; i++) await renderEmail('registration_received', PreviewProps);
console.log(JSON.stringify({ perSecond: count / ((performance.now() - t0) / 1000) }));
