import type { District } from '../../db/cooperatives-repo';
import { consentTexts, contactConsentTexts, whatsappConsentTexts } from '../../domain/consent';
import type { PublicEvent } from '../../domain/events';
import { officerRoles, roleLabels } from '../../domain/roles';
import type { Cooperative, Language } from '../../domain/schemas';
import { registerScriptAsset } from '../assets';
import { EventFacts } from './event-pages';
import { t } from './i18n';
import { Layout } from './layout';

export type FormValues = {
  cooperativeId?: string;
  /** Tick boxes as the form sent them ("true" when ticked), so a refused form shows them ticked again. */
  consent?: string;
  keepContact?: string;
  /** The separate WhatsApp consent ("true" when ticked). */
  whatsapp?: string;
  consentMethod?: string;
  contact?: { name?: string; phone?: string; email?: string };
  participants?: {
    id?: string;
    name?: string;
    role?: string;
    phone?: string;
    email?: string;
    /** The manage form's "ganti peserta": who attends instead of this officer. */
    newName?: string;
    newPhone?: string;
    remove?: string;
  }[];
};

/** Field errors keyed by path, e.g. `participants.0.phone`. */
export type FieldErrors = Record<string, string>;

/** The element a field error's summary link moves to: the field's own input, or where its choice is made. */
const anchorOf = (path: string) =>
  path === 'cooperativeId' ? 'cooperative-choices' : path === 'participants' ? 'participants' : path;

/** What a field is called in the summary, in the words of the form's own labels. */
function fieldLabel(path: string, language: Language): string {
  const text = t(language);
  const parts = path.split('.');
  const labels: Record<string, string> = {
    name: text.name,
    role: text.role,
    phone: text.phone,
    email: text.email,
  };
  if (parts[0] === 'participants' && parts.length === 3) {
    return `${text.participant(Number(parts[1]) + 1)}: ${labels[parts[2] as string] ?? parts[2]}`;
  }
  if (parts[0] === 'contact' && parts[1]) return `${text.contactLabel}: ${labels[parts[1]] ?? parts[1]}`;
  const others: Record<string, string> = {
    cooperativeId: text.cooperative,
    participants: text.step3.replace(/^\d+\.\s*/, ''),
    consent: text.consentTitle.replace(/^\d+\.\s*/, ''),
    consentMethod: text.consentMethod,
    undangan: text.invitationLink,
    contact: text.contactLabel,
  };
  return others[path] ?? path;
}

/**
 * What was wrong with a submitted form, at its top: it takes focus when the page loads (autofocus on an element
 * with tabindex=-1 needs no script), a screen reader reads it, and each line links to its field.
 */
export function ErrorSummary({
  errors,
  formError,
  language,
}: {
  errors: FieldErrors;
  formError?: string;
  language: Language;
}) {
  const entries = Object.entries(errors);
  if (!entries.length && !formError) return null;
  const text = t(language);
  return (
    <div
      class="alert error-summary"
      role="alert"
      tabindex={-1}
      autofocus
      aria-labelledby="error-summary-title"
      data-error-summary
    >
      <h2 id="error-summary-title">{entries.length ? text.formErrors : formError}</h2>
      {entries.length ? (
        <ul>
          {entries.map(([path, message]) => (
            <li>
              <a href={`#${anchorOf(path)}`}>{`${fieldLabel(path, language)}: ${message}`}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A field's own error, tied to its input by `aria-describedby`. */
export const errorId = (path: string) => `${path}-error`;
export const invalid = (errors: FieldErrors, path: string) =>
  errors[path]
    ? { 'aria-invalid': 'true' as const, 'aria-describedby': errorId(path) }
    : ({} as Record<string, never>);
export function FieldMessage({ errors, path }: { errors: FieldErrors; path: string }) {
  const message = errors[path];
  return message ? (
    <p class="error" id={errorId(path)}>
      {message}
    </p>
  ) : null;
}

/** Who a session is for, in one sentence: every cooperative of the regency, or those of the listed kecamatan. */
export function invitedSentence(
  event: Pick<PublicEvent, 'invitedDistrictCodes'>,
  districts: District[],
  regencyName: string,
  language: Language,
): string {
  const names = districts.map((district) => district.name);
  if (event.invitedDistrictCodes.length === 0 || names.length === 0) {
    return language === 'id'
      ? `Diundang: semua Koperasi Desa/Kelurahan Merah Putih di ${regencyName}.`
      : `Invited: every Koperasi Desa/Kelurahan Merah Putih of ${regencyName}.`;
  }
  const list = new Intl.ListFormat(language === 'id' ? 'id-ID' : 'en-GB', { type: 'conjunction' }).format(
    names,
  );
  return language === 'id'
    ? `Diundang: Koperasi Desa/Kelurahan Merah Putih di Kecamatan ${list} (${regencyName}). Koperasi dari kecamatan lain belum dapat mendaftar untuk sesi ini.`
    : `Invited: Koperasi Desa/Kelurahan Merah Putih of the ${list} district${names.length > 1 ? 's' : ''} (${regencyName}). Cooperatives of other districts cannot register for this session.`;
}

export function ParticipantRows({
  count,
  skip = 0,
  values,
  errors,
  language,
}: {
  count: number;
  /** Rows before this index are drawn elsewhere (the manage page's registered officers). */
  skip?: number;
  values: FormValues['participants'];
  errors: FieldErrors;
  language: Language;
}) {
  const text = t(language);
  return (
    <>
      {Array.from({ length: count }, (_, index) => {
        if (index < skip) return null;
        const value = values?.[index] ?? {};
        const field = (name: string) => `participants.${index}.${name}`;
        return (
          <fieldset>
            <legend>
              {text.participant(index + 1)}
              {index > 0 ? <span class="muted">{` ${text.optionalRow}`}</span> : null}
            </legend>
            {value.id ? <input type="hidden" name={field('id')} value={value.id} /> : null}
            <div class="row">
              <div>
                <label for={field('name')}>{text.name}</label>
                <input
                  id={field('name')}
                  name={field('name')}
                  {...invalid(errors, field('name'))}
                  value={value.name ?? ''}
                  autocomplete="off"
                  maxlength={100}
                  required={index === 0}
                />
                <FieldMessage errors={errors} path={field('name')} />
              </div>
              <div>
                <label for={field('role')}>{text.role}</label>
                <select id={field('role')} name={field('role')} {...invalid(errors, field('role'))}>
                  {officerRoles.map((role) => (
                    <option
                      value={role}
                      selected={value.role ? value.role === role : officerRoles[index] === role}
                    >
                      {roleLabels[role][language]}
                    </option>
                  ))}
                </select>
                <FieldMessage errors={errors} path={field('role')} />
              </div>
              <div>
                <label for={field('phone')}>
                  {text.phone} <span class="muted">{`(${text.optional})`}</span>
                </label>
                <input
                  id={field('phone')}
                  name={field('phone')}
                  {...invalid(errors, field('phone'))}
                  value={value.phone ?? ''}
                  type="tel"
                  inputmode="tel"
                  placeholder="0812…"
                  maxlength={32}
                />
                <FieldMessage errors={errors} path={field('phone')} />
              </div>
              <div>
                <label for={field('email')}>
                  {text.email} <span class="muted">{`(${text.optional})`}</span>
                </label>
                <input
                  id={field('email')}
                  name={field('email')}
                  {...invalid(errors, field('email'))}
                  value={value.email ?? ''}
                  type="email"
                  maxlength={254}
                />
                <FieldMessage errors={errors} path={field('email')} />
              </div>
            </div>
          </fieldset>
        );
      })}
    </>
  );
}

export function CooperativeChoices({
  cooperatives,
  chosen,
  language,
  searched,
}: {
  cooperatives: Cooperative[];
  chosen?: string;
  language: Language;
  searched: boolean;
}) {
  const text = t(language);
  return (
    <div class="choices" id="cooperative-choices" tabindex={-1} data-coop-choices data-empty={text.noMatch}>
      {!searched ? <p class="muted">{text.typeToSearch}</p> : null}
      {searched && cooperatives.length === 0 ? <p class="muted">{text.noMatch}</p> : null}
      {cooperatives.map((cooperative) => (
        <label>
          <input
            type="radio"
            name="cooperativeId"
            value={cooperative.id}
            form="registration"
            required
            checked={cooperative.id === chosen}
          />
          {`${cooperative.name} — Kec. ${cooperative.districtName}`}
        </label>
      ))}
    </div>
  );
}

export function RegisterPage(props: {
  event: PublicEvent;
  language: Language;
  path: string;
  districts: District[];
  cooperatives: Cooperative[];
  query: { q: string; district?: string };
  values: FormValues;
  errors: FieldErrors;
  formError?: string;
  idempotencyKey: string;
  /** Outreach: opened from a personal invitation link; the cooperative is fixed. */
  invitation?: { code: string; cooperative: Cooperative };
  /** The session accepts registrations only through personal invitation links. */
  invitationRequired?: boolean;
  /** Who the session is for (invitedSentence). */
  invited?: string;
}) {
  const { event, language, path, districts, cooperatives, query, values, errors, formError } = props;
  const invitation = props.invitation;
  const action = invitation
    ? `/acara/${event.id}/daftar?undangan=${encodeURIComponent(invitation.code)}`
    : `/acara/${event.id}/daftar`;
  const text = t(language);
  const searched = Boolean(query.q || query.district || values.cooperativeId);
  return (
    <Layout
      title={`${text.registerTitle}: ${event.title}`}
      language={language}
      path={path}
      scripts={[registerScriptAsset().path]}
    >
      <h1>{text.registerTitle}</h1>
      <ErrorSummary errors={errors} formError={formError} language={language} />
      <div class="card">
        <strong>{event.title}</strong>
        <EventFacts event={event} language={language} />
        <p class="muted">{text.perCooperative(event.maxPerCooperative)}</p>
        {props.invited ? <p data-invited>{props.invited}</p> : null}
        <p class="muted">
          <a href={`/acara/${event.id}/kirim-ulang`}>{text.lostLink}</a>
        </p>
      </div>
      {props.invitationRequired && !invitation ? (
        <p class="alert" data-invitation-required>
          {language === 'id'
            ? 'Pendaftaran sesi ini hanya melalui tautan undangan pribadi koperasi Anda (dari email, WhatsApp atau surat undangan). Hubungi Dinas penyelenggara bila belum menerimanya.'
            : 'This session only accepts registrations through your cooperative’s personal invitation link (from the email, WhatsApp message or letter). Contact the organizing Dinas if you have not received it.'}
        </p>
      ) : null}

      {invitation ? (
        <fieldset data-invited-cooperative>
          <legend>{text.step1}</legend>
          <p>
            <strong>{invitation.cooperative.name}</strong>
            {` — Kec. ${invitation.cooperative.districtName}`}
          </p>
          <p class="muted">
            {language === 'id'
              ? 'Koperasi dipilih dari tautan undangan pribadi dan tidak dapat diganti.'
              : 'The cooperative comes from your personal invitation link and cannot be changed.'}
          </p>
          <FieldMessage errors={errors} path={errors.cooperativeId ? 'cooperativeId' : 'undangan'} />
        </fieldset>
      ) : (
        <fieldset>
          <legend>{text.step1}</legend>
          <FieldMessage errors={errors} path="undangan" />
          <form
            method="get"
            action={`/acara/${event.id}/daftar`}
            data-coop-search
            data-regency={event.regencyCode}
            data-event={event.id}
          >
            <div class="row">
              <div>
                <label for="district">{text.district}</label>
                <select id="district" name="district">
                  <option value="">{text.allDistricts}</option>
                  {districts.map((district) => (
                    <option value={district.code} selected={district.code === query.district}>
                      {district.name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for="q">{text.searchVillage}</label>
                <input id="q" name="q" value={query.q} type="search" autocomplete="off" maxlength={100} />
              </div>
            </div>
            <div class="actions">
              <button type="submit" class="secondary">
                {text.search}
              </button>
            </div>
          </form>
          <CooperativeChoices
            cooperatives={cooperatives}
            chosen={values.cooperativeId}
            language={language}
            searched={searched}
          />
          <FieldMessage errors={errors} path="cooperativeId" />
        </fieldset>
      )}

      <form id="registration" method="post" action={action}>
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        {invitation ? (
          <>
            <input type="hidden" name="cooperativeId" value={invitation.cooperative.id} />
            <input type="hidden" name="undangan" value={invitation.code} />
          </>
        ) : null}
        <fieldset>
          <legend>{text.step2}</legend>
          <p class="muted">{text.contactHint}</p>
          <div class="row">
            <div>
              <label for="contact.name">{text.name}</label>
              <input
                id="contact.name"
                name="contact.name"
                {...invalid(errors, 'contact.name')}
                value={values.contact?.name ?? ''}
                required
                maxlength={100}
              />
              <FieldMessage errors={errors} path="contact.name" />
            </div>
            <div>
              <label for="contact.phone">{text.phone}</label>
              <input
                id="contact.phone"
                name="contact.phone"
                {...invalid(errors, 'contact.phone')}
                value={values.contact?.phone ?? ''}
                type="tel"
                inputmode="tel"
                placeholder="0812…"
                required
                maxlength={32}
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
                {...invalid(errors, 'contact.email')}
                value={values.contact?.email ?? ''}
                type="email"
                maxlength={254}
              />
              <FieldMessage errors={errors} path="contact.email" />
            </div>
          </div>
        </fieldset>
        <h2 id="participants" tabindex={-1}>
          {text.step3}
        </h2>
        <FieldMessage errors={errors} path="participants" />
        <ParticipantRows
          count={event.maxPerCooperative}
          values={values.participants}
          errors={errors}
          language={language}
        />
        <fieldset>
          <legend>{text.consentTitle}</legend>
          <p class="consent">{consentTexts[language]}</p>
          <label>
            <input
              type="checkbox"
              id="consent"
              name="consent"
              value="true"
              required
              checked={values.consent === 'true'}
              {...invalid(errors, 'consent')}
            />
            {language === 'id' ? 'Saya setuju' : 'I agree'}
          </label>
          <FieldMessage errors={errors} path="consent" />
          <label class="muted">
            <input type="checkbox" name="keepContact" value="true" checked={values.keepContact === 'true'} />
            {contactConsentTexts[language]}
          </label>
          <label class="muted" data-whatsapp-consent>
            <input type="checkbox" name="whatsapp" value="true" checked={values.whatsapp === 'true'} />
            {whatsappConsentTexts[language]}
          </label>
        </fieldset>
        <button type="submit">{text.submit}</button>
      </form>
    </Layout>
  );
}
