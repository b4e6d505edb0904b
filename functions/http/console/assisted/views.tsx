import type { User } from '../../../domain/accounts';
import { consentTexts } from '../../../domain/consent';
import { whatsAppLink } from '../../../domain/phone';
import type { Cooperative, EventRecord, Language, Registration } from '../../../domain/schemas';
import { formatDateTime } from '../../../domain/time';
import { ConsoleLayout, Csrf } from '../../pages/admin/layout';
import { t } from '../../pages/i18n';
import {
  ErrorSummary,
  type FieldErrors,
  FieldMessage,
  type FormValues,
  invalid,
  ParticipantRows,
} from '../../pages/register-page';

type Frame = { language: Language; user: User; csrfToken?: string; notice?: string };

import { assistedCopy as copy } from './copy';

export function AssistedRegistrationPage(
  props: Frame & {
    event: EventRecord;
    cooperatives: Cooperative[];
    values: FormValues;
    errors: FieldErrors;
    error?: string;
  },
) {
  const { event, language, values, errors } = props;
  const text = copy[language];
  const common = t(language);
  return (
    <ConsoleLayout title={text.title} language={language} user={props.user} csrfToken={props.csrfToken}>
      <h1>{text.title}</h1>
      <ErrorSummary errors={errors} formError={props.error} language={language} />
      <p class="muted">{`${event.title} · ${formatDateTime(event.startsAt, event.timeZone, language)}`}</p>
      <p>{text.intro}</p>
      {props.cooperatives.length === 0 ? (
        <p class="alert warn">{text.none}</p>
      ) : (
        <form method="post" action={`/admin/acara/${event.id}/daftarkan`}>
          <Csrf token={props.csrfToken} />
          <fieldset>
            <legend>{text.cooperative}</legend>
            <label for="cooperative-choices">{text.cooperative}</label>
            <select
              id="cooperative-choices"
              name="cooperativeId"
              required
              {...invalid(errors, 'cooperativeId')}
            >
              <option value="">{text.choose}</option>
              {props.cooperatives.map((cooperative) => (
                <option value={cooperative.id} selected={cooperative.id === values.cooperativeId}>
                  {`${cooperative.name} — Kec. ${cooperative.districtName}`}
                </option>
              ))}
            </select>
            <FieldMessage errors={errors} path="cooperativeId" />
          </fieldset>
          <fieldset>
            <legend>{text.contact}</legend>
            <div class="row">
              {(['name', 'phone', 'email'] as const).map((field) => (
                <div>
                  <label for={`contact.${field}`}>
                    {field === 'name' ? common.name : field === 'phone' ? common.phone : common.email}
                    {field === 'email' ? <span class="muted">{` (${common.optional})`}</span> : null}
                  </label>
                  <input
                    id={`contact.${field}`}
                    name={`contact.${field}`}
                    value={values.contact?.[field] ?? ''}
                    type={field === 'phone' ? 'tel' : field === 'email' ? 'email' : 'text'}
                    required={field !== 'email'}
                    maxlength={field === 'email' ? 254 : field === 'phone' ? 32 : 100}
                    {...invalid(errors, `contact.${field}`)}
                  />
                  <FieldMessage errors={errors} path={`contact.${field}`} />
                </div>
              ))}
            </div>
          </fieldset>
          <h2 id="participants" tabindex={-1}>
            {text.officers}
          </h2>
          <FieldMessage errors={errors} path="participants" />
          <ParticipantRows
            count={event.maxPerCooperative}
            values={values.participants}
            errors={errors}
            language={language}
          />
          <fieldset>
            <legend>{text.consent}</legend>
            <p class="muted">{text.consentRead}</p>
            <p class="consent">{consentTexts[language]}</p>
            <p id="consentMethod" class="label">
              {text.method}
            </p>
            {(['paper', 'phone'] as const).map((method) => (
              <label>
                <input
                  type="radio"
                  name="consentMethod"
                  value={method}
                  required
                  checked={values.consentMethod === method}
                />
                {text[method]}
              </label>
            ))}
            <FieldMessage errors={errors} path="consentMethod" />
          </fieldset>
          <button type="submit">{text.submit}</button>
        </form>
      )}
      <p>
        <a href={`/admin/acara/${event.id}`}>{text.back}</a>
      </p>
    </ConsoleLayout>
  );
}

export function AssistedDonePage(
  props: Frame & { event: EventRecord; registration: Registration; manageUrl: string },
) {
  const { event, registration, language } = props;
  const text = copy[language];
  const common = t(language);
  return (
    <ConsoleLayout title={text.doneTitle} language={language} user={props.user} csrfToken={props.csrfToken}>
      <h1>{text.doneTitle}</h1>
      <div class="alert ok" role="status" tabindex={-1} autofocus>
        <p>{text.done(registration.cooperativeName, common.status[registration.status])}</p>
        <p>{registration.contact.email ? text.emailed(registration.contact.email) : text.noEmail}</p>
      </div>
      <ul>
        {registration.participants.map((participant) => (
          <li>{participant.name}</li>
        ))}
      </ul>
      <div class="actions">
        <a
          class="button"
          href={whatsAppLink(
            text.whatsApp(registration.cooperativeName, event.title, props.manageUrl),
            registration.contact.phone,
          )}
          target="_blank"
          rel="noopener"
        >
          {text.shareWhatsApp}
        </a>
        <a class="button secondary" href={`/admin/acara/${event.id}/daftarkan`}>
          {text.another}
        </a>
      </div>
      <p class="muted">
        {`${text.manageLink}: `}
        <a href={props.manageUrl}>{props.manageUrl}</a>
      </p>
      <p>
        <a href={`/admin/acara/${event.id}`}>{text.back}</a>
      </p>
    </ConsoleLayout>
  );
}

export function CheckinWindowPage(
  props: Frame & {
    event: EventRecord;
    opensMinutesBefore: number;
    anyTime: boolean;
    window: { opensAt: Date; closesAt: Date };
    errors: FieldErrors;
    error?: string;
  },
) {
  const { event, language } = props;
  const text = copy[language];
  const when = (at: Date) => formatDateTime(at.toISOString(), event.timeZone, language);
  // The last minute of the session's day: "pukul 23.59 WIB" reads better than midnight of the next day.
  const lastMinute = new Date(props.window.closesAt.getTime() - 60_000);
  return (
    <ConsoleLayout
      title={text.windowTitle}
      language={language}
      user={props.user}
      csrfToken={props.csrfToken}
      notice={props.notice}
    >
      <h1>{text.windowTitle}</h1>
      <ErrorSummary errors={props.errors} formError={props.error} language={language} />
      <p class="muted">{event.title}</p>
      <p data-window>{text.windowIntro(when(props.window.opensAt), when(lastMinute))}</p>
      {props.anyTime ? <p class="alert warn">{text.anyTimeOn}</p> : null}
      <form method="post" action={`/admin/acara/${event.id}/jendela-check-in`} class="card">
        <Csrf token={props.csrfToken} />
        <label for="checkinOpensMinutesBefore">{text.opensBefore}</label>
        <input
          id="checkinOpensMinutesBefore"
          name="checkinOpensMinutesBefore"
          type="number"
          min={0}
          max={1440}
          step={15}
          value={String(props.opensMinutesBefore)}
          {...invalid(props.errors, 'checkinOpensMinutesBefore')}
        />
        <FieldMessage errors={props.errors} path="checkinOpensMinutesBefore" />
        <label>
          <input type="checkbox" name="checkinAnyTime" value="true" checked={props.anyTime} />
          {text.anyTime}
        </label>
        <button type="submit">{text.save}</button>
      </form>
      <p>
        <a href={`/admin/acara/${event.id}`}>{text.back}</a>
      </p>
    </ConsoleLayout>
  );
}
