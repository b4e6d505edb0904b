import type { PublicEvent } from '../../domain/events';
import type { Language } from '../../domain/schemas';
import { formatDateTime, formatTimeRange } from '../../domain/time';
import { t } from './i18n';
import { Layout } from './layout';

/** The page of sessions that have ended; the home page lists the upcoming ones. */
export const PAST_SESSIONS_PATH = '/kegiatan-lalu';

function SeatsBadge({ event, language }: { event: PublicEvent; language: Language }) {
  const text = t(language);
  if (event.cancelled) return <span class="badge cancelled">{text.cancelledEvent}</span>;
  if (event.ended) return <span class="badge">{text.ended}</span>;
  if (!event.registrationOpen) return <span class="badge">{text.closed}</span>;
  if (event.seatsLeft === 0 || event.waitlistCount > 0)
    return <span class="badge waitlisted">{text.full}</span>;
  return <span class="badge confirmed">{text.seatsLeft(event.seatsLeft)}</span>;
}

export function EventFacts({ event, language }: { event: PublicEvent; language: Language }) {
  const text = t(language);
  return (
    <dl class="facts">
      <dt>{text.when}</dt>
      <dd>{formatTimeRange(event.startsAt, event.endsAt, event.timeZone, language)}</dd>
      <dt>{text.where}</dt>
      <dd>
        {event.venue}
        {event.address ? <span class="muted">{`, ${event.address}`}</span> : null}
      </dd>
      <dt>{text.organizer}</dt>
      <dd>{event.organizerName}</dd>
    </dl>
  );
}

export function EventsPage({
  when,
  events,
  nextHref,
  firstHref,
  language,
  path,
}: {
  when: 'upcoming' | 'past';
  events: PublicEvent[];
  /** The next page of the same list, when there is one. */
  nextHref?: string;
  /** The first page, shown on every later page. */
  firstHref?: string;
  language: Language;
  path: string;
}) {
  const text = t(language);
  const title = when === 'upcoming' ? text.sessions : text.pastSessions;
  return (
    <Layout title={title} language={language} path={path}>
      <h1>{title}</h1>
      {events.length === 0 ? <p>{when === 'upcoming' ? text.noSessions : text.noPastSessions}</p> : null}
      {events.map((event) => (
        <article class="card">
          <h2>
            <a href={`/acara/${event.id}`}>{event.title}</a>
          </h2>
          <EventFacts event={event} language={language} />
          <p>
            <SeatsBadge event={event} language={language} />
          </p>
          <div class="actions">
            {event.registrationOpen ? (
              <a class="button" href={`/acara/${event.id}/daftar`}>
                {text.register}
              </a>
            ) : null}
            <a class="button secondary" href={`/acara/${event.id}`}>
              {text.details}
            </a>
          </div>
        </article>
      ))}
      <nav class="actions" aria-label={title}>
        {nextHref ? (
          <a class="button" href={nextHref} rel="next">
            {text.nextPage}
          </a>
        ) : null}
        {firstHref ? (
          <a class="button secondary" href={firstHref}>
            {text.firstPage}
          </a>
        ) : null}
        <a class="button secondary" href={when === 'upcoming' ? PAST_SESSIONS_PATH : '/'}>
          {when === 'upcoming' ? text.showPastSessions : text.showUpcomingSessions}
        </a>
      </nav>
    </Layout>
  );
}

export function EventPage({
  event,
  language,
  path,
  invited,
}: {
  event: PublicEvent;
  language: Language;
  path: string;
  /** Who the session is for, in a sentence (register-page.tsx invitedSentence). */
  invited?: string;
}) {
  const text = t(language);
  return (
    <Layout title={event.title} language={language} path={path}>
      <h1>{event.title}</h1>
      <div class="card">
        <EventFacts event={event} language={language} />
        <p>
          <SeatsBadge event={event} language={language} />
        </p>
        <p class="muted">
          {`${text.deadline}: ${formatDateTime(event.registrationDeadline, event.timeZone, language)}. `}
          {text.perCooperative(event.maxPerCooperative)}
        </p>
        {invited ? <p data-invited>{invited}</p> : null}
        {event.registrationOpen ? (
          <a class="button" href={`/acara/${event.id}/daftar`}>
            {text.register}
          </a>
        ) : null}
      </div>
      {event.description ? <p class="pre">{event.description}</p> : null}
    </Layout>
  );
}

export function NotFoundPage({ language, path }: { language: Language; path: string }) {
  const text = t(language);
  return (
    <Layout title={text.notFoundTitle} language={language} path={path}>
      <h1>{text.notFoundTitle}</h1>
      <p>{text.notFoundText}</p>
      <a class="button" href="/">
        {text.backHome}
      </a>
    </Layout>
  );
}

export function ErrorPage({
  message,
  language,
  path,
}: {
  message: string;
  language: Language;
  path: string;
}) {
  const text = t(language);
  return (
    <Layout title={message} language={language} path={path}>
      <div class="alert" role="alert">
        {message}
      </div>
      <a class="button" href="/">
        {text.backHome}
      </a>
    </Layout>
  );
}
