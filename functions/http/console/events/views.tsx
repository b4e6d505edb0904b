import type { District } from '../../../db/cooperatives-repo';
import type { Organisation } from '../../../domain/accounts';
import { registrationOpen } from '../../../domain/registration';
import { roleLabels } from '../../../domain/roles';
import type { EventRecord, Language, Registration } from '../../../domain/schemas';
import { formatTimeRange, toLocalDateTimeInput, zoneChoiceLabel } from '../../../domain/time';
import { consoleText } from '../../pages/admin/copy';
import { ConsoleLayout, type ConsolePageProps, Csrf, pageFrame } from '../../pages/admin/layout';
import { FieldError } from '../../pages/layout';
import { DataTable, type FieldErrors } from '../kit';
import { eventsText } from './copy';

export const sessionPath = (eventId: string) => `/admin/acara/${eventId}`;

function EventState({ event, language }: { event: EventRecord; language: Language }) {
  const text = eventsText(language);
  if (event.cancelled) return <span class="badge cancelled">{text.cancelled}</span>;
  if (!event.published) return <span class="badge">{text.draft}</span>;
  return registrationOpen(event, new Date()) ? (
    <span class="badge confirmed">{text.open}</span>
  ) : (
    <span class="badge waitlisted">{text.closed}</span>
  );
}

export function EventsListPage(props: ConsolePageProps & { events: EventRecord[]; next?: string }) {
  const shared = consoleText(props.language);
  const text = eventsText(props.language);
  return (
    <ConsoleLayout {...pageFrame(props, shared.sessions)}>
      <h1>{shared.sessions}</h1>
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
            <a href={sessionPath(event.id)}>{event.title}</a>
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
  props: ConsolePageProps & {
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
  const shared = consoleText(props.language);
  const text = eventsText(props.language);
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
    <ConsoleLayout {...pageFrame(props, props.heading)}>
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
            <label for="organisationId">{shared.organisation}</label>
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
          <button type="submit">{shared.save}</button>
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
  props: ConsolePageProps & {
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
  const shared = consoleText(language);
  const text = eventsText(language);
  const districtName = new Map(props.districts.map((d) => [d.code, d.name]));
  const action = (path: string, label: string, secondary = true) => (
    <form method="post" action={path}>
      <Csrf token={props.csrfToken} />
      <button type="submit" class={secondary ? 'secondary' : undefined}>
        {label}
      </button>
    </form>
  );
  const base = sessionPath(event.id);
  return (
    <ConsoleLayout {...pageFrame(props, event.title)}>
      <h1>{event.title}</h1>
      <p class="muted">{`${formatTimeRange(event.startsAt, event.endsAt, event.timeZone, language)} · ${event.venue}`}</p>
      <p>
        <EventState event={event} language={language} />{' '}
        <strong>{text.seats(props.seats.taken, props.seats.capacity, props.seats.left)}</strong>
        {` · ${text.waitlist(props.waitlist.length)}`}
      </p>
      {props.canManage ? (
        <div class="actions">
          <a class="button" href={`${base}/ubah`}>
            {text.editSession}
          </a>
          <a class="button secondary" href={`${base}/stasiun`}>
            {shared.stations}
          </a>
          <a class="button secondary" href={`/admin/laporan/acara/${event.id}`}>
            {text.reports}
          </a>
          <a class="button secondary" href={`${base}/undangan`}>
            {text.outreach}
          </a>
          <a class="button secondary" href={`${base}/tindak-lanjut`}>
            {text.followups}
          </a>
          <a class="button secondary" href={`${base}/tanya-jawab`}>
            {text.questions}
          </a>
          <a class="button secondary" href={`${base}/tamu`}>
            {text.guests}
          </a>
          <a class="button secondary" href={`${base}/materi`}>
            {text.materials}
          </a>
          <a class="button secondary" href={`${base}/evaluasi`}>
            {text.evaluation}
          </a>
          <a class="button secondary" href={`/checkin/${event.id}`}>
            {text.checkinPage}
          </a>
          <a class="button secondary" href={`${base}/jendela-check-in`}>
            {text.checkinWindow}
          </a>
          <a class="button secondary" href={`${base}/daftarkan`}>
            {text.assisted}
          </a>
          {!event.cancelled
            ? action(`${base}/terbit`, event.published ? text.unpublish : text.publish)
            : null}
          {!event.cancelled && registrationOpen(event, new Date())
            ? action(`${base}/tutup`, text.closeRegistration)
            : null}
        </div>
      ) : props.user.role === 'business_assistant' && !event.cancelled ? (
        <div class="actions">
          <a class="button" href={`${base}/daftarkan`}>
            {text.assistedOwn}
          </a>
          <a class="button secondary" href={`${base}/evaluasi`}>
            {text.evaluationNeeds}
          </a>
        </div>
      ) : null}

      <h2>{text.registrations}</h2>
      <form method="get" action={base} class="filters">
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
                {shared.status[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{text.search}</button>
      </form>
      <DataTable
        rows={props.registrations}
        empty={text.noRegistrations}
        columns={[
          {
            header: text.cooperative,
            cell: (r) => (
              <>
                <strong>{r.cooperativeName}</strong>
                <br />
                <span class="muted">{districtName.get(r.districtCode) ?? r.districtCode}</span>
              </>
            ),
          },
          {
            header: shared.contact,
            cell: (r) => (
              <>
                {r.contact.name}
                <br />
                <span class="muted">{r.contact.phone}</span>
              </>
            ),
          },
          {
            header: text.officers,
            cell: (r) =>
              r.participants.map((p) => (
                <div>{`${p.name} · ${roleLabels[p.role][language]}${p.phone ? ` · ${p.phone}` : ''}`}</div>
              )),
          },
          {
            header: 'Status',
            cell: (r) => <span class={`badge ${r.status}`}>{shared.status[r.status]}</span>,
          },
          props.canManage && {
            header: shared.actions,
            cell: (r) => (
              <>
                {r.status !== 'cancelled' ? <a href={`/admin/pendaftaran/${r.id}`}>{shared.edit}</a> : null}
                {r.status === 'waitlisted'
                  ? action(`/admin/pendaftaran/${r.id}/naikkan`, text.promote, false)
                  : null}
                {r.status === 'confirmed'
                  ? action(`/admin/pendaftaran/${r.id}/kirim-ulang`, text.resend)
                  : null}
              </>
            ),
          },
        ]}
      />

      <h2>{`${text.notRegistered} (${props.notRegistered.length})`}</h2>
      <DataTable
        rows={props.notRegistered}
        headerWhenEmpty
        columns={[
          { header: text.cooperative, cell: (coop) => coop.name },
          { header: text.district, cell: (coop) => coop.districtName },
          {
            header: shared.contact,
            cell: (coop) => (
              <>
                {coop.contactLink ? (
                  <a href={coop.contactLink} target="_blank" rel="noopener">
                    {`${text.contactLink} (${coop.contactName})`}
                  </a>
                ) : null}
                {coop.assistant ? (
                  <div>
                    {`${shared.assistant}: `}
                    <a href={`mailto:${coop.assistant.email}`}>{coop.assistant.name}</a>
                  </div>
                ) : null}
                {!coop.contactLink && !coop.assistant ? (
                  <span class="muted">{text.unknownContact}</span>
                ) : null}
              </>
            ),
          },
        ]}
      />

      {props.canManage && !event.cancelled ? (
        <form method="post" action={`${base}/batal`} class="card">
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
