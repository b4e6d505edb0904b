import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { whatsappTemplates } from '../../functions/domain/whatsapp-templates';
import { signatureOf } from '../../functions/whatsapp/webhook';

/**
 * A local server that speaks the Cloud API's HTTP contract for what hadir uses, so the production client is the
 * code under test: `POST /{version}/{phone-number-id}/messages` with a bearer token, the platform's error bodies
 * (`{ error: { message, type, code, error_subcode, fbtrace_id } }`), 429 with Retry-After, and signed webhooks
 * sent back to a callback URL. Templates are checked against the definitions an operator submits: an unknown
 * name or a wrong parameter count is refused as the platform refuses it (132001, 132000).
 */
export type ScriptedAnswer = {
  status: number;
  code?: number;
  message?: string;
  retryAfter?: string;
  /** Close the socket without an answer (the request may or may not have been taken). */
  hangUp?: boolean;
};

export type ReceivedMessage = {
  phoneNumberId: string;
  to: string;
  template: {
    name: string;
    language: { code: string };
    components?: { type: string; parameters: unknown[] }[];
  };
  messageId: string;
};

const templateParams = new Map(
  Object.values(whatsappTemplates).map((t) => [t.name, { params: t.params.length, header: 'header' in t }]),
);

export async function startContractServer(options: { accessToken: string; appSecret?: string }) {
  const received: ReceivedMessage[] = [];
  const script: ScriptedAnswer[] = [];
  let counter = 0;
  const readBody = (request: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      request.on('error', reject);
    });
  const graphError = (code: number, message: string, type = 'OAuthException') => ({
    error: { message, type, code, fbtrace_id: `A${(++counter).toString(36)}` },
  });

  const server: Server = createServer(async (request, response) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    const match = /^\/(v\d+\.\d+)\/([^/]+)\/messages$/.exec(request.url ?? '');
    const raw = await readBody(request);
    if (request.method !== 'POST' || !match) return send(404, graphError(100, 'Unsupported post request'));
    if (request.headers.authorization !== `Bearer ${options.accessToken}`)
      return send(401, graphError(190, 'Error validating access token: Session has expired'));
    const scripted = script.shift();
    if (scripted?.hangUp) {
      request.socket.destroy();
      return;
    }
    if (scripted)
      return send(
        scripted.status,
        graphError(scripted.code ?? 131000, scripted.message ?? 'Something went wrong'),
        scripted.retryAfter ? { 'retry-after': scripted.retryAfter } : {},
      );
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(400, graphError(100, 'Invalid JSON'));
    }
    if (body.messaging_product !== 'whatsapp')
      return send(400, graphError(100, 'messaging_product is required'));
    if (typeof body.to !== 'string' || !/^\d{8,15}$/.test(body.to))
      return send(400, graphError(131009, 'Parameter value is not valid'));
    const template = body.template as ReceivedMessage['template'] | undefined;
    const known = template ? templateParams.get(template.name) : undefined;
    if (body.type !== 'template' || !template || !known)
      return send(404, graphError(132001, 'Template name does not exist in the translation'));
    const bodyParams = template.components?.find((c) => c.type === 'body')?.parameters.length ?? 0;
    const hasHeader = Boolean(template.components?.some((c) => c.type === 'header'));
    if (bodyParams !== known.params || hasHeader !== known.header)
      return send(
        400,
        graphError(132000, 'Number of parameters does not match the expected number of params'),
      );
    const messageId = `wamid.HBgN${(++counter).toString(36).padStart(8, '0')}`;
    received.push({ phoneNumberId: match[2] as string, to: body.to, template, messageId });
    return send(200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: body.to, wa_id: body.to }],
      messages: [{ id: messageId, message_status: 'accepted' }],
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    /** The next requests get these answers, in order, instead of being accepted. */
    answerNext: (...answers: ScriptedAnswer[]) => script.push(...answers),
    /** A webhook notification as the platform sends it, and its signature header. */
    webhook(value: Record<string, unknown>, secret = options.appSecret ?? '') {
      const body = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '1029384756',
            changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', ...value } }],
          },
        ],
      });
      return { body, signature: signatureOf(secret, body) };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type ContractServer = Awaited<ReturnType<typeof startContractServer>>;
