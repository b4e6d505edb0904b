import type { District } from '../../db/cooperatives-repo';
import { consentTexts, contactConsentTexts, whatsappConsentTexts } from '../../domain/consent';
import type { PublicEvent } from '../../domain/events';
import { officerRoles, roleLabels } from '../../domain/roles';
import type { Cooperative, Language } from '../../domain/schemas';
import { registerScriptAsset } from '../assets';
import { EventFacts } from './event-pages';
import { t } from './i18n';
import { FieldError, Layout } from './layout';

export type FormValues = {
  cooperativeId?: string;
  contact?: { name?: string; phone?: string; email?: string };
  participants?: { id?: string; name?: string; role?: string; phone?: string; email?: string }[];
};

/** Field errors keyed by path, e.g. `participants.0.phone`. */
export type FieldErrors = Record<string, string>;

export function ParticipantRows({
  count,
  values,
  errors,
  language,
}: {
  count: number;
  values: FormValues['participants'];
  errors: FieldErrors;
  language: Language;
}) {
  const text = t(language);
  return (
    <>
      {Array.from({ length: count }, (_, index) => {
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
                  value={value.name ?? ''}
                  autocomplete="off"
                  maxlength={100}
                  required={index === 0}
                />
                <FieldError message={errors[field('name')]} />
              </div>
              <div>
                <label for={field('role')}>{text.role}</label>
                <select id={field('role')} name={field('role')}>
                  {officerRoles.map((role) => (
                    <option
                      value={role}
                      selected={value.role ? value.role === role : officerRoles[index] === role}
                    >
                      {roleLabels[role][language]}
                    </option>
                  ))}
                </select>
                <FieldError message={errors[field('role')]} />
              </div>
              <div>
                <label for={field('phone')}>
                  {text.phone} <span class="muted">{`(${text.optional})`}</span>
                </label>
                <input
                  id={field('phone')}
                  name={field('phone')}
                  value={value.phone ?? ''}
                  type="tel"
                  inputmode="tel"
                  placeholder="0812…"
                  maxlength={32}
                />
                <FieldError message={errors[field('phone')]} />
              </div>
              <div>
                <label for={field('email')}>
                  {text.email} <span class="muted">{`(${text.optional})`}</span>
                </label>
                <input
                  id={field('email')}
                  name={field('email')}
                  value={value.email ?? ''}
                  type="email"
                  maxlength={254}
                />
                <FieldError message={errors[field('email')]} />
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
    <div class="choices" data-coop-choices data-empty={text.noMatch}>
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
  /** Outreach (issue 11): opened from a personal invitation link; the cooperative is fixed. */
  invitation?: { code: string; cooperative: Cooperative };
  /** The session accepts registrations only through personal invitation links. */
  invitationRequired?: boolean;
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
      <div class="card">
        <strong>{event.title}</strong>
        <EventFacts event={event} language={language} />
        <p class="muted">{text.perCooperative(event.maxPerCooperative)}</p>
      </div>
      {formError ? (
        <div class="alert" role="alert">
          {formError}
        </div>
      ) : null}
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
          <FieldError message={errors.cooperativeId ?? errors.undangan} />
        </fieldset>
      ) : (
        <fieldset>
          <legend>{text.step1}</legend>
          <FieldError message={errors.undangan} />
          <form
            method="get"
            action={`/acara/${event.id}/daftar`}
            data-coop-search
            data-regency={event.regencyCode}
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
          <FieldError message={errors.cooperativeId} />
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
                value={values.contact?.name ?? ''}
                required
                maxlength={100}
              />
              <FieldError message={errors['contact.name']} />
            </div>
            <div>
              <label for="contact.phone">{text.phone}</label>
              <input
                id="contact.phone"
                name="contact.phone"
                value={values.contact?.phone ?? ''}
                type="tel"
                inputmode="tel"
                placeholder="0812…"
                required
                maxlength={32}
              />
              <FieldError message={errors['contact.phone']} />
            </div>
            <div>
              <label for="contact.email">
                {text.email} <span class="muted">{`(${text.optional})`}</span>
              </label>
              <input
                id="contact.email"
                name="contact.email"
                value={values.contact?.email ?? ''}
                type="email"
                maxlength={254}
              />
              <FieldError message={errors['contact.email']} />
            </div>
          </div>
        </fieldset>
        <h2>{text.step3}</h2>
        <FieldError message={errors.participants} />
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
            <input type="checkbox" name="consent" value="true" required />
            {language === 'id' ? 'Saya setuju' : 'I agree'}
          </label>
          <FieldError message={errors.consent} />
          <label class="muted">
            <input type="checkbox" name="keepContact" value="true" />
            {contactConsentTexts[language]}
          </label>
          <label class="muted" data-whatsapp-consent>
            <input type="checkbox" name="whatsapp" value="true" />
            {whatsappConsentTexts[language]}
          </label>
        </fieldset>
        <button type="submit">{text.submit}</button>
      </form>
    </Layout>
  );
}
