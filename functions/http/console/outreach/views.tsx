import { invitationChannels } from '../../../db/invitations-repo';
import type { User } from '../../../domain/accounts';
import { formatPhoneLocal } from '../../../domain/phone';
import type { Language } from '../../../domain/schemas';
import { sessionFull } from '../../../domain/seats';
import { cooperativeStatusLabel } from '../../../domain/statuses';
import { formatDateTime } from '../../../domain/time';
import type { ContactImport, ReviewRow } from '../../../outreach/contacts-import';
import { type OutreachRow, type OutreachService, outreachStates } from '../../../services/outreach';
import { ConsoleLayout, Csrf } from '../../pages/admin/layout';
import { DataTable } from '../kit';
import { type OutreachText, outreachText } from './copy';

type Frame = { language: Language; user: User; csrfToken?: string; notice?: string; error?: string };
type Overview = Awaited<ReturnType<OutreachService['overview']>>;
type Contacts = Awaited<ReturnType<OutreachService['contacts']>>;
export type ImportResult = ContactImport & { applied: number };

function Sent({ row, text }: { row: OutreachRow; text: OutreachText }) {
  const sent = invitationChannels.filter(
    (channel) =>
      row.invitation[({ email: 'emailedAt', whatsapp: 'whatsappAt', letter: 'letterAt' } as const)[channel]],
  );
  return <span class="muted">{sent.map((channel) => text.channels[channel]).join(', ')}</span>;
}

/** Every invited cooperative of a session: state, contact, Business Assistant, and what to send each. */
export function OutreachListPage(
  props: Frame & {
    overview: Overview;
    filters: { district?: string; ba?: string; state?: string };
    href: string;
    organizer: boolean;
  },
) {
  const { language, csrfToken: csrf, href } = props;
  const text = outreachText(language);
  const { event, rows, counts, districts, assistants } = props.overview;
  return (
    <ConsoleLayout
      title={text.title(event.title)}
      language={language}
      user={props.user}
      csrfToken={csrf}
      notice={props.notice}
      error={props.error}
    >
      <p>
        <a href={`/admin/acara/${event.id}`}>{text.backToSession}</a>
      </p>
      <h1>{text.title(event.title)}</h1>
      <p class="muted">{formatDateTime(event.startsAt, event.timeZone, language)}</p>
      {sessionFull(event) ? (
        <div class="alert warn" role="status" data-full>
          {text.full(event.capacity)}
        </div>
      ) : null}
      <p data-counts>
        {outreachStates.map((state) => (
          <span>{`${cooperativeStatusLabel(state, language)}: ${counts[state]} · `}</span>
        ))}
      </p>
      {props.organizer ? (
        <div class="actions">
          <a href={`${href}/surat.pdf`}>{text.printLetters}</a>
          {' · '}
          <a href={`${href}/kontak`}>{text.contactsLink}</a>
          <form method="post" action={`${href}/wajib`}>
            <Csrf token={csrf} />
            <input type="hidden" name="required" value={event.requireInvitation ? '0' : '1'} />
            <button type="submit" class="secondary">
              {event.requireInvitation ? text.allowWithoutLink : text.requireLink}
            </button>
          </form>
          <form method="post" action={`${href}/email`}>
            <Csrf token={csrf} />
            {sessionFull(event) ? (
              <label>
                <input type="checkbox" name="confirmFull" value="1" required />
                {text.confirmFull}
              </label>
            ) : null}
            <button type="submit" class="secondary">
              {sessionFull(event) ? text.sendAnyway : text.sendEmails}
            </button>
          </form>
          <form method="post" action={`${href}/pengingat`}>
            <Csrf token={csrf} />
            <button type="submit" class="secondary">
              {text.scheduleReminder}
            </button>
          </form>
        </div>
      ) : null}
      <form method="get" action={href} class="row">
        <select name="district" aria-label={text.district}>
          <option value="">{text.allDistricts}</option>
          {districts.map((d) => (
            <option value={d.code} selected={d.code === props.filters.district}>
              {d.name}
            </option>
          ))}
        </select>
        <select name="ba" aria-label={text.assistant}>
          <option value="">{text.allAssistants}</option>
          {assistants.map((a) => (
            <option value={a.id} selected={a.id === props.filters.ba}>
              {a.name}
            </option>
          ))}
        </select>
        <select name="state" aria-label={text.status}>
          <option value="">{text.allStatuses}</option>
          {outreachStates.map((s) => (
            <option value={s} selected={s === props.filters.state}>
              {cooperativeStatusLabel(s, language)}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          {text.filter}
        </button>
      </form>
      <DataTable
        rows={rows}
        rowAttributes={(row) => ({ 'data-cooperative': row.cooperative.id })}
        columns={[
          { header: text.cooperative, cell: (row) => row.cooperative.name },
          { header: text.district, cell: (row) => row.cooperative.districtName },
          {
            header: text.contact,
            cell: (row) => (
              <>
                {row.contact?.name ?? ''}
                {row.contact?.phone ? <div class="muted">{formatPhoneLocal(row.contact.phone)}</div> : null}
              </>
            ),
          },
          { header: text.ba, cell: (row) => row.assistant?.name ?? '' },
          {
            header: text.status,
            cell: (row) => (
              <>
                {cooperativeStatusLabel(row.state, language)}
                <div>
                  <Sent row={row} text={text} />
                </div>
              </>
            ),
          },
          {
            header: text.invitation,
            cell: (row) => (
              <>
                <a class="button" href={row.whatsAppUrl} target="_blank" rel="noopener noreferrer">
                  {row.contact?.phone ? text.sendWhatsApp : text.sendWhatsAppChoose}
                </a>
                <form method="post" action={`${href}/${row.cooperative.id}/terkirim`}>
                  <Csrf token={csrf} />
                  <input type="hidden" name="channel" value="whatsapp" />
                  <button type="submit" class="secondary">
                    {text.markWhatsAppSent}
                  </button>
                </form>
                <a href={`${href}/${row.cooperative.id}/surat.pdf`}>{text.letter}</a>
                <details>
                  <summary>{text.personalLink}</summary>
                  <input readonly value={row.link} aria-label={text.personalLink} />
                </details>
              </>
            ),
          },
        ]}
      />
    </ConsoleLayout>
  );
}

/**
 * Rows an import could not match on its own: pick the cooperative (its contact is saved and the row leaves the
 * list) or set the row aside. They are kept until then, so leaving the page loses nothing.
 */
function ReviewTable({
  rows,
  csrf,
  href,
  earlier,
  text,
}: {
  rows: ReviewRow[];
  csrf?: string;
  href: string;
  earlier?: boolean;
  text: OutreachText;
}) {
  if (rows.length === 0) return null;
  return (
    <section data-review>
      <h2>{text.toReview(rows.length)}</h2>
      {earlier ? <p class="muted">{text.earlierRows}</p> : null}
      <DataTable
        rows={rows}
        rowAttributes={(row) => ({ 'data-review-line': String(row.line) })}
        columns={[
          { header: text.row, cell: (row) => row.line },
          {
            header: text.villageInFile,
            cell: (row) => `${row.village} / ${row.district || text.noDistrict}`,
          },
          {
            header: text.contact,
            cell: (row) =>
              [
                row.contact.name,
                row.contact.phone ? formatPhoneLocal(row.contact.phone) : '',
                row.contact.email,
              ]
                .filter(Boolean)
                .join(', '),
          },
          {
            header: text.chooseCooperative,
            cell: (row) => (
              <>
                {row.candidates.length === 0 ? <span class="muted">{text.nothingSimilar}</span> : null}
                {row.candidates.map((candidate) => (
                  <form method="post" action={`${href}/kontak/${candidate.id}`}>
                    <Csrf token={csrf} />
                    <input type="hidden" name="reviewLine" value={String(row.line)} />
                    <input type="hidden" name="name" value={row.contact.name ?? ''} />
                    <input type="hidden" name="phone" value={row.contact.phone ?? ''} />
                    <input type="hidden" name="email" value={row.contact.email ?? ''} />
                    <input type="hidden" name="baEmail" value={row.contact.baEmail ?? ''} />
                    <button type="submit" class="secondary">
                      {text.candidate(candidate.name, candidate.districtName)}
                    </button>
                  </form>
                ))}
                <form method="post" action={`${href}/kontak/periksa/${row.line}/lewati`}>
                  <Csrf token={csrf} />
                  <button type="submit" class="secondary">
                    {text.skipRow}
                  </button>
                </form>
              </>
            ),
          },
        ]}
      />
    </section>
  );
}

function ImportReport({
  result,
  csrf,
  href,
  text,
}: {
  result: ImportResult;
  csrf?: string;
  href: string;
  text: OutreachText;
}) {
  return (
    <section data-import-result>
      <p>
        {text.importSummary(result.rows, result.matched.length, result.review.length, result.errors.length)}
        {result.applied ? text.applied(result.applied) : text.nothingSaved}
      </p>
      {result.errors.length ? (
        <div class="alert" role="alert">
          <p>{text.fixRows}</p>
          <ul>
            {result.errors.map((e) => (
              <li>{text.rowMessage(e.line, e.message)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.warnings.length ? (
        <ul>
          {result.warnings.map((w) => (
            <li>{text.rowMessage(w.line, w.message)}</li>
          ))}
        </ul>
      ) : null}
      <ReviewTable rows={result.review} csrf={csrf} href={href} text={text} />
    </section>
  );
}

/** The session's cooperative contacts: import a CSV/XLSX, resolve held rows, change one, see those saved. */
export function ContactsPage(
  props: Frame & { contacts: Contacts; href: string; result?: ImportResult; csv: string },
) {
  const { language, csrfToken: csrf, href } = props;
  const text = outreachText(language);
  const { directory, contacts, pending } = props.contacts;
  const saved = directory.filter((coop) => contacts.has(coop.id));
  const contactOf = (id: string) => contacts.get(id);
  return (
    <ConsoleLayout
      title={text.contactsTitle}
      language={language}
      user={props.user}
      csrfToken={csrf}
      notice={props.notice}
    >
      <p>
        <a href={href}>{text.backToInvitations}</a>
      </p>
      <h1>{text.contactsTitle}</h1>
      <p class="muted">{text.contactsHint}</p>
      {props.result ? (
        <ImportReport result={props.result} csrf={csrf} href={href} text={text} />
      ) : (
        <ReviewTable rows={pending} csrf={csrf} href={href} earlier text={text} />
      )}
      <form method="post" action={`${href}/kontak`} enctype="multipart/form-data">
        <Csrf token={csrf} />
        <label for="file">{text.file}</label>
        <input
          id="file"
          type="file"
          name="file"
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
        <label for="csv">{text.pasteCsv}</label>
        <textarea id="csv" name="csv" rows={8}>
          {props.csv}
        </textarea>
        <label>
          <input type="checkbox" name="apply" value="1" />
          {text.applyMatches}
        </label>
        <button type="submit">{text.checkOrSave}</button>
      </form>
      <h2>{text.editOne}</h2>
      <form method="post" action={`${href}/kontak/ubah`} data-contact-edit>
        <Csrf token={csrf} />
        <label for="cooperativeId">{text.cooperative}</label>
        <select id="cooperativeId" name="cooperativeId" required>
          {directory.map((coop) => (
            <option value={coop.id}>{text.cooperativeOption(coop.name, coop.districtName)}</option>
          ))}
        </select>
        <div class="row">
          <input name="name" aria-label={text.contactName} placeholder={text.contactName} maxlength={100} />
          <input name="phone" aria-label={text.phone} placeholder="0812…" type="tel" maxlength={32} />
          <input name="email" aria-label={text.email} type="email" maxlength={254} />
          <input name="baEmail" aria-label={text.baEmail} type="email" maxlength={254} />
        </div>
        <button type="submit">{text.saveContact}</button>
      </form>
      <h2>{text.savedContacts(contacts.size)}</h2>
      <DataTable
        rows={saved}
        columns={[
          { header: text.cooperative, cell: (coop) => coop.name },
          { header: text.district, cell: (coop) => coop.districtName },
          { header: text.contact, cell: (coop) => contactOf(coop.id)?.name ?? '' },
          {
            header: text.mobile,
            cell: (coop) => {
              const phone = contactOf(coop.id)?.phone;
              return phone ? formatPhoneLocal(phone) : '';
            },
          },
          { header: text.email, cell: (coop) => contactOf(coop.id)?.email ?? '' },
          { header: text.ba, cell: (coop) => contactOf(coop.id)?.baEmail ?? '' },
        ]}
      />
    </ConsoleLayout>
  );
}
