import type { User } from '../../../domain/accounts';
import { type Guest, guestRoleLabels, guestRoles } from '../../../domain/guests';
import { MAX_MATERIAL_BYTES, type Material, materialAccept, materialPath } from '../../../domain/materials';
import type { EventRecord, Language } from '../../../domain/schemas';
import { formatDateTime, formatTime } from '../../../domain/time';
import { guestCode } from '../../../services/guests';
import { ConsoleLayout, Csrf } from '../../pages/admin/layout';
import type { FieldErrors } from '../kit';
import { guestsText } from './copy';

export const guestsBase = (eventId: string) => `/admin/acara/${encodeURIComponent(eventId)}/tamu`;
export const materialsBase = (eventId: string) => `/admin/acara/${encodeURIComponent(eventId)}/materi`;

type Frame = {
  language: Language;
  user: User;
  csrf?: string;
  notice?: string;
  error?: string;
};

const MAX_MB = Math.round(MAX_MATERIAL_BYTES / (1024 * 1024));

function Field(props: {
  id: string;
  label: string;
  value?: string;
  errors?: FieldErrors;
  required?: boolean;
  autocomplete?: string;
}) {
  const error = props.errors?.[props.id];
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete ?? 'off'}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${props.id}-error` : undefined}
      />
      {error ? (
        <p class="error" id={`${props.id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** The add and edit form: same fields, same validation; `id` makes a resubmitted add a no-op. */
export function GuestForm(props: {
  language: Language;
  action: string;
  csrf?: string;
  id?: string;
  values?: Partial<Record<'name' | 'position' | 'institution' | 'role' | 'letterNumber', string>>;
  errors?: FieldErrors;
  submit: string;
}) {
  const text = guestsText(props.language);
  const values = props.values ?? {};
  return (
    <form method="post" action={props.action} data-guest-form>
      <Csrf token={props.csrf} />
      {props.id ? <input type="hidden" name="id" value={props.id} /> : null}
      <Field id="name" label={text.name} value={values.name} errors={props.errors} required />
      <Field id="position" label={text.position} value={values.position} errors={props.errors} required />
      <Field
        id="institution"
        label={text.institution}
        value={values.institution}
        errors={props.errors}
        required
      />
      <label for="role">{text.role}</label>
      <select id="role" name="role">
        {guestRoles.map((role) => (
          <option value={role} selected={(values.role ?? 'narasumber') === role}>
            {guestRoleLabels[props.language][role]}
          </option>
        ))}
      </select>
      <Field id="letterNumber" label={text.letterNumber} value={values.letterNumber} errors={props.errors} />
      <button type="submit">{props.submit}</button>
    </form>
  );
}

function MoveButton(props: {
  action: string;
  csrf?: string;
  direction: 'up' | 'down';
  label: string;
  text: string;
}) {
  return (
    <form method="post" action={props.action}>
      <Csrf token={props.csrf} />
      <input type="hidden" name="direction" value={props.direction} />
      <button type="submit" class="secondary" aria-label={props.label}>
        <span aria-hidden="true">{props.direction === 'up' ? '↑ ' : '↓ '}</span>
        {props.text}
      </button>
    </form>
  );
}

function PresenceForm(props: { action: string; csrf?: string; guest: Guest; language: Language }) {
  const text = guestsText(props.language);
  return (
    <form method="post" action={props.action}>
      <Csrf token={props.csrf} />
      {props.guest.checkedInAt ? (
        <>
          <input type="hidden" name="undo" value="1" />
          <button type="submit" class="secondary">
            {text.undo}
          </button>
        </>
      ) : (
        <button type="submit" aria-label={text.markPresentLabel(props.guest.name)}>
          {text.markPresent}
        </button>
      )}
    </form>
  );
}

/**
 * The guest list, one card per guest (a table of six columns does not fit a 360 px phone, and protocol staff
 * mark arrivals on one). Order buttons, edit, letter and remove for organizers; presence for everyone.
 */
export function GuestsPage(
  props: Frame & {
    event: EventRecord;
    guests: Guest[];
    canManage: boolean;
    query: string;
    newId: string;
    values?: Record<string, string>;
    errors?: FieldErrors;
  },
) {
  const { event, language, csrf } = props;
  const text = guestsText(language);
  const base = guestsBase(event.id);
  const query = props.query.trim().toLowerCase();
  const compactQuery = query.replace(/[^a-z0-9]/g, '');
  const shown = query
    ? props.guests.filter(
        (guest) =>
          guest.name.toLowerCase().includes(query) ||
          (compactQuery.length >= 4 && guest.id.includes(compactQuery)),
      )
    : props.guests;
  const present = props.guests.filter((guest) => guest.checkedInAt).length;
  return (
    <ConsoleLayout
      title={`${text.title}: ${event.title}`}
      language={language}
      user={props.user}
      csrfToken={csrf}
      notice={props.notice}
      error={props.error}
    >
      <p>
        <a href={`/admin/acara/${event.id}`}>{text.back}</a>
      </p>
      <h1>{text.title}</h1>
      <p class="muted">{`${event.title} · ${formatDateTime(event.startsAt, event.timeZone, language)}`}</p>
      <p>{text.intro}</p>
      {props.canManage ? null : <p class="muted">{text.viewOnly}</p>}
      <p data-guest-count>
        <strong>{text.count(props.guests.length, present)}</strong>
        {props.canManage && props.guests.length ? (
          <>
            {' · '}
            <a href={`${base}/surat.pdf`}>{text.allLetters}</a>
          </>
        ) : null}
        {' · '}
        <a href={materialsBase(event.id)}>{text.materials}</a>
      </p>
      <form method="get" action={base} class="inline">
        <div>
          <label for="q">{text.search}</label>
          <input id="q" name="q" value={props.query} />
        </div>
        <button type="submit" class="secondary">
          {text.find}
        </button>
      </form>
      {shown.length === 0 ? <p>{text.none}</p> : null}
      <ol class="guest-list">
        {shown.map((guest, index) => (
          <li data-guest={guest.id} data-present={guest.checkedInAt ? 'true' : 'false'}>
            <h2>
              <span class="muted">{`${guest.order}. `}</span>
              {guest.name}
            </h2>
            <p>
              {`${guest.position}, ${guest.institution}`}
              <br />
              <span class="badge">{guestRoleLabels[language][guest.role]}</span>{' '}
              <span>
                {guest.checkedInAt
                  ? text.presentAt(formatTime(guest.checkedInAt, event.timeZone, language))
                  : text.notPresent}
              </span>
            </p>
            <div class="actions">
              <PresenceForm
                action={`${base}/${guest.id}/hadir`}
                csrf={csrf}
                guest={guest}
                language={language}
              />
              {props.canManage ? (
                <>
                  {index > 0 && !query ? (
                    <MoveButton
                      action={`${base}/${guest.id}/pindah`}
                      csrf={csrf}
                      direction="up"
                      label={text.upLabel(guest.name)}
                      text={text.up}
                    />
                  ) : null}
                  {index < shown.length - 1 && !query ? (
                    <MoveButton
                      action={`${base}/${guest.id}/pindah`}
                      csrf={csrf}
                      direction="down"
                      label={text.downLabel(guest.name)}
                      text={text.down}
                    />
                  ) : null}
                  <a href={`${base}/${guest.id}/ubah`} aria-label={text.editLabel(guest.name)}>
                    {text.edit}
                  </a>
                  <a href={`${base}/${guest.id}/surat.pdf`} aria-label={text.letterLabel(guest.name)}>
                    {text.letter}
                  </a>
                  <form method="post" action={`${base}/${guest.id}/hapus`}>
                    <Csrf token={csrf} />
                    <button type="submit" class="secondary" aria-label={text.removeLabel(guest.name)}>
                      {text.remove}
                    </button>
                  </form>
                </>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      {props.canManage ? (
        <section>
          <h2>{text.addTitle}</h2>
          <GuestForm
            language={language}
            action={base}
            csrf={csrf}
            id={props.newId}
            values={props.values}
            errors={props.errors}
            submit={text.add}
          />
        </section>
      ) : null}
    </ConsoleLayout>
  );
}

export function GuestEditPage(
  props: Frame & { event: EventRecord; guest: Guest; values?: Record<string, string>; errors?: FieldErrors },
) {
  const text = guestsText(props.language);
  const base = guestsBase(props.event.id);
  return (
    <ConsoleLayout
      title={text.editTitle}
      language={props.language}
      user={props.user}
      csrfToken={props.csrf}
      error={props.error}
    >
      <p>
        <a href={base}>{text.title}</a>
      </p>
      <h1>{text.editTitle}</h1>
      <GuestForm
        language={props.language}
        action={`${base}/${props.guest.id}/ubah`}
        csrf={props.csrf}
        values={props.values ?? { ...props.guest }}
        errors={props.errors}
        submit={text.save}
      />
    </ConsoleLayout>
  );
}

/** What the QR on a guest's letter opens: one guest, one big button, for protocol staff at the door. */
export function GuestCheckInPage(props: Frame & { event: EventRecord; guest: Guest }) {
  const { guest, event, language } = props;
  const text = guestsText(language);
  const base = guestsBase(event.id);
  return (
    <ConsoleLayout
      title={`${text.checkInTitle}: ${guest.name}`}
      language={language}
      user={props.user}
      csrfToken={props.csrf}
      notice={props.notice}
    >
      <p>
        <a href={base}>{text.title}</a>
      </p>
      <h1>{guest.name}</h1>
      <p>
        {`${guest.position}, ${guest.institution}`}
        <br />
        <span class="badge">{guestRoleLabels[language][guest.role]}</span>
      </p>
      <p class="muted">{`${text.code}: ${guestCode(guest.id)} · ${event.title}`}</p>
      <p data-presence>
        <strong>
          {guest.checkedInAt
            ? text.presentAt(formatTime(guest.checkedInAt, event.timeZone, language))
            : text.notPresent}
        </strong>
      </p>
      <PresenceForm
        action={`${base}/${guest.id}/hadir`}
        csrf={props.csrf}
        guest={guest}
        language={language}
      />
    </ConsoleLayout>
  );
}

export function MaterialsPage(
  props: Frame & {
    event: EventRecord;
    materials: Material[];
    guests: Guest[];
    canManage: boolean;
    open: boolean;
    newId: string;
    /** Files go from the browser straight to S3 (AWS): this form only names the material, the next page sends it. */
    direct?: boolean;
  },
) {
  const { event, language, csrf } = props;
  const text = guestsText(language);
  const speakers = new Map(props.guests.map((guest) => [guest.id, guest.name]));
  return (
    <ConsoleLayout
      title={`${text.materials}: ${event.title}`}
      language={language}
      user={props.user}
      csrfToken={csrf}
      notice={props.notice}
      error={props.error}
    >
      <p>
        <a href={`/admin/acara/${event.id}`}>{text.back}</a>
        {' · '}
        <a href={guestsBase(event.id)}>{text.title}</a>
      </p>
      <h1>{text.materials}</h1>
      <p>{text.materialsIntro}</p>
      <p class="muted" data-materials-state>
        {props.open ? text.materialsOpen : text.materialsClosed}
      </p>
      {props.materials.length === 0 ? <p>{text.noMaterials}</p> : null}
      <ul class="guest-list" data-materials>
        {props.materials.map((material) => (
          <li data-material={material.id}>
            <h2>{material.title}</h2>
            <p class="muted">
              {[
                material.guestId ? speakers.get(material.guestId) : undefined,
                material.fileName,
                text.size(Math.max(1, Math.round(material.size / 1024))),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <div class="actions">
              <a
                href={materialPath(event.id, material.id)}
                aria-label={`${text.download}: ${material.title}`}
              >
                {text.download}
              </a>
              {props.canManage ? (
                <form method="post" action={`${materialsBase(event.id)}/${material.id}/hapus`}>
                  <Csrf token={csrf} />
                  <button type="submit" class="secondary" aria-label={`${text.remove}: ${material.title}`}>
                    {text.remove}
                  </button>
                </form>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {props.canManage ? (
        <section>
          <h2>{text.upload}</h2>
          <form
            method={props.direct ? 'get' : 'post'}
            action={props.direct ? `${materialsBase(event.id)}/unggah` : materialsBase(event.id)}
            enctype={props.direct ? undefined : 'multipart/form-data'}
            data-material-form
          >
            {props.direct ? null : <Csrf token={csrf} />}
            <input type="hidden" name="id" value={props.newId} />
            <label for="title">{text.materialTitle}</label>
            <input id="title" name="title" required />
            <label for="guestId">{text.speaker}</label>
            <select id="guestId" name="guestId">
              <option value="">{text.noSpeaker}</option>
              {props.guests.map((guest) => (
                <option value={guest.id}>{guest.name}</option>
              ))}
            </select>
            {props.direct ? (
              <button type="submit">{text.chooseFile}</button>
            ) : (
              <>
                <FileField language={language} />
                <button type="submit">{text.upload}</button>
              </>
            )}
          </form>
        </section>
      ) : null}
    </ConsoleLayout>
  );
}

function FileField({ language }: { language: Language }) {
  const text = guestsText(language);
  return (
    <>
      <label for="file">{text.file}</label>
      <input
        id="file"
        type="file"
        name="file"
        accept={materialAccept}
        required
        aria-describedby="file-hint"
      />
      <p class="muted" id="file-hint">
        {text.fileHint(MAX_MB)}
      </p>
    </>
  );
}

/**
 * The second step of an upload in AWS: the file goes from the browser straight to S3 with a presigned POST (its
 * policy holds the size limit and where S3 sends the browser back), since a Lambda takes at most 6 MB.
 */
export function DirectUploadPage(
  props: Frame & { event: EventRecord; title: string; url: string; fields: Record<string, string> },
) {
  const text = guestsText(props.language);
  return (
    <ConsoleLayout title={text.upload} language={props.language} user={props.user} csrfToken={props.csrf}>
      <p>
        <a href={materialsBase(props.event.id)}>{text.materials}</a>
      </p>
      <h1>{text.upload}</h1>
      <p>
        <strong>{props.title}</strong>
      </p>
      <form method="post" action={props.url} enctype="multipart/form-data" data-direct-upload>
        {Object.entries(props.fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        {/* S3 reads every field before the file: the file comes last. */}
        <FileField language={props.language} />
        <button type="submit">{text.upload}</button>
      </form>
    </ConsoleLayout>
  );
}
