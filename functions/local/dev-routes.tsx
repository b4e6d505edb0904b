import { Hono } from 'hono';
import type { StoredMail } from '../db/dev-mail-repo';
import type { Store } from '../db/store';
import { DomainError } from '../domain/errors';
import { attachmentBytes } from '../domain/mail-message';
import type { BaseEnv } from '../http/context';
import { Layout } from '../http/pages/layout';
import { handleWebhook } from '../whatsapp/webhook';
import { whatsappPhoneHtml } from './whatsapp-preview';

const listItem = (mail: StoredMail) => ({
  id: mail.id,
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  attachments: mail.attachments.map(({ filename, contentType }) => ({ filename, contentType })),
  createdAt: mail.createdAt,
  ...(mail.channel ? { channel: mail.channel, whatsapp: mail.whatsapp } : {}),
});

/** Developer-only routes, mounted by `npm start` and never by the Lambda: read the emails hadir "sent". */
export function createDevRoutes(store: Store) {
  const suppressions = store.suppressions;
  const load = async (id: string) => {
    const mail = await store.devMail.get(id);
    if (!mail) throw new DomainError('not_found');
    return mail;
  };
  return (
    new Hono<BaseEnv>()
      .get('/outbox.json', async (c) => {
        const { mails, next } = await store.devMail.page({ cursor: c.req.query('after') });
        return c.json({ messages: mails.map(listItem), next });
      })
      .get('/outbox', async (c) => {
        const { mails: messages, next } = await store.devMail.page({ cursor: c.req.query('after') });
        return c.render(
          <Layout title="Outbox" language="en" path="/dev/outbox">
            <h1>Local outbox</h1>
            <p class="muted">
              Emails and WhatsApp messages the local runtime would have sent, newest first. JSON:
              /dev/outbox.json
            </p>
            {messages.map((mail) => (
              <article class="card">
                <a href={`/dev/outbox/${encodeURIComponent(mail.id)}`}>
                  <strong>{mail.subject}</strong>
                </a>
                <p class="muted">
                  {mail.channel === 'whatsapp'
                    ? `${mail.createdAt} · WhatsApp to ${mail.to.join(', ')}`
                    : `${mail.createdAt} · email to ${mail.to.join(', ')} · ${mail.attachments.length} attachment(s)`}
                </p>
              </article>
            ))}
            {next ? (
              <p>
                <a href={`/dev/outbox?after=${encodeURIComponent(next)}`}>Older emails →</a>
              </p>
            ) : null}
          </Layout>,
        );
      })
      .get('/outbox/:id', async (c) => {
        const mail = await load(c.req.param('id'));
        const id = encodeURIComponent(mail.id);
        return c.render(
          <Layout title={mail.subject} language="en" path={`/dev/outbox/${id}`}>
            <p>
              <a href="/dev/outbox">← Outbox</a>
            </p>
            <h1>{mail.subject}</h1>
            {mail.channel === 'whatsapp' ? (
              <>
                {c.req.query('status') ? (
                  <div class="alert ok">{`Webhook simulated: ${c.req.query('status')}`}</div>
                ) : null}
                {/* Same origin so the ticket's QR loads (this origin answers CORP same-origin); still no script:
                    no allow-scripts, and the phone document's own CSP has no script-src. */}
                <iframe
                  class="mail phone"
                  title="WhatsApp message"
                  src={`/dev/outbox/${id}/phone`}
                  sandbox="allow-same-origin"
                  width="360"
                  height="640"
                />
                <form method="post" action={`/dev/outbox/${id}/whatsapp`}>
                  {['delivered', 'read', 'failed', 'BERHENTI'].map((status) => (
                    <button type="submit" class="secondary" name="status" value={status}>
                      {status === 'BERHENTI' ? 'Simulate a BERHENTI reply' : `Simulate "${status}"`}
                    </button>
                  ))}
                </form>
              </>
            ) : null}
            <dl class="facts">
              <dt>From</dt>
              <dd>{mail.from}</dd>
              <dt>To</dt>
              <dd>{mail.to.join(', ')}</dd>
              <dt>Date</dt>
              <dd>{mail.createdAt}</dd>
              {mail.channel === 'whatsapp' ? null : (
                <>
                  <dt>Attachments</dt>
                  <dd>
                    {mail.attachments.map((attachment, index) => (
                      <a
                        href={`/dev/outbox/${id}/attachments/${index}`}
                      >{`${attachment.filename} (${attachment.contentType}) `}</a>
                    ))}
                  </dd>
                </>
              )}
            </dl>
            {mail.channel === 'whatsapp' ? null : (
              <>
                {c.req.query('bounced') ? (
                  <div class="alert ok">Bounce recorded: follow-ups skip this address.</div>
                ) : null}
                <form method="post" action={`/dev/outbox/${id}/bounce`}>
                  <button type="submit" class="secondary">
                    Simulate a hard bounce
                  </button>
                </form>
                <h2>HTML</h2>
                <iframe class="mail" title="HTML part" src={`/dev/outbox/${id}/html`} sandbox="" />
              </>
            )}
            <h2>Plain text</h2>
            <pre class="pre">{mail.text}</pre>
          </Layout>,
        );
      })
      // What SES reports for an address that does not exist, without SES: the same suppression the AWS handler
      // (functions/handlers/ses-events.ts) records, so follow-ups skip the address from now on.
      .post('/outbox/:id/bounce', async (c) => {
        const mail = await load(c.req.param('id'));
        for (const address of mail.to) await suppressions.suppress(address, 'bounce', new Date());
        if ((c.req.header('accept') ?? '').includes('application/json'))
          return c.json({ suppressed: mail.to.length });
        return c.redirect(`/dev/outbox/${encodeURIComponent(mail.id)}?bounced=1`, 303);
      })
      .get('/outbox/:id/phone', async (c) => {
        const mail = await load(c.req.param('id'));
        c.header(
          'Content-Security-Policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; frame-ancestors 'self'",
        );
        c.header('X-Frame-Options', 'SAMEORIGIN');
        return c.html(whatsappPhoneHtml(mail));
      })
      // What the platform's webhook would report for this message, without the platform: the same handler the
      // signed POST /webhooks/whatsapp runs (delivery statuses, a BERHENTI reply).
      .post('/outbox/:id/whatsapp', async (c) => {
        const mail = await load(c.req.param('id'));
        const form = await c.req.parseBody();
        const status = String(form.status ?? '');
        const platformId = mail.headers?.['X-WhatsApp-Message-Id'];
        const waId = (mail.to[0] ?? '').replace(/^\+/, '');
        const timestamp = String(Math.floor(Date.now() / 1000));
        const value =
          status === 'BERHENTI'
            ? {
                messages: [
                  { id: `wamid.in.${Date.now()}`, from: waId, type: 'text', text: { body: 'BERHENTI' } },
                ],
              }
            : {
                statuses: [
                  {
                    id: platformId ?? '',
                    status,
                    timestamp,
                    recipient_id: waId,
                    ...(status === 'failed'
                      ? { errors: [{ code: 131026, title: 'Message undeliverable' }] }
                      : {}),
                  },
                ],
              };
        await handleWebhook({ entry: [{ changes: [{ field: 'messages', value }] }] }, store, new Date());
        return c.redirect(
          `/dev/outbox/${encodeURIComponent(mail.id)}?status=${encodeURIComponent(status)}`,
          303,
        );
      })
      .get('/outbox/:id/html', async (c) => {
        const mail = await load(c.req.param('id'));
        // The email's own inline styles must apply; scripts never run (sandboxed frame, no script-src).
        c.header(
          'Content-Security-Policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; frame-ancestors 'self'",
        );
        c.header('X-Frame-Options', 'SAMEORIGIN');
        // Inline images (ticket QR codes) are attachments the HTML names by Content-ID, as a mail app shows them.
        const base = `/dev/outbox/${encodeURIComponent(mail.id)}/attachments`;
        const html = mail.html.replace(/cid:([^"'\s)]+)/g, (reference, cid: string) => {
          const index = mail.attachments.findIndex((attachment) => attachment.contentId === cid);
          return index < 0 ? reference : `${base}/${index}`;
        });
        return c.html(html);
      })
      .get('/outbox/:id/attachments/:index', async (c) => {
        const mail = await load(c.req.param('id'));
        const attachment = mail.attachments[Number(c.req.param('index'))];
        if (!attachment) throw new DomainError('not_found');
        c.header(
          'Content-Disposition',
          `${attachment.contentId ? 'inline' : 'attachment'}; filename="${attachment.filename.replace(/[^\w.-]/g, '_')}"`,
        );
        return c.body(attachmentBytes(attachment) as Uint8Array<ArrayBuffer>, 200, {
          'Content-Type': attachment.contentType,
        });
      })
  );
}
