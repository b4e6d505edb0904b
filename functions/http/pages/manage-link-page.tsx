import type { District } from '../../db/cooperatives-repo';
import type { PublicEvent } from '../../domain/events';
import { whatsAppLink } from '../../domain/phone';
import type { Cooperative, Language } from '../../domain/schemas';
import { Layout } from './layout';
import { ErrorSummary, type FieldErrors, FieldMessage, invalid } from './register-page';

const copy = {
  id: {
    title: 'Kirim ulang tautan kelola',
    intro:
      'Pilih koperasi Anda dan tulis nomor HP atau email narahubung yang dipakai saat mendaftar. Bila cocok, tautan kelola dikirim ke email narahubung yang terdaftar (bukan ke alamat lain).',
    cooperative: 'Koperasi',
    choose: 'Pilih koperasi',
    contact: 'Nomor HP atau email narahubung',
    send: 'Kirim ulang tautan',
    sentTitle: 'Permintaan diterima',
    sent: 'Bila data tersebut cocok dengan pendaftaran koperasi, tautan kelola telah dikirim ke email narahubung yang terdaftar. Periksa kotak masuk dan folder spam dalam beberapa menit.',
    noEmail:
      'Tidak menerima email, atau narahubung tidak mencantumkan email? Minta bantuan Dinas penyelenggara lewat WhatsApp:',
    askOrganizer: 'Minta bantuan penyelenggara lewat WhatsApp',
    whatsApp: (cooperative: string, session: string) =>
      `Halo Bapak/Ibu penyelenggara, saya narahubung ${cooperative} untuk kegiatan "${session}". Saya kehilangan tautan kelola pendaftaran. Mohon bantuan mengirimkannya kembali. Terima kasih.`,
    back: 'Kembali ke kegiatan',
  },
  en: {
    title: 'Send the manage link again',
    intro:
      'Choose your cooperative and enter the contact’s phone number or email used when registering. If they match, the manage link is sent to the contact email on file (never to another address).',
    cooperative: 'Cooperative',
    choose: 'Choose a cooperative',
    contact: 'Contact’s phone number or email',
    send: 'Send the link again',
    sentTitle: 'Request received',
    sent: 'If these details match a cooperative’s registration, its manage link has been sent to the contact email on file. Check the inbox and the spam folder in a few minutes.',
    noEmail: 'No email arrived, or the contact gave no email? Ask the organizing Dinas on WhatsApp:',
    askOrganizer: 'Ask the organizer on WhatsApp',
    whatsApp: (cooperative: string, session: string) =>
      `Hello, I am the contact of ${cooperative} for "${session}". I lost the link to manage our registration. Could you please send it again? Thank you.`,
    back: 'Back to the session',
  },
} as const;

/**
 * "Kirim ulang tautan kelola". After a request the page says the same whether or not a registration matched, so
 * it cannot be used to learn who registered.
 */
export function ManageLinkPage(props: {
  event: PublicEvent;
  language: Language;
  path: string;
  districts: District[];
  cooperatives: Cooperative[];
  values: { cooperativeId?: string; contact?: string };
  errors: FieldErrors;
  formError?: string;
  sent: boolean;
}) {
  const { event, language, values, errors } = props;
  const text = copy[language];
  const chosen = props.cooperatives.find((c) => c.id === values.cooperativeId);
  return (
    <Layout title={text.title} language={language} path={props.path}>
      <h1>{props.sent ? text.sentTitle : text.title}</h1>
      <ErrorSummary errors={errors} formError={props.formError} language={language} />
      {props.sent ? (
        <>
          <div class="alert ok" role="status" tabindex={-1} autofocus data-sent>
            {text.sent}
          </div>
          <p>{text.noEmail}</p>
          <a
            class="button secondary"
            href={whatsAppLink(text.whatsApp(chosen?.name ?? '', event.title))}
            target="_blank"
            rel="noopener"
          >
            {text.askOrganizer}
          </a>
        </>
      ) : (
        <p>{text.intro}</p>
      )}
      <p class="muted">{event.title}</p>
      {props.sent ? null : (
        <form method="post" action={`/acara/${event.id}/kirim-ulang`} class="card">
          <label for="cooperativeId">{text.cooperative}</label>
          <select id="cooperativeId" name="cooperativeId" required {...invalid(errors, 'cooperativeId')}>
            <option value="">{text.choose}</option>
            {props.districts.map((district) => (
              <optgroup label={`Kec. ${district.name}`}>
                {props.cooperatives
                  .filter((c) => c.districtCode === district.code)
                  .map((c) => (
                    <option value={c.id} selected={c.id === values.cooperativeId}>
                      {c.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <FieldMessage errors={errors} path="cooperativeId" />
          <label for="contact">{text.contact}</label>
          <input
            id="contact"
            name="contact"
            value={values.contact ?? ''}
            required
            maxlength={254}
            autocomplete="off"
            {...invalid(errors, 'contact')}
          />
          <FieldMessage errors={errors} path="contact" />
          <button type="submit">{text.send}</button>
        </form>
      )}
      <a href={`/acara/${event.id}`}>{text.back}</a>
    </Layout>
  );
}
