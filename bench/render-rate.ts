import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PreviewProps, type RegistrationReceivedProps } from '../emails/registration-received';
import { renderEmail } from '../emails/render';

/**
 * The floor under every email: the confirmation's own words and links in bare HTML, no layout, no styles, no
 * react-email components and no plain-text version, rendered by the same React build. What the real template costs
 * beyond it is what our layout and the text conversion add.
 */
function BareConfirmation({ event, registration, manageToken, baseUrl }: RegistrationReceivedProps) {
  return h(
    'html',
    null,
    h('head', null, h('title', null, event.title)),
    h(
      'body',
      null,
      h('h1', null, event.title),
      h('p', null, `${registration.contact.name}, ${registration.cooperativeName}`),
      h('p', null, `${event.venue}, ${event.address}, ${event.startsAt}`),
      h(
        'ul',
        null,
        registration.participants.map((participant) =>
          h(
            'li',
            { key: participant.id },
            participant.name,
            ' ',
            h('a', { href: `${baseUrl}/t/${participant.ticketCode}` }, participant.ticketCode),
          ),
        ),
      ),
      h('a', { href: `${baseUrl}/kelola/${registration.id}?token=${manageToken}` }, event.organizerName),
    ),
  );
}

const renderBare = async () => renderToStaticMarkup(h(BareConfirmation, PreviewProps));
const renderConfirmation = () => renderEmail('registration_received', PreviewProps);

/**
 * Calls per second of CPU time of `render`, called back to back for `ms` of CPU time. CPU time rather than the clock:
 * on a shared machine a process waiting for a core is not rendering, and "per second on one core" is what a worker
 * has.
 */
async function rate(render: () => Promise<unknown>, ms: number) {
  const start = process.cpuUsage();
  const cpuMs = () => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  let calls = 0;
  while (cpuMs() < ms) {
    // Ten at a time: reading the CPU clock costs about as much as a bare render.
    for (let i = 0; i < 10; i++) await render();
    calls += 10;
  }
  return calls / (cpuMs() / 1000);
}

/**
 * Renders confirmation emails and bare templates in ROUNDS rounds that alternate the two, ROUND_MS of CPU time each,
 * and prints both rates as JSON (medians over the rounds). bench/email-render.ts bundles this file exactly like the
 * email Lambdas (infra/constructs/bundle.ts: React's production build) and runs it in a process of its own.
 */
const rounds = Number(process.env.ROUNDS ?? 10);
const roundMs = Number(process.env.ROUND_MS ?? 200);
// Warm-up of both: the first calls compile the templates and the renderer.
await rate(renderConfirmation, roundMs);
await rate(renderBare, roundMs);
const confirmation: number[] = [];
const bare: number[] = [];
for (let round = 0; round < rounds; round++) {
  bare.push(await rate(renderBare, roundMs));
  confirmation.push(await rate(renderConfirmation, roundMs));
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
console.log(
  JSON.stringify({
    perSecond: median(confirmation),
    barePerSecond: median(bare),
    // Per round, then the median: both sides of a round saw the same machine.
    costVsBare: median(confirmation.map((perSecond, i) => (bare[i] as number) / perSecond)),
  }),
);
