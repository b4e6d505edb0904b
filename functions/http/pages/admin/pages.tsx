import { raw } from 'hono/html';
import type { District } from '../../../db/cooperatives-repo';
import type { AuditEntry, Organisation, User } from '../../../domain/accounts';
import { userRoleLabels, userRoles } from '../../../domain/accounts';
import { registrationOpen } from '../../../domain/registration';
import { roleLabels } from '../../../domain/roles';
import type { EventRecord, Language, Registration } from '../../../domain/schemas';
import { formatDateTime, formatTimeRange, toLocalDateTimeInput, zoneChoiceLabel } from '../../../domain/time';
import type { MessageLogView } from '../../../services/message-log';
import { RegistrationMessages } from '../../console/message-log/views';
import { FieldError } from '../layout';
import type { FieldErrors, FormValues } from '../register-page';
import { ParticipantRows } from '../register-page';
import { consoleText } from './copy';
import { ConsoleLayout, Csrf } from './layout';

type Base = { language: Language; user: User; csrfToken?: string; notice?: string; error?: string };

const frame = (props: Base, title: string) => ({
  title,
  language: props.language,
  user: props.user,
  csrfToken: props.csrfToken,
  notice: props.notice,
  error: props.error,
});

function EventState({ event, language }: { event: EventRecord; language: Language }) {
  const text = consoleText(language);
  if (event.cancelled) return <span class="badge cancelled">{text.cancelled}</span>;
  if (!event.published) return <span class="badge">{text.draft}</span>;
  return registrationOpen(event, new Date()) ? (
    <span class="badge confirmed">{text.open}</span>
  ) : (
    <span class="badge waitlisted">{text.closed}</span>
  );
}

export function EventsListPage(props: Base & { events: EventRecord[]; next?: string }) {
  const text = consoleText(props.language);
  return (
    <ConsoleLayout {...frame(props, text.sessions)}>
      <h1>{text.sessions}</h1>
      {props.user.role !== 'business_assistant' ? (
        <p>
          <a class="button" href="/admin/acara/baru">
            {text.newSession}
          </a>
        </p>
      ) : null}
      {props.events.map((event) => (
        <article class="card">
          <h2>
            <a href={`/admin/acara/${event.id}`}>{event.title}</a>
          </h2>
          <p class="muted">
            {formatTimeRange(event.startsAt, event.endsAt, event.timeZone, props.language)}
            {` · ${event.venue}`}
          </p>
          <p>
            <EventState event={event} language={props.language} />{' '}
            {text.seats(event.seatsTaken, event.capacity, Math.max(0, event.capacity - event.seatsTaken))}
          </p>
        </article>
      ))}
      {props.next ? (
        <p>
          <a class="button secondary" href={`/admin?setelah=${encodeURIComponent(props.next)}`}>
            {text.olderSessions}
          </a>
        </p>
      ) : null}
    </ConsoleLayout>
  );
}

export type EventFormValues = Record<string, string | string[] | boolean | undefined>;

export function eventFormValues(event: EventRecord): EventFormValues {
  return {
    title: event.title,
    description: event.description,
    venue: event.venue,
    address: event.address,
    timeZone: event.timeZone,
    startsAt: toLocalDateTimeInput(event.startsAt, event.timeZone),
    endsAt: toLocalDateTimeInput(event.endsAt, event.timeZone),
    registrationDeadline: toLocalDateTimeInput(event.registrationDeadline, event.timeZone),
    capacity: String(event.capacity),
    maxPerCooperative: String(event.maxPerCooperative),
    organizerName: event.organizerName,
    regencyCode: event.regencyCode,
    invitedDistrictCodes: event.invitedDistrictCodes,
    organisationId: event.organisationId,
    published: event.published,
  };
}

const zones = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'];

export function EventFormPage(
  props: Base & {
    action: string;
    heading: string;
    values: EventFormValues;
    errors: FieldErrors;
    districts: District[];
    organisations: Organisation[];
    /** The name of the regency whose code the form holds, shown beside the code. */
    regencyName?: string;
  },
) {
  const text = consoleText(props.language);
  const v = props.values;
  const str = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : '');
  const invited = Array.isArray(v.invitedDistrictCodes) ? v.invitedDistrictCodes : [];
  const input = (name: string, label: string, type = 'text', required = true) => (
    <div>
      <label for={name}>{label}</label>
      <input id={name} name={name} type={type} value={str(name)} required={required} />
      <FieldError message={props.errors[name]} />
    </div>
  );
  return (
    <ConsoleLayout {...frame(props, props.heading)}>
      <h1>{props.heading}</h1>
      <form method="post" action={props.action} class="card">
        <Csrf token={props.csrfToken} />
        {input('title', text.title)}
        <label for="description">{text.description}</label>
        <textarea id="description" name="description" rows={4}>
          {str('description')}
        </textarea>
        <div class="row">
          {input('venue', text.venue)}
          {input('address', text.address, 'text', false)}
          {input('startsAt', text.startsAt, 'datetime-local')}
          {input('endsAt', text.endsAt, 'datetime-local')}
          {input('registrationDeadline', text.deadline, 'datetime-local', false)}
          <div>
            <label for="timeZone">{text.timeZone}</label>
            <select id="timeZone" name="timeZone">
              {[...new Set([...zones, str('timeZone') || 'Asia/Jakarta'])].map((zone) => (
                <option value={zone} selected={(str('timeZone') || 'Asia/Jakarta') === zone}>
                  {zoneChoiceLabel(zone, props.language)}
                </option>
              ))}
            </select>
            <FieldError message={props.errors.timeZone} />
          </div>
          {input('capacity', text.capacity, 'number')}
          {input('maxPerCooperative', text.maxPerCooperative, 'number')}
          {input('organizerName', text.organizerName)}
          <div>
            <label for="regencyCode">{text.regencyCode}</label>
            <input
              id="regencyCode"
              name="regencyCode"
              value={str('regencyCode')}
              required
              aria-describedby={props.regencyName ? 'regencyName' : undefined}
            />
            {props.regencyName ? (
              <p class="muted" id="regencyName">
                {props.regencyName}
              </p>
            ) : null}
            <FieldError message={props.errors.regencyCode} />
          </div>
        </div>
        {props.user.role === 'admin' ? (
          <div>
            <label for="organisationId">{text.organisation}</label>
            <select id="organisationId" name="organisationId">
              {props.organisations.map((org) => (
                <option value={org.id} selected={str('organisationId') === org.id}>
                  {org.name}
                </option>
              ))}
            </select>
            <FieldError message={props.errors.organisationId} />
          </div>
        ) : null}
        <fieldset>
          <legend>{text.invited}</legend>
          <div class="checks">
            {props.districts.map((district) => (
              <label>
                <input
                  type="checkbox"
                  name="invitedDistrictCodes"
                  value={district.code}
                  checked={invited.includes(district.code)}
                />
                {district.name}
              </label>
            ))}
          </div>
          <FieldError message={props.errors.invitedDistrictCodes} />
        </fieldset>
        <label>
          <input type="checkbox" name="published" value="true" checked={v.published !== false} />
          {text.published}
        </label>
        <p>
          <button type="submit">{text.save}</button>
        </p>
      </form>
    </ConsoleLayout>
  );
}

type NotRegistered = {
  cooperativeId: string;
  name: string;
  districtName: string;
  contactName: string | null;
  contactLink: string | null;
  assistant: { name: string; email: string } | null;
};

export function SessionPage(
  props: Base & {
    event: EventRecord;
    seats: { capacity: number; taken: number; left: number };
    registrations: Registration[];
    waitlist: Registration[];
    notRegistered: NotRegistered[];
    districts: District[];
    filters: { q?: string; district?: string; status?: string };
    canManage: boolean;
  },
) {
  const { event, language } = props;
  const text = consoleText(language);
  const districtName = new Map(props.districts.map((d) => [d.code, d.name]));
  const action = (path: string, label: string, secondary = true) => (
    <form method="post" action={path}>
      <Csrf token={props.csrfToken} />
      <button type="submit" class={secondary ? 'secondary' : undefined}>
        {label}
      </button>
    </form>
  );
  return (
    <ConsoleLayout {...frame(props, event.title)}>
      <h1>{event.title}</h1>
      <p class="muted">{`${formatTimeRange(event.startsAt, event.endsAt, event.timeZone, language)} · ${event.venue}`}</p>
      <p>
        <EventState event={event} language={language} />{' '}
        <strong>{text.seats(props.seats.taken, props.seats.capacity, props.seats.left)}</strong>
        {` · ${text.waitlist(props.waitlist.length)}`}
      </p>
      {props.canManage ? (
        <div class="actions">
          <a class="button" href={`/admin/acara/${event.id}/ubah`}>
            {text.editSession}
          </a>
          <a class="button secondary" href={`/admin/acara/${event.id}/stasiun`}>
            {text.stations}
          </a>
          <a class="button secondary" href={`/admin/laporan/acara/${event.id}`}>
            {text.reports}
          </a>
          <a class="button secondary" href={`/admin/acara/${event.id}/undangan`}>
            {text.outreach}
          </a>
          <a class="button secondary" href={`/admin/acara/${event.id}/tindak-lanjut`}>
            {text.followups}
          </a>
          <a class="button secondary" href={`/admin/acara/${event.id}/tanya-jawab`}>
            {language === 'id' ? 'Tanya jawab' : 'Questions'}
          </a>
          <a class="button secondary" href={`/admin/acara/${event.id}/tamu`}>
            {language === 'id' ? 'Tamu & narasumber' : 'Guests & speakers'}
          </a>
          <a class="button secondary" href={`/admin/acara/${event.id}/materi`}>
            {language === 'id' ? 'Materi' : 'Materials'}
          </a>
          <a class="button secondary" href={`/admin/acara/${event.id}/evaluasi`}>
            {language === 'id' ? 'Evaluasi kegiatan' : 'Session evaluation'}
          </a>
          <a class="button secondary" href={`/checkin/${event.id}`}>
            {text.checkinPage}
          </a>
          <a class="button secondary" href={`/admin/acara/${event.id}/jendela-check-in`}>
            {language === 'id' ? 'Jendela check-in' : 'Check-in window'}
          </a>
          <a class="button secondary" href={`/admin/acara/${event.id}/daftarkan`}>
            {language === 'id' ? 'Daftarkan koperasi (dibantu)' : 'Register a cooperative (assisted)'}
          </a>
          {!event.cancelled
            ? action(`/admin/acara/${event.id}/terbit`, event.published ? text.unpublish : text.publish)
            : null}
          {!event.cancelled && registrationOpen(event, new Date())
            ? action(`/admin/acara/${event.id}/tutup`, text.closeRegistration)
            : null}
        </div>
      ) : props.user.role === 'business_assistant' && !event.cancelled ? (
        <div class="actions">
          <a class="button" href={`/admin/acara/${event.id}/daftarkan`}>
            {language === 'id' ? 'Daftarkan koperasi dampingan' : 'Register one of your cooperatives'}
          </a>
          <a class="button secondary" href={`/admin/acara/${event.id}/evaluasi`}>
            {language === 'id' ? 'Kebutuhan dari evaluasi' : 'Needs from the evaluation'}
          </a>
        </div>
      ) : null}

      <h2>{text.registrations}</h2>
      <form method="get" action={`/admin/acara/${event.id}`} class="filters">
        <div>
          <label for="q">{text.search}</label>
          <input id="q" name="q" value={props.filters.q ?? ''} placeholder={text.searchHint} />
        </div>
        <div>
          <label for="district">{text.district}</label>
          <select id="district" name="district">
            <option value="">{text.allDistricts}</option>
            {props.districts.map((d) => (
              <option value={d.code} selected={props.filters.district === d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="status">Status</label>
          <select id="status" name="status">
            <option value="">{text.allStatuses}</option>
            {(['confirmed', 'waitlisted', 'cancelled'] as const).map((s) => (
              <option value={s} selected={props.filters.status === s}>
                {text.status[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{text.search}</button>
      </form>
      {props.registrations.length === 0 ? <p>{text.noRegistrations}</p> : null}
      {props.registrations.length ? (
        <table>
          <thead>
            <tr>
              <th>{text.cooperative}</th>
              <th>{text.contact}</th>
              <th>{text.officers}</th>
              <th>Status</th>
              {props.canManage ? <th>{text.actions}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.registrations.map((r) => (
              <tr>
                <td>
                  <strong>{r.cooperativeName}</strong>
                  <br />
                  <span class="muted">{districtName.get(r.districtCode) ?? r.districtCode}</span>
                </td>
                <td>
                  {r.contact.name}
                  <br />
                  <span class="muted">{r.contact.phone}</span>
                </td>
                <td>
                  {r.participants.map((p) => (
                    <div>{`${p.name} · ${roleLabels[p.role][language]}${p.phone ? ` · ${p.phone}` : ''}`}</div>
                  ))}
                </td>
                <td>
                  <span class={`badge ${r.status}`}>{text.status[r.status]}</span>
                </td>
                {props.canManage ? (
                  <td>
                    {r.status !== 'cancelled' ? <a href={`/admin/pendaftaran/${r.id}`}>{text.edit}</a> : null}
                    {r.status === 'waitlisted'
                      ? action(`/admin/pendaftaran/${r.id}/naikkan`, text.promote, false)
                      : null}
                    {r.status === 'confirmed'
                      ? action(`/admin/pendaftaran/${r.id}/kirim-ulang`, text.resend)
                      : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2>{`${text.notRegistered} (${props.notRegistered.length})`}</h2>
      <table>
        <thead>
          <tr>
            <th>{text.cooperative}</th>
            <th>{text.district}</th>
            <th>{text.contact}</th>
          </tr>
        </thead>
        <tbody>
          {props.notRegistered.map((coop) => (
            <tr>
              <td>{coop.name}</td>
              <td>{coop.districtName}</td>
              <td>
                {coop.contactLink ? (
                  <a href={coop.contactLink} target="_blank" rel="noopener">
                    {`${text.contactLink} (${coop.contactName})`}
                  </a>
                ) : null}
                {coop.assistant ? (
                  <div>
                    {`${text.assistant}: `}
                    <a href={`mailto:${coop.assistant.email}`}>{coop.assistant.name}</a>
                  </div>
                ) : null}
                {!coop.contactLink && !coop.assistant ? (
                  <span class="muted">{text.unknownContact}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {props.canManage && !event.cancelled ? (
        <form method="post" action={`/admin/acara/${event.id}/batal`} class="card">
          <Csrf token={props.csrfToken} />
          <h2>{text.cancelSession}</h2>
          <label>
            <input type="checkbox" name="confirm" value="yes" required />
            {text.confirmCancel}
          </label>
          <button type="submit" class="secondary">
            {text.cancelSession}
          </button>
        </form>
      ) : null}
    </ConsoleLayout>
  );
}

export function RegistrationEditPage(
  props: Base & {
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
  const text = consoleText(language);
  const values = props.values ?? { contact: registration.contact, participants: registration.participants };
  return (
    <ConsoleLayout {...frame(props, registration.cooperativeName)}>
      <p>
        <a href={`/admin/acara/${event.id}`}>{`← ${event.title}`}</a>
      </p>
      <h1>{registration.cooperativeName}</h1>
      {props.undeliverable?.length ? (
        <div class="alert warn" role="alert">
          {`${language === 'id' ? 'Email tidak dapat dikirim ke' : 'Email cannot be delivered to'} ${props.undeliverable.join(', ')}. ${
            language === 'id'
              ? 'Perbaiki alamatnya atau hubungi lewat WhatsApp.'
              : 'Correct the address or reach them on WhatsApp.'
          }`}
        </div>
      ) : null}
      <p>
        <span class={`badge ${registration.status}`}>{text.status[registration.status]}</span>
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
          <legend>{text.contact}</legend>
          <div class="row">
            <div>
              <label for="contact.name">{text.name}</label>
              <input id="contact.name" name="contact.name" value={values.contact?.name ?? ''} required />
              <FieldError message={props.errors?.['contact.name']} />
            </div>
            <div>
              <label for="contact.phone">HP</label>
              <input id="contact.phone" name="contact.phone" value={values.contact?.phone ?? ''} required />
              <FieldError message={props.errors?.['contact.phone']} />
            </div>
            <div>
              <label for="contact.email">{text.email}</label>
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
        <button type="submit">{text.save}</button>
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

export function StationsPage(
  props: Base & {
    event: EventRecord;
    stations: { id: string; name: string; createdAt: string; revokedAt: string | null }[];
    created?: { name: string; url: string; qrSvg: string };
    errors?: FieldErrors;
  },
) {
  const text = consoleText(props.language);
  return (
    <ConsoleLayout {...frame(props, text.stations)}>
      <p>
        <a href={`/admin/acara/${props.event.id}`}>{`← ${props.event.title}`}</a>
      </p>
      <h1>{text.stations}</h1>
      {props.created ? (
        <div class="card">
          <p class="alert ok">{text.stationCreated}</p>
          <h2>{props.created.name}</h2>
          <div class="qr">{raw(props.created.qrSvg)}</div>
          <p class="station-link">
            <a href={props.created.url}>{props.created.url}</a>
          </p>
        </div>
      ) : null}
      <form method="post" action={`/admin/acara/${props.event.id}/stasiun`} class="card inline">
        <Csrf token={props.csrfToken} />
        <div>
          <label for="name">{text.stationName}</label>
          <input id="name" name="name" required maxlength={60} />
          <FieldError message={props.errors?.name} />
        </div>
        <button type="submit">{text.addStation}</button>
      </form>
      <table>
        <tbody>
          {props.stations.map((station) => (
            <tr>
              <td>{station.name}</td>
              <td>{formatDateTime(station.createdAt, props.event.timeZone, props.language)}</td>
              <td>
                {station.revokedAt ? (
                  <span class="badge cancelled">{text.revoked}</span>
                ) : (
                  <form method="post" action={`/admin/acara/${props.event.id}/stasiun/${station.id}/cabut`}>
                    <Csrf token={props.csrfToken} />
                    <button type="submit" class="secondary">
                      {text.revoke}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ConsoleLayout>
  );
}

/** What a refused user or organisation form shows again (the organisation form's `name` is not the user's). */
export type UsersForms = {
  error?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  organisationErrors?: FieldErrors;
  organisationValues?: Record<string, string>;
};

export function UsersPage(
  props: Base &
    UsersForms & {
      users: User[];
      organisations: Organisation[];
      /** The regencies of the cooperative directory, which an organisation can be bound to. */
      regencies: { code: string; name: string }[];
    },
) {
  const regencyName = new Map(props.regencies.map((r) => [r.code, r.name]));
  const text = consoleText(props.language);
  const v = props.values ?? {};
  const o = props.organisationValues ?? {};
  return (
    <ConsoleLayout {...frame(props, text.users)}>
      <h1>{text.users}</h1>
      <table>
        <thead>
          <tr>
            <th>{text.email}</th>
            <th>{text.name}</th>
            <th>{text.role}</th>
            <th>{text.organisation}</th>
            <th>{text.actions}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr>
              <td>{u.email}</td>
              <td>{u.name}</td>
              <td>{userRoleLabels[u.role][props.language]}</td>
              <td>{u.organisationId}</td>
              <td>
                {u.id !== props.user.id ? (
                  <form method="post" action={`/admin/pengguna/${u.id}/status`}>
                    <Csrf token={props.csrfToken} />
                    <input type="hidden" name="active" value={u.active ? 'false' : 'true'} />
                    <button type="submit" class="secondary">
                      {u.active ? text.deactivate : text.activate}
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{text.addUser}</h2>
      <form method="post" action="/admin/pengguna" class="card">
        <Csrf token={props.csrfToken} />
        <div class="row">
          <div>
            <label for="email">{text.email}</label>
            <input id="email" name="email" type="email" required value={v.email ?? ''} />
            <FieldError message={props.errors?.email} />
          </div>
          <div>
            <label for="name">{text.name}</label>
            <input id="name" name="name" required value={v.name ?? ''} />
            <FieldError message={props.errors?.name} />
          </div>
          <div>
            <label for="role">{text.role}</label>
            <select id="role" name="role">
              {userRoles.map((role) => (
                <option value={role} selected={v.role === role}>
                  {userRoleLabels[role][props.language]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="organisationId">{text.organisation}</label>
            <select id="organisationId" name="organisationId">
              {props.organisations.map((org) => (
                <option value={org.id} selected={v.organisationId === org.id}>
                  {org.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="provinceCodes">
              {props.language === 'id'
                ? 'Kode provinsi (pemantau provinsi)'
                : 'Province codes (province viewer)'}
            </label>
            <input
              id="provinceCodes"
              name="provinceCodes"
              inputmode="numeric"
              placeholder="62, 63"
              aria-describedby="provinceCodes-hint"
              value={v.provinceCodes ?? ''}
            />
            <small id="provinceCodes-hint" class="muted">
              {props.language === 'id'
                ? 'Untuk pemantau provinsi: provinsi yang boleh dilihat, dipisah koma.'
                : 'For a province viewer: the provinces they may see, separated by commas.'}
            </small>
            <FieldError message={props.errors?.provinceCodes} />
          </div>
        </div>
        <p>
          <button type="submit">{text.addUser}</button>
        </p>
      </form>
      <h2 id="organisasi">{text.organisations}</h2>
      <table>
        <thead>
          <tr>
            <th>{text.organisationCode}</th>
            <th>{text.name}</th>
            <th>{text.regenciesServed}</th>
          </tr>
        </thead>
        <tbody>
          {props.organisations.map((org) => (
            <tr data-organisation={org.id}>
              <td>{org.id}</td>
              <td>{org.name}</td>
              <td>
                {org.regencyCodes?.length ? (
                  <span data-regencies>
                    {org.regencyCodes
                      .map((code) => `${code} ${regencyName.get(code) ?? ''}`.trim())
                      .join(', ')}
                  </span>
                ) : (
                  <span class="muted">{text.noRegencies}</span>
                )}
                <details>
                  <summary>{text.regenciesServed}</summary>
                  <form method="post" action={`/admin/organisasi/${org.id}/wilayah`}>
                    <Csrf token={props.csrfToken} />
                    {props.regencies.map((regency) => (
                      <label>
                        <input
                          type="checkbox"
                          name="regencyCodes"
                          value={regency.code}
                          checked={org.regencyCodes?.includes(regency.code)}
                        />{' '}
                        {`${regency.code} ${regency.name}`}
                      </label>
                    ))}
                    <button type="submit" class="secondary">
                      {text.saveRegencies}
                    </button>
                  </form>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action="/admin/organisasi" class="card">
        <Csrf token={props.csrfToken} />
        <div class="row">
          <div>
            <label for="org-id">{text.organisationCode}</label>
            <input id="org-id" name="id" required pattern="[a-z0-9][a-z0-9\-]{1,59}" value={o.id ?? ''} />
            <FieldError message={props.organisationErrors?.id} />
          </div>
          <div>
            <label for="org-name">{text.name}</label>
            <input id="org-name" name="name" required minlength={3} maxlength={200} value={o.name ?? ''} />
            <FieldError message={props.organisationErrors?.name} />
          </div>
        </div>
        <p>
          <button type="submit">{text.addOrganisation}</button>
        </p>
      </form>
    </ConsoleLayout>
  );
}

export function AssignmentsPage(
  props: Base & {
    assistants: User[];
    selected?: User;
    assigned: string[];
    cooperatives: { id: string; name: string; districtName: string }[];
    errors?: string[];
  },
) {
  const text = consoleText(props.language);
  const assigned = new Set(props.assigned);
  return (
    <ConsoleLayout {...frame(props, text.assignments)}>
      <h1>{text.assignments}</h1>
      <form method="get" action="/admin/pendamping" class="inline">
        <div>
          <label for="ba">{text.assistant}</label>
          <select id="ba" name="ba">
            {props.assistants.map((a) => (
              <option value={a.id} selected={props.selected?.id === a.id}>
                {`${a.name} (${a.email})`}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {text.edit}
        </button>
      </form>
      {props.selected ? (
        <form method="post" action={`/admin/pendamping/${props.selected.id}`} class="card">
          <Csrf token={props.csrfToken} />
          <h2>{`${text.assignFor} ${props.selected.name}`}</h2>
          <div class="checks">
            {props.cooperatives.map((coop) => (
              <label>
                <input
                  type="checkbox"
                  name="cooperativeIds"
                  value={coop.id}
                  checked={assigned.has(coop.id)}
                />
                {`${coop.name} · ${coop.districtName}`}
              </label>
            ))}
          </div>
          <p>
            <button type="submit">{text.save}</button>
          </p>
        </form>
      ) : null}
      <form method="post" action="/admin/pendamping/impor" enctype="multipart/form-data" class="card">
        <Csrf token={props.csrfToken} />
        <h2>{text.importCsv}</h2>
        <p class="muted">{text.csvHint}</p>
        <input type="file" name="csv" accept=".csv,text/csv" required aria-label={text.importCsv} />
        {(props.errors ?? []).map((message) => (
          <p class="error">{message}</p>
        ))}
        <p>
          <button type="submit">{text.upload}</button>
        </p>
      </form>
    </ConsoleLayout>
  );
}

export function AuditPage(props: Base & { entries: AuditEntry[]; cursor?: string }) {
  const text = consoleText(props.language);
  return (
    <ConsoleLayout {...frame(props, text.audit)}>
      <h1>{text.audit}</h1>
      <table>
        <thead>
          <tr>
            <th>{text.when}</th>
            <th>{text.who}</th>
            <th>{text.what}</th>
            <th>{text.target}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((entry) => (
            <tr>
              <td>{formatDateTime(entry.at, 'Asia/Jakarta', props.language)}</td>
              <td>{entry.actorEmail}</td>
              <td>
                {entry.action}
                {entry.detail ? <div class="muted">{entry.detail}</div> : null}
              </td>
              <td>{`${entry.targetType} ${entry.targetId}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.cursor ? (
        <p>
          <a class="button secondary" href={`/admin/audit?cursor=${encodeURIComponent(props.cursor)}`}>
            {text.older}
          </a>
        </p>
      ) : null}
    </ConsoleLayout>
  );
}
