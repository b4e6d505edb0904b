import type { EventRecord, Registration } from '../../../domain/schemas';
import type { MessageLogView } from '../../../services/message-log';
import { consoleText } from '../../pages/admin/copy';
import { ConsoleLayout, type ConsolePageProps, Csrf, pageFrame } from '../../pages/admin/layout';
import { FieldError } from '../../pages/layout';
import { type FormValues, ParticipantRows } from '../../pages/register-page';
import type { FieldErrors } from '../kit';
import { RegistrationMessages } from '../message-log/views';
import { registrationsText } from './copy';

export function RegistrationEditPage(
  props: ConsolePageProps & {
    registration: Registration;
    event: EventRecord;
    values?: FormValues;
    errors?: FieldErrors;
    /** Addresses SES reported as bounced or complaining: follow-ups skip them until corrected. */
    undeliverable?: string[];
    /** What went out about it, on which channel, and how far it got. */
    messages?: MessageLogView;
  },
) {
  const { registration, event, language } = props;
  const shared = consoleText(language);
  const text = registrationsText(language);
  const values = props.values ?? { contact: registration.contact, participants: registration.participants };
  return (
    <ConsoleLayout {...pageFrame(props, registration.cooperativeName)}>
      <p>
        <a href={`/admin/acara/${event.id}`}>{`← ${event.title}`}</a>
      </p>
      <h1>{registration.cooperativeName}</h1>
      {props.undeliverable?.length ? (
        <div class="alert warn" role="alert">
          {text.undeliverable(props.undeliverable.join(', '))}
        </div>
      ) : null}
      <p>
        <span class={`badge ${registration.status}`}>{shared.status[registration.status]}</span>
      </p>
      {props.messages ? (
        <RegistrationMessages
          log={props.messages}
          registration={registration}
          timeZone={event.timeZone}
          language={language}
        />
      ) : null}
      <form method="post" action={`/admin/pendaftaran/${registration.id}`}>
        <Csrf token={props.csrfToken} />
        <fieldset>
          <legend>{shared.contact}</legend>
          <div class="row">
            <div>
              <label for="contact.name">{shared.name}</label>
              <input id="contact.name" name="contact.name" value={values.contact?.name ?? ''} required />
              <FieldError message={props.errors?.['contact.name']} />
            </div>
            <div>
              <label for="contact.phone">HP</label>
              <input id="contact.phone" name="contact.phone" value={values.contact?.phone ?? ''} required />
              <FieldError message={props.errors?.['contact.phone']} />
            </div>
            <div>
              <label for="contact.email">{shared.email}</label>
              <input
                id="contact.email"
                name="contact.email"
                type="email"
                value={values.contact?.email ?? ''}
              />
              <FieldError message={props.errors?.['contact.email']} />
            </div>
          </div>
        </fieldset>
        <ParticipantRows
          count={event.maxPerCooperative}
          values={values.participants}
          errors={props.errors ?? {}}
          language={language}
        />
        <button type="submit">{shared.save}</button>
      </form>
      {registration.status !== 'cancelled' ? (
        <form method="post" action={`/admin/pendaftaran/${registration.id}/batal`} class="card">
          <Csrf token={props.csrfToken} />
          <label>
            <input type="checkbox" name="confirm" value="yes" required />
            {text.cancelRegistration}
          </label>
          <button type="submit" class="secondary">
            {text.cancelRegistration}
          </button>
        </form>
      ) : null}
    </ConsoleLayout>
  );
}
