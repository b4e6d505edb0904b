import type { PublicEvent } from '../../domain/events';
import { whatsAppLink } from '../../domain/phone';
import { roleLabels } from '../../domain/roles';
import type { Language, Registration } from '../../domain/schemas';
import { EventFacts } from './event-pages';
import { t } from './i18n';
import { Layout } from './layout';
import { type FieldErrors, type FormValues, ParticipantRows } from './register-page';

export function TicketList({
  registration,
  event,
  baseUrl,
  language,
}: {
  registration: Registration;
  event: PublicEvent;
  baseUrl: string;
  language: Language;
}) {
  const text = t(language);
  return (
    <ul class="tickets">
      {registration.participants.map((participant) => {
        const url = `${baseUrl}/t/${participant.ticketCode}`;
        return (
          <li>
            <strong>{participant.name}</strong>
            <span class="muted">{` · ${roleLabels[participant.role][language]}`}</span>
            <div class="actions">
              <a class="button" href={`/t/${participant.ticketCode}`}>
                {text.openTicket}
              </a>
              <a
                class="button secondary"
                href={whatsAppLink(
                  text.whatsAppTicket(participant.name, event.title, url),
                  participant.phone,
                )}
                target="_blank"
                rel="noopener"
              >
                {text.shareWhatsApp}
              </a>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function ManagePage(props: {
  registration: Registration;
  event: PublicEvent;
  manageToken: string;
  baseUrl: string;
  language: Language;
  path: string;
  notice?: string;
  values?: FormValues;
  errors?: FieldErrors;
  formError?: string;
}) {
  const { registration, event, manageToken, baseUrl, language, path } = props;
  const text = t(language);
  const title =
    registration.status === 'confirmed'
      ? text.registeredTitle
      : registration.status === 'waitlisted'
        ? text.waitlistedTitle
        : text.cancelledTitle;
  const editable = registration.status !== 'cancelled' && event.registrationOpen;
  const values: FormValues = props.values ?? { participants: registration.participants };
  return (
    <Layout title={title} language={language} path={path}>
      <h1>{title}</h1>
      {props.notice ? <div class="alert ok">{props.notice}</div> : null}
      {props.formError ? (
        <div class="alert" role="alert">
          {props.formError}
        </div>
      ) : null}
      <div class="card">
        <p>
          <span class={`badge ${registration.status}`}>{text.status[registration.status]}</span>
        </p>
        <strong>{registration.cooperativeName}</strong>
        <p class="muted">{`${registration.contact.name} · ${registration.contact.phone}`}</p>
        <strong>{event.title}</strong>
        <EventFacts event={event} language={language} />
      </div>
      {registration.status === 'waitlisted' ? <div class="alert warn">{text.waitlistedText}</div> : null}
      {registration.status !== 'cancelled' ? <p class="alert warn">{text.manageHint}</p> : null}
      {registration.status === 'confirmed' ? (
        <section>
          <h2>{text.tickets}</h2>
          <TicketList registration={registration} event={event} baseUrl={baseUrl} language={language} />
          <a class="button secondary" href={`/acara/${event.id}/kalender.ics`}>
            {text.addToCalendar}
          </a>
        </section>
      ) : null}
      {editable ? (
        <>
          <h2>{text.changeTitle}</h2>
          <form method="post" action={`/kelola/${registration.id}/ubah`}>
            <input type="hidden" name="token" value={manageToken} />
            <ParticipantRows
              count={event.maxPerCooperative}
              values={values.participants}
              errors={props.errors ?? {}}
              language={language}
            />
            <button type="submit">{text.save}</button>
          </form>
          <h2>{text.cancelTitle}</h2>
          <form method="post" action={`/kelola/${registration.id}/batal`} class="card">
            <input type="hidden" name="token" value={manageToken} />
            <p class="muted">{text.cancelHint}</p>
            <label>
              <input type="checkbox" name="confirm" value="yes" required />
              {text.cancelConfirm}
            </label>
            <button type="submit" class="secondary">
              {text.cancelTitle}
            </button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}
