import type { DeliverySummary } from '../../../domain/deliveries';
import type { Language, Registration } from '../../../domain/schemas';
import type { MessageLine, MessageLogView } from '../../../services/message-log';
import { messageLogText } from './copy';

const channelName = { whatsapp: 'WhatsApp', email: 'Email' } as const;
const badgeClass = {
  sent: 'badge',
  delivered: 'badge confirmed',
  read: 'badge confirmed',
  failed: 'badge cancelled',
};

/** Short enough for a table cell; the session's zone, as every time the console shows. */
function shortTime(iso: string, timeZone: string, language: Language) {
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

function Times({ line, timeZone, language }: { line: MessageLine; timeZone: string; language: Language }) {
  const text = messageLogText(language);
  const steps = [
    ['sent', line.sentAt],
    ['delivered', line.deliveredAt],
    ['read', line.readAt],
    ['failed', line.failedAt],
  ] as const;
  return (
    <>
      {steps
        .filter(([, at]) => at)
        .map(([status, at]) => (
          <div>{`${text.statuses[status]} ${shortTime(at as string, timeZone, language)}`}</div>
        ))}
    </>
  );
}

/** A registration's messages, both channels, oldest first: shown on its console page. */
export function RegistrationMessages({
  log,
  registration,
  timeZone,
  language,
}: {
  log: MessageLogView;
  registration: Pick<Registration, 'participants'>;
  timeZone: string;
  language: Language;
}) {
  const text = messageLogText(language);
  const names = new Map(registration.participants.map((p) => [p.id, p.name]));
  return (
    <section class="card" aria-labelledby="messages-title" data-messages>
      <h2 id="messages-title">{text.title}</h2>
      {log.messages.length === 0 ? (
        <p class="muted">{text.none}</p>
      ) : (
        <>
          <p data-summary>
            {(['whatsapp', 'email'] as const)
              .filter((channel) => log.messages.some((line) => line.channel === channel))
              .map(
                (channel) =>
                  `${text.summary(channelName[channel], log.summary[channel], channel === 'email')}.`,
              )
              .join(' ')}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{text.message}</th>
                <th scope="col">{text.channel}</th>
                <th scope="col">{text.status}</th>
                <th scope="col">{text.times}</th>
              </tr>
            </thead>
            <tbody>
              {log.messages.map((line) => (
                <tr data-message={line.jobId} data-channel={line.channel} data-status={line.status}>
                  <td>
                    {text.kinds[line.kind] ?? line.kind}
                    <div class="muted">
                      {text.to(
                        line.participantId ? (names.get(line.participantId) ?? text.contact) : text.contact,
                      )}
                    </div>
                  </td>
                  <td>{channelName[line.channel]}</td>
                  <td>
                    <span class={badgeClass[line.status]}>{text.statuses[line.status]}</span>
                    {line.fellBackToEmail ? <div class="muted">{text.fellBack}</div> : null}
                    {line.insteadOf ? <div class="muted">{text.insteadOf}</div> : null}
                    {line.error ? <div class="muted">{line.error}</div> : null}
                  </td>
                  <td>
                    <Times line={line} timeZone={timeZone} language={language} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {log.messages.some((line) => line.channel === 'email') ? (
            <p class="muted">{text.emailNote}</p>
          ) : null}
        </>
      )}
    </section>
  );
}

/** A campaign's messages counted per channel: sent, delivered, read, failed. */
export function CampaignChannelCounts({
  summary,
  language,
}: {
  summary: DeliverySummary;
  language: Language;
}) {
  const text = messageLogText(language);
  const total = summary.whatsapp.sent + summary.whatsapp.failed + summary.email.sent + summary.email.failed;
  const untracked = (
    <>
      <span aria-hidden="true">—</span>
      <span class="visually-hidden">{text.notTracked}</span>
    </>
  );
  return (
    <section aria-labelledby="channels-title" data-channel-counts>
      <h2 id="channels-title">{text.channelsTitle}</h2>
      {total === 0 ? <p class="muted">{text.noneCampaign}</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{text.channel}</th>
            <th scope="col">{text.statuses.sent}</th>
            <th scope="col">{text.statuses.delivered}</th>
            <th scope="col">{text.statuses.read}</th>
            <th scope="col">{text.statuses.failed}</th>
          </tr>
        </thead>
        <tbody>
          <tr data-channel="whatsapp">
            <th scope="row">WhatsApp</th>
            <td data-count="sent">{summary.whatsapp.sent}</td>
            <td data-count="delivered">{summary.whatsapp.delivered}</td>
            <td data-count="read">{summary.whatsapp.read}</td>
            <td data-count="failed">{summary.whatsapp.failed}</td>
          </tr>
          <tr data-channel="email">
            <th scope="row">Email</th>
            <td data-count="sent">{summary.email.sent}</td>
            <td>{untracked}</td>
            <td>{untracked}</td>
            <td data-count="failed">{summary.email.failed}</td>
          </tr>
        </tbody>
      </table>
      <p class="muted">{`${text.cumulative} ${text.emailNote}`}</p>
    </section>
  );
}
