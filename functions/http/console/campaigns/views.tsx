import type { User } from '../../../domain/accounts';
import { campaignKinds, segments } from '../../../domain/campaign';
import type { DeliverySummary } from '../../../domain/deliveries';
import type { EventRecord, Language } from '../../../domain/schemas';
import { formatDateTime } from '../../../domain/time';
import type { CampaignService } from '../../../services/campaigns';
import type { CertificateService } from '../../../services/certificates';
import { ConsoleLayout, Csrf } from '../../pages/admin/layout';
import { Layout } from '../../pages/layout';
import { CampaignChannelCounts } from '../message-log/views';
import { followupPublicText, campaignText as text } from './copy';

type CampaignView = Awaited<ReturnType<CampaignService['list']>>['campaigns'][number];

function When({
  campaign,
  event,
  language,
}: {
  campaign: CampaignView;
  event: EventRecord;
  language: Language;
}) {
  const t = text[language];
  const due = formatDateTime(campaign.dueAt, event.timeZone, language);
  return (
    <>
      {due}
      {campaign.sendAt.type === 'relative' ? (
        <div class="muted">{t.relative(campaign.sendAt.offsetMinutes, campaign.sendAt.anchor)}</div>
      ) : null}
    </>
  );
}

function StateActions({
  campaign,
  base,
  csrf,
  language,
}: {
  campaign: CampaignView;
  base: string;
  csrf?: string;
  language: Language;
}) {
  const t = text[language];
  const button = (action: string, label: string) => (
    <form method="post" action={`${base}/${campaign.id}/${action}`}>
      <Csrf token={csrf} />
      <button type="submit" class="secondary">
        {label}
      </button>
    </form>
  );
  return (
    <>
      {campaign.status === 'scheduled' || campaign.status === 'running' ? button('jeda', t.pause) : null}
      {campaign.status === 'paused' ? button('lanjut', t.resume) : null}
      {['scheduled', 'paused', 'running'].includes(campaign.status) ? button('batal', t.cancel) : null}
    </>
  );
}

export function CampaignsPage(props: {
  language: Language;
  user: User;
  csrfToken?: string;
  notice?: string;
  error?: string;
  event: EventRecord;
  campaigns: CampaignView[];
  assistants: User[];
}) {
  const { event, language } = props;
  const t = text[language];
  const base = `/admin/acara/${event.id}/tindak-lanjut`;
  return (
    <ConsoleLayout
      title={`${t.title} · ${event.title}`}
      language={language}
      user={props.user}
      csrfToken={props.csrfToken}
      notice={props.notice}
      error={props.error}
    >
      <p>
        <a href={`/admin/acara/${event.id}`}>{`← ${t.back}`}</a>
      </p>
      <h1>{`${t.title}: ${event.title}`}</h1>
      {props.campaigns.length === 0 ? <p>{t.none}</p> : null}
      {props.campaigns.length ? (
        <table>
          <thead>
            <tr>
              <th>{t.template}</th>
              <th>{t.segment}</th>
              <th>{t.when}</th>
              <th>{t.status}</th>
              <th>{t.progress}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {props.campaigns.map((campaign) => (
              <tr data-campaign={campaign.id}>
                <td>
                  <a href={`${base}/${campaign.id}`}>{campaign.name || t.kinds[campaign.kind]}</a>
                  <div class="muted">{t.kinds[campaign.kind]}</div>
                </td>
                <td>{t.segments[campaign.segment]}</td>
                <td>
                  <When campaign={campaign} event={event} language={language} />
                </td>
                <td>
                  <span class="badge">{t.statuses[campaign.status]}</span>
                </td>
                <td class="progress">{t.counts(campaign.progress)}</td>
                <td>
                  <StateActions campaign={campaign} base={base} csrf={props.csrfToken} language={language} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <form method="post" action={base} class="card">
        <h2>{t.newCampaign}</h2>
        <Csrf token={props.csrfToken} />
        <label for="kind">{t.template}</label>
        <select id="kind" name="kind">
          {campaignKinds.map((kind) => (
            <option value={kind}>{t.kinds[kind]}</option>
          ))}
        </select>
        <label for="segment">{t.segment}</label>
        <select id="segment" name="segment">
          {segments.map((segment) => (
            <option value={segment}>{t.segments[segment]}</option>
          ))}
        </select>
        <label for="baUserId">{t.assistant}</label>
        <select id="baUserId" name="baUserId">
          <option value="">—</option>
          {props.assistants.map((assistant) => (
            <option value={assistant.id}>{assistant.name}</option>
          ))}
        </select>
        <label for="timing">{t.timing}</label>
        <select id="timing" name="timing">
          <option value="relative">{t.relativeTo}</option>
          <option value="absolute">{t.absolute}</option>
        </select>
        <label for="anchor">{t.anchor}</label>
        <select id="anchor" name="anchor">
          <option value="end">{t.end}</option>
          <option value="start">{t.start}</option>
        </select>
        <label for="offsetMinutes">{t.offset}</label>
        <input id="offsetMinutes" name="offsetMinutes" type="number" value="120" />
        <label for="at">{t.at}</label>
        <input id="at" name="at" type="datetime-local" />
        <label for="name">{t.name}</label>
        <input id="name" name="name" maxlength={120} />
        <label for="message">{t.message}</label>
        <textarea id="message" name="message" rows={3} maxlength={3000} />
        <label for="materials">{t.materials}</label>
        <textarea id="materials" name="materials" rows={3} />
        <button type="submit">{t.create}</button>
      </form>
    </ConsoleLayout>
  );
}

export function CampaignPage(props: {
  language: Language;
  user: User;
  csrfToken?: string;
  notice?: string;
  event: EventRecord;
  campaign: CampaignView;
  recipients: { key: string; name: string; cooperativeName: string; to: string }[];
  selected?: string;
  /** What the campaign sent, counted per channel and by how far it got. */
  deliveries?: DeliverySummary;
}) {
  const { event, campaign, language } = props;
  const t = text[language];
  const base = `/admin/acara/${event.id}/tindak-lanjut`;
  const selected = props.selected ?? props.recipients[0]?.key;
  return (
    <ConsoleLayout
      title={campaign.name || t.kinds[campaign.kind]}
      language={language}
      user={props.user}
      csrfToken={props.csrfToken}
      notice={props.notice}
    >
      <p>
        <a href={base}>{`← ${t.title}`}</a>
      </p>
      <h1>{campaign.name || t.kinds[campaign.kind]}</h1>
      <dl class="facts">
        <dt>{t.template}</dt>
        <dd>{t.kinds[campaign.kind]}</dd>
        <dt>{t.segment}</dt>
        <dd>{t.segments[campaign.segment]}</dd>
        <dt>{t.when}</dt>
        <dd>
          <When campaign={campaign} event={event} language={language} />
        </dd>
        <dt>{t.status}</dt>
        <dd>{t.statuses[campaign.status]}</dd>
        <dt>{t.progress}</dt>
        <dd class="progress">{t.counts(campaign.progress)}</dd>
      </dl>
      {props.deliveries ? <CampaignChannelCounts summary={props.deliveries} language={language} /> : null}
      <div class="actions">
        <StateActions campaign={campaign} base={base} csrf={props.csrfToken} language={language} />
        {campaign.status === 'scheduled' || campaign.status === 'running' ? (
          <form method="post" action={`${base}/${campaign.id}/kirim`}>
            <Csrf token={props.csrfToken} />
            <button type="submit" class="secondary">
              {t.runNow}
            </button>
          </form>
        ) : null}
      </div>
      <h2 id="audience">{t.audience(props.recipients.length)}</h2>
      {props.recipients.length === 0 ? (
        <p>{t.noRecipients}</p>
      ) : (
        <>
          <form method="get" action={`${base}/${campaign.id}`} class="filters">
            <div>
              <label for="r">{t.preview}</label>
              <select id="r" name="r">
                {props.recipients.map((r) => (
                  <option value={r.key} selected={r.key === selected}>
                    {`${r.name} · ${r.cooperativeName} · ${r.to}`}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">{t.show}</button>
          </form>
          <iframe
            class="mail"
            title={t.preview}
            src={`${base}/${campaign.id}/pratinjau?r=${encodeURIComponent(selected ?? '')}`}
            sandbox=""
            style="width:100%;min-height:600px;border:1px solid #ddd"
          />
          <form method="post" action={`${base}/${campaign.id}/uji`}>
            <Csrf token={props.csrfToken} />
            <input type="hidden" name="r" value={selected ?? ''} />
            <button type="submit">{t.test}</button>
          </form>
        </>
      )}
    </ConsoleLayout>
  );
}

type PublicFrame = { language: Language; path: string };

/** What a certificate's QR code opens: whether the number is on record, and whose it is (name masked). */
export function CertificateVerifyPage({
  language,
  path,
  found,
}: PublicFrame & { found: Awaited<ReturnType<CertificateService['verify']>> }) {
  const t = followupPublicText[language];
  return (
    <Layout title={t.verifyTitle} language={language} path={path}>
      <h1>{t.verifyTitle}</h1>
      {found.state === 'not_found' ? (
        <div class="alert">{t.notFound}</div>
      ) : (
        <>
          <div class={found.state === 'valid' ? 'alert ok' : 'alert'} role="status" data-state={found.state}>
            {found.state === 'valid' ? t.valid : t.revoked}
          </div>
          <dl class="facts">
            <dt>{t.number}</dt>
            <dd>{found.number}</dd>
            <dt>{t.name}</dt>
            <dd>{found.maskedName}</dd>
            <dt>{t.cooperative}</dt>
            <dd>{found.cooperativeName}</dd>
            <dt>{t.session}</dt>
            <dd>{found.sessionTitle}</dd>
            <dt>{t.when}</dt>
            <dd>{`${found.date} · ${found.place}`}</dd>
            <dt>{t.signer}</dt>
            <dd>{found.signer}</dd>
          </dl>
        </>
      )}
    </Layout>
  );
}

/** An unsubscribe link's page: one press to stop follow-ups (`token` absent: the link is unknown). */
export function UnsubscribeAskPage({ language, path, token }: PublicFrame & { token?: string }) {
  const t = followupPublicText[language];
  const known = token !== undefined;
  return (
    <Layout title={t.unsubscribeTitle} language={language} path={path}>
      <h1>{t.unsubscribeTitle}</h1>
      {known ? (
        <form method="post" action={`/berhenti/${encodeURIComponent(token)}`}>
          <p>{t.unsubscribeAsk}</p>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <button type="submit">{t.unsubscribeButton}</button>
        </form>
      ) : (
        <div class="alert">{t.unsubscribeInvalid}</div>
      )}
    </Layout>
  );
}

export function UnsubscribedPage({ language, path, done }: PublicFrame & { done: boolean }) {
  const t = followupPublicText[language];
  return (
    <Layout title={t.unsubscribeTitle} language={language} path={path}>
      <h1>{t.unsubscribeTitle}</h1>
      <div class={done ? 'alert ok' : 'alert'} role="status">
        {done ? t.unsubscribed : t.unsubscribeInvalid}
      </div>
    </Layout>
  );
}
