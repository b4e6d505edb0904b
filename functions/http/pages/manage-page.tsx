import { whatsappConsentTexts } from '../../domain/consent';
import type { PublicEvent } from '../../domain/events';
import { whatsAppLink } from '../../domain/phone';
import { officerRoles, roleLabels } from '../../domain/roles';
import type { Language, Registration } from '../../domain/schemas';
import { EventFacts } from './event-pages';
import { t } from './i18n';
import { Layout } from './layout';
import {
  ErrorSummary,
  type FieldErrors,
  FieldMessage,
  type FormValues,
  invalid,
  ParticipantRows,
} from './register-page';

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

/**
 * The officer rows of the manage form: a registered officer's name is fixed (a corrected spelling is the same
 * person and keeps the ticket only if typed the same), and giving their seat to someone else is an explicit
 * "ganti peserta" with the new person's name, which issues a new ticket and stops the old one.
 */
function OfficerRows({
  registration,
  count,
  values,
  errors,
  language,
}: {
  registration: Registration;
  count: number;
  values: FormValues['participants'];
  errors: FieldErrors;
  language: Language;
}) {
  const text = t(language);
  const copy = manageCopy[language];
  const current = registration.participants;
  const extra = Math.max(0, count - current.length);
  return (
    <>
      {current.map((participant, index) => {
        const field = (name: string) => `participants.${index}.${name}`;
        const value = values?.[index] ?? {};
        const replacing = Boolean(value.newName);
        return (
          <fieldset>
            <legend>{`${text.participant(index + 1)}: ${participant.name}`}</legend>
            <input type="hidden" name={field('id')} value={participant.id} />
            <input type="hidden" name={field('name')} value={participant.name} />
            <div class="row">
              <div>
                <label for={field('role')}>{text.role}</label>
                <select id={field('role')} name={field('role')}>
                  {officerRoles.map((role) => (
                    <option value={role} selected={(value.role ?? participant.role) === role}>
                      {roleLabels[role][language]}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for={field('phone')}>
                  {text.phone} <span class="muted">{`(${text.optional})`}</span>
                </label>
                <input
                  id={field('phone')}
                  name={field('phone')}
                  value={value.phone ?? participant.phone ?? ''}
                  type="tel"
                  inputmode="tel"
                  maxlength={32}
                  {...invalid(errors, field('phone'))}
                />
                <FieldMessage errors={errors} path={field('phone')} />
              </div>
            </div>
            <FieldMessage errors={errors} path={field('name')} />
            <details open={replacing}>
              <summary>{copy.substitute}</summary>
              <p class="muted">{copy.substituteHint(participant.name)}</p>
              <div class="row">
                <div>
                  <label for={field('newName')}>{copy.substituteName}</label>
                  <input
                    id={field('newName')}
                    name={field('newName')}
                    value={value.newName ?? ''}
                    autocomplete="off"
                    maxlength={100}
                  />
                </div>
                <div>
                  <label for={field('newPhone')}>
                    {copy.substitutePhone} <span class="muted">{`(${text.optional})`}</span>
                  </label>
                  <input
                    id={field('newPhone')}
                    name={field('newPhone')}
                    value={value.newPhone ?? ''}
                    type="tel"
                    inputmode="tel"
                    maxlength={32}
                  />
                </div>
              </div>
            </details>
            {current.length > 1 ? (
              <label class="muted">
                <input
                  type="checkbox"
                  name={field('remove')}
                  value="true"
                  checked={value.remove === 'true'}
                />
                {copy.remove(participant.name)}
              </label>
            ) : null}
          </fieldset>
        );
      })}
      {extra > 0 ? (
        <>
          <h3>{copy.addOfficers}</h3>
          <AddedRows
            from={current.length}
            count={extra}
            values={values}
            errors={errors}
            language={language}
          />
        </>
      ) : null}
    </>
  );
}

/** Empty rows for officers added to the registration, numbered after the registered ones. */
function AddedRows(props: {
  from: number;
  count: number;
  values: FormValues['participants'];
  errors: FieldErrors;
  language: Language;
}) {
  const padded = Array.from({ length: props.from + props.count }, (_, index) =>
    index < props.from ? {} : (props.values?.[index] ?? {}),
  );
  return (
    <div class="added-officers">
      <ParticipantRows
        count={props.from + props.count}
        skip={props.from}
        values={padded}
        errors={props.errors}
        language={props.language}
      />
    </div>
  );
}

const manageCopy = {
  id: {
    substitute: 'Ganti peserta (orang lain yang hadir)',
    substituteHint: (name: string) =>
      `Isi nama pengganti bila ${name} berhalangan. Pengganti mendapat tiket baru; tiket ${name} tidak berlaku lagi.`,
    substituteName: 'Nama lengkap pengganti',
    substitutePhone: 'Nomor HP pengganti',
    remove: (name: string) => `Hapus ${name} dari pendaftaran`,
    addOfficers: 'Tambah peserta',
    privacyTitle: 'Data pribadi Anda',
    privacyText:
      'Sesuai UU PDP Anda dapat mengunduh salinan data, memperbaiki data yang salah, atau meminta data dihapus.',
    download: 'Unduh salinan data (JSON)',
    correct: 'Perbaiki data narahubung',
    correctHint: 'Data peserta diperbaiki pada bagian “Ubah peserta” di atas.',
    saveContact: 'Simpan data narahubung',
    whatsappGiven: (phone: string) =>
      `Pesan WhatsApp dikirim ke ${phone} dengan persetujuan Anda. Bila nomor HP diganti, centang lagi untuk nomor baru; tanpa itu pesan tidak dikirim lewat WhatsApp ke nomor baru.`,
    whatsappNotGiven: 'Centang bila Anda ingin menerima pesan pendaftaran ini lewat WhatsApp.',
    erase: 'Hapus data saya…',
    eraseTitle: 'Hapus data pendaftaran?',
    eraseText: (cooperative: string) =>
      `Semua data pribadi pendaftaran ${cooperative} (narahubung dan peserta) akan dihapus. Pendaftaran dibatalkan, kursi diberikan kepada koperasi lain, dan semua tiket tidak berlaku lagi. Tindakan ini tidak dapat dibatalkan.`,
    eraseConfirm: 'Ya, saya mengerti dan ingin menghapus data ini',
    eraseButton: 'Hapus data sekarang',
    keep: 'Jangan hapus, kembali',
    erasedTitle: 'Data telah dihapus',
    erasedText:
      'Data pribadi pendaftaran ini telah dihapus dan pendaftarannya dibatalkan. Tautan kelola ini tidak dapat dipakai lagi.',
  },
  en: {
    substitute: 'Substitute (someone else attends)',
    substituteHint: (name: string) =>
      `Enter the substitute’s name if ${name} cannot come. The substitute gets a new ticket; ${name}’s ticket stops working.`,
    substituteName: 'Substitute’s full name',
    substitutePhone: 'Substitute’s phone',
    remove: (name: string) => `Remove ${name} from the registration`,
    addOfficers: 'Add officers',
    privacyTitle: 'Your personal data',
    privacyText:
      'Under Indonesia’s data protection law you may download a copy of your data, correct it, or ask for it to be erased.',
    download: 'Download a copy of the data (JSON)',
    correct: 'Correct the contact’s details',
    correctHint: 'Officers’ details are corrected under “Change officers” above.',
    saveContact: 'Save contact details',
    whatsappGiven: (phone: string) =>
      `WhatsApp messages go to ${phone} with your consent. If you change the number, tick again for the new one; without that, the new number gets no WhatsApp messages.`,
    whatsappNotGiven: 'Tick if you want this registration’s messages on WhatsApp.',
    erase: 'Erase my data…',
    eraseTitle: 'Erase this registration’s data?',
    eraseText: (cooperative: string) =>
      `All personal data of ${cooperative}’s registration (contact and officers) will be erased. The registration is cancelled, its seats go to other cooperatives and every ticket stops working. This cannot be undone.`,
    eraseConfirm: 'Yes, I understand and want this data erased',
    eraseButton: 'Erase the data now',
    keep: 'Do not erase, go back',
    erasedTitle: 'The data has been erased',
    erasedText:
      'The personal data of this registration has been erased and the registration cancelled. This manage link no longer works.',
  },
} as const;

/** The page a contact lands on after registering (`fresh`), after a change, or from the manage link. */
function headingOf(registration: Registration, fresh: boolean, language: Language) {
  const text = t(language);
  if (registration.status === 'cancelled') return text.cancelledTitle;
  if (registration.status === 'waitlisted') return text.waitlistedTitle;
  return fresh ? text.registeredTicketsTitle : text.manageTitle;
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
  /** Just registered: the tickets are the news. */
  fresh?: boolean;
}) {
  const { registration, event, manageToken, baseUrl, language, path } = props;
  const text = t(language);
  const copy = manageCopy[language];
  const title = headingOf(registration, Boolean(props.fresh), language);
  const editable = registration.status !== 'cancelled' && event.registrationOpen;
  const errors = props.errors ?? {};
  const contact = props.values?.contact ?? registration.contact;
  return (
    <Layout title={title} language={language} path={path}>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} formError={props.formError} language={language} />
      {props.notice ? (
        <div class="alert ok" role="status">
          {props.notice}
        </div>
      ) : null}
      {registration.status === 'confirmed' ? (
        <section aria-labelledby="tickets-title">
          <p class="muted">
            <span class={`badge ${registration.status}`}>{text.status[registration.status]}</span>
            {` ${registration.cooperativeName}`}
          </p>
          <h2 id="tickets-title" class="visually-hidden">
            {text.tickets}
          </h2>
          <TicketList registration={registration} event={event} baseUrl={baseUrl} language={language} />
        </section>
      ) : null}
      {registration.status === 'waitlisted' ? <div class="alert warn">{text.waitlistedText}</div> : null}
      <div class="card">
        {registration.status !== 'confirmed' ? (
          <p>
            <span class={`badge ${registration.status}`}>{text.status[registration.status]}</span>
          </p>
        ) : null}
        <strong>{registration.cooperativeName}</strong>
        <p class="muted">{`${registration.contact.name} · ${registration.contact.phone}`}</p>
        <strong>{event.title}</strong>
        <EventFacts event={event} language={language} />
        {registration.status === 'confirmed' ? (
          <a class="button secondary" href={`/acara/${event.id}/kalender.ics`}>
            {text.addToCalendar}
          </a>
        ) : null}
      </div>
      {registration.status !== 'cancelled' ? <p class="alert warn">{text.manageHint}</p> : null}
      {editable ? (
        <>
          <h2 id="ubah">{text.changeTitle}</h2>
          <form method="post" action={`/kelola/${registration.id}/ubah`}>
            <input type="hidden" name="token" value={manageToken} />
            <OfficerRows
              registration={registration}
              count={event.maxPerCooperative}
              values={props.values?.participants}
              errors={errors}
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
      <section class="card" aria-labelledby="privacy-title" data-privacy>
        <h2 id="privacy-title">{copy.privacyTitle}</h2>
        <p class="muted">{copy.privacyText}</p>
        <form method="post" action={`/kelola/${registration.id}/data`}>
          <input type="hidden" name="token" value={manageToken} />
          <button type="submit" class="secondary">
            {copy.download}
          </button>
        </form>
        {registration.status !== 'cancelled' ? (
          <details open={Boolean(props.values?.contact)}>
            <summary>{copy.correct}</summary>
            <p class="muted">{copy.correctHint}</p>
            <form method="post" action={`/kelola/${registration.id}/kontak`}>
              <input type="hidden" name="token" value={manageToken} />
              <div class="row">
                <div>
                  <label for="contact.name">{text.name}</label>
                  <input
                    id="contact.name"
                    name="contact.name"
                    value={contact.name ?? ''}
                    required
                    maxlength={100}
                    {...invalid(errors, 'contact.name')}
                  />
                  <FieldMessage errors={errors} path="contact.name" />
                </div>
                <div>
                  <label for="contact.phone">{text.phone}</label>
                  <input
                    id="contact.phone"
                    name="contact.phone"
                    value={contact.phone ?? ''}
                    type="tel"
                    inputmode="tel"
                    required
                    maxlength={32}
                    {...invalid(errors, 'contact.phone')}
                  />
                  <FieldMessage errors={errors} path="contact.phone" />
                </div>
                <div>
                  <label for="contact.email">
                    {text.email} <span class="muted">{`(${text.optional})`}</span>
                  </label>
                  <input
                    id="contact.email"
                    name="contact.email"
                    value={contact.email ?? ''}
                    type="email"
                    maxlength={254}
                    {...invalid(errors, 'contact.email')}
                  />
                  <FieldMessage errors={errors} path="contact.email" />
                </div>
              </div>
              {/* Consent is for a number: a changed number is asked again (applyRegistrationChange). */}
              <p class="muted" id="whatsapp-consent-hint">
                {registration.whatsappConsent
                  ? copy.whatsappGiven(registration.contact.phone)
                  : copy.whatsappNotGiven}
              </p>
              <label class="muted" data-whatsapp-consent>
                <input
                  type="checkbox"
                  name="whatsapp"
                  value="true"
                  checked={props.values?.whatsapp === 'true'}
                  aria-describedby="whatsapp-consent-hint"
                />
                {whatsappConsentTexts[language]}
              </label>
              <button type="submit" class="secondary">
                {copy.saveContact}
              </button>
            </form>
          </details>
        ) : null}
        <form method="post" action={`/kelola/${registration.id}/hapus`}>
          <input type="hidden" name="token" value={manageToken} />
          <button type="submit" class="secondary danger">
            {copy.erase}
          </button>
        </form>
      </section>
    </Layout>
  );
}

/** The confirmation step before erasure: what will happen, a tick box, and a way back. */
export function EraseConfirmPage(props: {
  registration: Registration;
  manageToken: string;
  language: Language;
  path: string;
  error?: string;
}) {
  const { registration, manageToken, language } = props;
  const copy = manageCopy[language];
  return (
    <Layout title={copy.eraseTitle} language={language} path={props.path}>
      <h1>{copy.eraseTitle}</h1>
      {props.error ? (
        <div class="alert" role="alert" tabindex={-1} autofocus>
          {props.error}
        </div>
      ) : null}
      <p>{copy.eraseText(registration.cooperativeName)}</p>
      <form method="post" action={`/kelola/${registration.id}/hapus`} class="card">
        <input type="hidden" name="token" value={manageToken} />
        <input type="hidden" name="step" value="confirm" />
        <label>
          <input type="checkbox" name="confirm" value="yes" required />
          {copy.eraseConfirm}
        </label>
        <div class="actions">
          <button type="submit" class="danger">
            {copy.eraseButton}
          </button>
          <a
            class="button secondary"
            href={`/kelola/${registration.id}?token=${encodeURIComponent(manageToken)}`}
          >
            {copy.keep}
          </a>
        </div>
      </form>
    </Layout>
  );
}

export function ErasedPage({ language, path }: { language: Language; path: string }) {
  const copy = manageCopy[language];
  return (
    <Layout title={copy.erasedTitle} language={language} path={path}>
      <h1>{copy.erasedTitle}</h1>
      <div class="alert ok" role="status">
        {copy.erasedText}
      </div>
      <a class="button" href="/">
        {t(language).backHome}
      </a>
    </Layout>
  );
}
