import type { TemplateMessage } from '../domain/whatsapp-templates';

/**
 * The WhatsApp Business Platform's Cloud API, only what hadir uses: send a template message
 * (`POST /{version}/{phone-number-id}/messages`). No SDK: one HTTPS request with a bearer token, and the error
 * answers mapped to what the outbox must do with them.
 *
 * It never retries a request by itself: the outbox decides, so a retry is a new attempt of the job with its
 * backoff, and a request whose answer was lost is not sent a second time (see `ambiguous`).
 */
export type CloudApiOptions = {
  phoneNumberId: string;
  /** The system user's access token, or how to read it (Parameter Store in AWS), read once and kept. */
  accessToken: string | (() => Promise<string>);
  /** `https://graph.facebook.com` in production; the contract server in tests and the bench. */
  baseUrl?: string;
  apiVersion?: string;
  fetch?: typeof fetch;
  /** Abort a request that has not answered after this long. */
  timeoutMs?: number;
};

/** What the outbox does with an error: try again later, give up (and fall back to email), or leave it uncertain. */
export type ErrorClass = 'retry' | 'permanent' | 'opted_out' | 'config' | 'ambiguous';

export class WhatsAppApiError extends Error {
  override name = 'WhatsAppApiError';
  constructor(
    message: string,
    readonly kind: ErrorClass,
    readonly details: {
      status?: number;
      code?: number;
      subcode?: number;
      retryAfterMs?: number;
      traceId?: string;
    },
  ) {
    super(message);
  }
}

/**
 * Graph error codes (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes), grouped by what
 * the outbox must do. Unknown codes follow the HTTP status.
 */
const RETRY_CODES = new Set([
  1, // API unknown
  2, // API service: temporary
  4, // application request limit reached
  80007, // WABA rate limit
  130429, // Cloud API throughput reached
  131000, // something went wrong
  131016, // service unavailable
  131048, // spam rate limit hit
  131056, // pair rate limit: too many messages to one number
  133004, // server temporarily unavailable
]);
const PERMANENT_CODES = new Set([
  100, // invalid parameter
  131008, // required parameter missing
  131009, // parameter value invalid
  131021, // recipient cannot be sender
  131026, // message undeliverable (no WhatsApp, old app, not accepted terms)
  131047, // re-engagement: outside the 24 h window (only templates, which we send, are allowed)
  131051, // unsupported message type
  131052, // media download error
  131053, // media upload error
  133010, // phone number not registered
]);
const OPTED_OUT_CODES = new Set([131050]); // the person stopped marketing messages from this business
const CONFIG_CODES = new Set([
  0, // auth exception
  3, // capability
  10, // permission denied
  190, // access token expired or invalid
  200, // permission
  368, // temporarily blocked for policy violations
  131030, // recipient not in the test number's allowed list
  131031, // business account locked
  131042, // payment method problem
  131045, // phone number not registered with a certificate
  132000, // template parameter count mismatch
  132001, // template does not exist in this language
  132005, // template text too long once filled
  132007, // template format character policy
  132012, // template parameter format mismatch
  132015, // template paused for low quality
  132016, // template disabled
  132068, // flow blocked
]);

export function classifyError(status: number, code: number | undefined): ErrorClass {
  if (code !== undefined) {
    if (OPTED_OUT_CODES.has(code)) return 'opted_out';
    if (RETRY_CODES.has(code)) return 'retry';
    if (CONFIG_CODES.has(code)) return 'config';
    if (PERMANENT_CODES.has(code)) return 'permanent';
  }
  if (status === 429 || status >= 500) return 'retry';
  if (status === 401 || status === 403) return 'config';
  return 'permanent';
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

type GraphError = {
  error?: {
    message?: string;
    code?: number;
    error_subcode?: number;
    fbtrace_id?: string;
    error_data?: { details?: string };
  };
};

export function createCloudApiClient(options: CloudApiOptions) {
  const baseUrl = (options.baseUrl ?? 'https://graph.facebook.com').replace(/\/+$/, '');
  const version = options.apiVersion ?? 'v23.0';
  const doFetch = options.fetch ?? fetch;
  let token: Promise<string> | undefined;
  const accessToken = () => {
    const source = options.accessToken;
    token ??= typeof source === 'string' ? Promise.resolve(source) : source();
    // A failed read is not kept: the next message reads again.
    token.catch(() => {
      token = undefined;
    });
    return token;
  };

  /** Sends one template message; answers the platform's message id (`wamid…`). */
  async function sendTemplate(to: string, template: TemplateMessage): Promise<{ messageId: string }> {
    const url = `${baseUrl}/${version}/${encodeURIComponent(options.phoneNumberId)}/messages`;
    const body = JSON.stringify({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      // The platform wants the number with its country code and no `+`.
      to: to.replace(/^\+/, ''),
      type: 'template',
      template,
    });
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await accessToken()}`, 'Content-Type': 'application/json' },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      // The request may have reached the platform and the answer been lost: sending again could send twice.
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new WhatsAppApiError(`no answer from the Cloud API (${reason})`, 'ambiguous', {});
    }
    const text = await response.text();
    let parsed: (GraphError & { messages?: { id?: string }[] }) | undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (response.ok) {
      const messageId = parsed?.messages?.[0]?.id;
      if (!messageId)
        throw new WhatsAppApiError('the Cloud API accepted without a message id', 'ambiguous', {});
      return { messageId };
    }
    if (response.status === 401) token = undefined; // a rotated token: read it again next time
    const error = parsed?.error;
    const kind = classifyError(response.status, error?.code);
    const detail = error?.error_data?.details ? ` (${error.error_data.details})` : '';
    throw new WhatsAppApiError(
      `Cloud API ${response.status} ${error?.code ?? ''}: ${error?.message ?? 'no error body'}${detail}`.slice(
        0,
        400,
      ),
      kind,
      {
        status: response.status,
        code: error?.code,
        subcode: error?.error_subcode,
        retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
        traceId: error?.fbtrace_id,
      },
    );
  }

  return { sendTemplate };
}

export type CloudApiClient = ReturnType<typeof createCloudApiClient>;
