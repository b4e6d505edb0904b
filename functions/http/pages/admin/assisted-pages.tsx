import type { User } from '../../../domain/accounts';
import { consentTexts } from '../../../domain/consent';
import { whatsAppLink } from '../../../domain/phone';
import type { Cooperative, EventRecord, Language, Registration } from '../../../domain/schemas';
import { formatDateTime } from '../../../domain/time';
import { t } from '../i18n';
import {
  ErrorSummary,
  type FieldErrors,
  FieldMessage,
  type FormValues,
  invalid,
  ParticipantRows,
} from '../register-page';
import { ConsoleLayout, Csrf } from './layout';

type Frame = { language: Language; user: User; csrfToken?: string; notice?: string };

const copy = {
  id: {
    title: 'Daftarkan koperasi (dibantu)',
    intro:
      'Untuk koperasi yang tidak dapat mendaftar sendiri. Pendaftaran dicatat atas nama Anda beserta cara persetujuan diperoleh; narahubung tetap menerima tautan kelola lewat email.',
    cooperative: 'Koperasi',
    choose: 'Pilih koperasi',
    none: 'Tidak ada koperasi undangan yang dapat Anda daftarkan untuk sesi ini.',
    contact: 'Narahubung koperasi',
    officers: 'Pengurus yang hadir',
    consent: 'Persetujuan data pribadi',
    consentRead: 'Bacakan atau tunjukkan teks berikut kepada narahubung sebelum mendaftarkan:',
    method: 'Persetujuan diperoleh melalui',
    paper: 'Formulir kertas yang ditandatangani',
    phone: 'Telepon (persetujuan lisan)',
    submit: 'Daftarkan',
    back: 'Kembali ke sesi',
    doneTitle: 'Pendaftaran tercatat',
    done: (cooperative: string, status: string) => `${cooperative}: ${status}.`,
    emailed: (email: string) => `Tautan kelola dikirim ke email narahubung (${email}).`,
    noEmail: 'Narahubung tidak mencantumkan email: kirimkan tautan kelola lewat WhatsApp.',
    manageLink: 'Tautan kelola',
    shareWhatsApp: 'Kirim tautan kelola ke narahubung lewat WhatsApp',
    whatsApp: (cooperative: string, session: string, url: string) =>
      `Pendaftaran ${cooperative} untuk "${session}" sudah kami catat. Tiket peserta dan perubahan pendaftaran ada di tautan ini (jangan dibagikan): ${url}`,
    another: 'Daftarkan koperasi lain',
    windowTitle: 'Jendela check-in',
    windowIntro: (opens: string, closes: string) =>
      `Pintu menerima check-in dari ${opens} sampai akhir hari sesi, ${closes}. Pemindaian di luar waktu itu ditolak dengan alasannya, dan ucapan terima kasih serta sertifikat baru dikirim setelah sesi selesai.`,
    opensBefore: 'Check-in dibuka (menit sebelum mulai)',
    anyTime: 'Izinkan check-in kapan saja untuk sesi ini (mis. gladi atau sesi yang dipindah mendadak)',
    anyTimeOn: 'Saat ini check-in diizinkan kapan saja untuk sesi ini.',
    save: 'Simpan',
  },
  en: {
    title: 'Register a cooperative (assisted)',
    intro:
      'For cooperatives that cannot register themselves. The registration is recorded under your name with how consent was obtained; the contact still gets the manage link by email.',
    cooperative: 'Cooperative',
    choose: 'Choose a cooperative',
    none: 'There is no invited cooperative you may register for this session.',
    contact: 'Cooperative contact',
    officers: 'Officers attending',
    consent: 'Personal data consent',
    consentRead: 'Read or show this text to the contact before registering:',
    method: 'Consent was obtained by',
    paper: 'Signed paper form',
    phone: 'Phone (spoken consent)',
    submit: 'Register',
    back: 'Back to the session',
    doneTitle: 'Registration recorded',
    done: (cooperative: string, status: string) => `${cooperative}: ${status}.`,
    emailed: (email: string) => `The manage link was emailed to the contact (${email}).`,
    noEmail: 'The contact gave no email: send them the manage link on WhatsApp.',
    manageLink: 'Manage link',
    shareWhatsApp: 'Send the manage link to the contact on WhatsApp',
    whatsApp: (cooperative: string, session: string, url: string) =>
      `We have recorded ${cooperative}'s registration for "${session}". The officers' tickets and changes are at this link (do not share it): ${url}`,
    another: 'Register another cooperative',
    windowTitle: 'Check-in window',
    windowIntro: (opens: string, closes: string) =>
      `The door accepts check-ins from ${opens} until the end of the session's day, ${closes}. Scans outside that time are refused with the reason, and thanks and certificates go out only after the session ends.`,
    opensBefore: 'Check-in opens (minutes before the start)',
    anyTime:
      'Allow check-ins at any time for this session (e.g. a rehearsal or a session moved at short notice)',
    anyTimeOn: 'Check-ins are currently allowed at any time for this session.',
    save: 'Save',
  },
} as const;

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
