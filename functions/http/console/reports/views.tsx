import { type Checklist, checklistProgress, checklistSteps } from '../../../domain/checklist';
import type { EventRecord, Language } from '../../../domain/schemas';
import { cooperativeStatusLabel, registrationStatusLabel } from '../../../domain/statuses';
import { formatDate, formatDateTime, formatTime, formatTimeRange } from '../../../domain/time';
import { type CooperativeCoverage, type DistrictCoverage, percent } from '../../../reports/coverage';
import { exportKinds } from '../../../reports/exports';
import {
  type AttendanceFigures,
  type LaporanBlock,
  type LaporanDocument,
  unreachedStatus,
} from '../../../reports/laporan';
import type { ReportsService } from '../../../services/reports';
import { ConsoleLayout, type ConsolePageProps, Csrf } from '../../pages/admin/layout';
import { Bar, ChartLegend, CoverageChart } from './charts';
import { reportsText } from './copy';
import { reportsCss } from './styles';

type SessionCoverage = Awaited<ReturnType<ReportsService['sessionCoverage']>>;
type OrganisationCoverage = Awaited<ReturnType<ReportsService['organisationCoverage']>>;
type CooperativeReport = Awaited<ReturnType<ReportsService['cooperativePage']>>;
type AssistantReport = Awaited<ReturnType<ReportsService['assistantView']>>;

function Frame(props: ConsolePageProps & { title: string; children?: unknown }) {
  return (
    <ConsoleLayout
      title={props.title}
      language={props.language}
      user={props.user}
      csrfToken={props.csrfToken}
      notice={props.notice}
      error={props.error}
    >
      <link rel="stylesheet" href={reportsCss.path} />
      {props.children as never}
    </ConsoleLayout>
  );
}

const base = `/admin/laporan`;

export function ReportsIndexPage(props: ConsolePageProps & { events: EventRecord[] }) {
  const text = reportsText(props.language);
  return (
    <Frame {...props} title={text.reports}>
      <h1>{text.reports}</h1>
      {props.user.role === 'business_assistant' ? (
        <p>
          <a class="button" href={`${base}/pendamping`}>
            {text.myCooperatives}
          </a>
        </p>
      ) : (
        <p>
          <a class="button secondary" href={`${base}/organisasi/${props.user.organisationId}`}>
            {text.organisationReport}
          </a>
        </p>
      )}
      {props.events.length === 0 ? <p class="muted">{text.noSessions}</p> : null}
      {props.events.map((event) => (
        <article class="card">
          <h2>
            <a href={`${base}/acara/${event.id}`}>{event.title}</a>
          </h2>
          <p class="muted">
            {`${formatTimeRange(event.startsAt, event.endsAt, event.timeZone, props.language)} · ${event.venue}`}
          </p>
        </article>
      ))}
    </Frame>
  );
}

function Figures({ items }: { items: [string, number | string][] }) {
  return (
    <div class="figures">
      {items.map(([label, value]) => (
        <div>
          <strong>{String(value)}</strong>
          <span class="muted">{label}</span>
        </div>
      ))}
    </div>
  );
}

type DistrictFigures = Pick<
  DistrictCoverage,
  'invited' | 'registered' | 'present' | 'officersRegistered' | 'officersPresent'
>;

/** A kecamatan's figures, or the total's (in header cells), in the table's column order. */
function DistrictFigures({ figures, Cell }: { figures: DistrictFigures; Cell: 'td' | 'th' }) {
  return (
    <>
      <Cell class="num">{figures.invited}</Cell>
      <Cell class="num">{figures.registered}</Cell>
      <Cell class="num">{figures.present}</Cell>
      <Cell class="cov">
        <Bar value={figures.present} max={figures.invited} />{' '}
        <span class="muted">{`${percent(figures.present, figures.invited)}%`}</span>
      </Cell>
      <Cell class="num">{figures.officersRegistered}</Cell>
      <Cell class="num">{figures.officersPresent}</Cell>
    </>
  );
}

function DistrictTable({ rows, language }: { rows: DistrictCoverage[]; language: Language }) {
  const text = reportsText(language);
  const total = rows.reduce(
    (sum, r) => ({
      invited: sum.invited + r.invited,
      registered: sum.registered + r.registered,
      present: sum.present + r.present,
      officersRegistered: sum.officersRegistered + r.officersRegistered,
      officersPresent: sum.officersPresent + r.officersPresent,
    }),
    { invited: 0, registered: 0, present: 0, officersRegistered: 0, officersPresent: 0 },
  );
  return (
    <table id="by-district">
      <thead>
        <tr>
          <th>{text.district}</th>
          <th class="num">{text.invited}</th>
          <th class="num">{text.registered}</th>
          <th class="num">{text.present}</th>
          <th>{text.coverage}</th>
          <th class="num">{text.officersRegistered}</th>
          <th class="num">{text.officersPresent}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr data-district={row.districtCode}>
            <td>{row.districtName}</td>
            <DistrictFigures figures={row} Cell="td" />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-district="total">
          <th>{text.total}</th>
          <DistrictFigures figures={total} Cell="th" />
        </tr>
      </tfoot>
    </table>
  );
}

function UnreachedTable({ rows, language }: { rows: CooperativeCoverage[]; language: Language }) {
  const text = reportsText(language);
  if (rows.length === 0) return <p class="muted">{text.allReached}</p>;
  return (
    <table id="unreached">
      <thead>
        <tr>
          <th>{text.cooperative}</th>
          <th>{text.district}</th>
          <th>{text.status}</th>
          <th>{text.assistant}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr data-cooperative={row.cooperative.id}>
            <td>
              <a href={`${base}/koperasi/${row.cooperative.id}`}>{row.cooperative.name}</a>
            </td>
            <td>{row.cooperative.districtName}</td>
            <td>{unreachedStatus(row, language)}</td>
            <td>
              {row.assistants.length
                ? row.assistants.map((a) => (
                    <div>
                      {a.name} <a href={`mailto:${a.email}`}>{a.email}</a>
                    </div>
                  ))
                : text.none}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Attendance figures by kecamatan from the check-in service, in the shape the tables and chart draw. */
export function districtRows(attendance: AttendanceFigures): DistrictCoverage[] {
  return attendance.byDistrict.map((d) => ({
    districtCode: d.districtCode,
    districtName: d.districtName,
    invited: d.cooperativesInvited,
    registered: d.cooperativesRegistered,
    present: d.cooperativesPresent,
    officersRegistered: d.registered,
    officersPresent: d.checkedIn,
  }));
}

export function SessionReportPage(props: ConsolePageProps & SessionCoverage) {
  const text = reportsText(props.language);
  const { event, attendance } = props;
  const rows = districtRows(attendance);
  const at = `${base}/acara/${event.id}`;
  return (
    <Frame {...props} title={`${text.sessionReport}: ${event.title}`}>
      <p class="no-print">
        <a href={base}>{`← ${text.reports}`}</a>
      </p>
      <h1>{event.title}</h1>
      <p class="muted">{`${formatTimeRange(event.startsAt, event.endsAt, event.timeZone, props.language)} · ${event.venue}`}</p>
      <Figures
        items={[
          [text.invited, attendance.cooperativesInvited],
          [text.registered, attendance.cooperativesRegistered],
          [text.present, attendance.cooperativesPresent],
          [text.officersRegistered, attendance.registered],
          [text.officersPresent, attendance.checkedIn],
          [text.walkIns, attendance.walkIns],
        ]}
      />
      <section class="card no-print">
        <h2>{text.downloads}</h2>
        <div class="downloads">
          <div>
            <h3>{text.daftarHadir}</h3>
            <form method="get" action={`${at}/daftar-hadir.pdf`}>
              <label>
                <input type="radio" name="versi" value="kosong" checked /> {text.emptyList}
              </label>
              <label>
                <input type="radio" name="versi" value="hadir" /> {text.filledList}
              </label>
              <label for="hp">{text.phone}</label>
              <select id="hp" name="hp">
                <option value="samar">{text.phoneMasked}</option>
                <option value="lengkap">{text.phoneFull}</option>
              </select>
              <button type="submit">{text.download}</button>
            </form>
          </div>
          <div>
            <h3>{text.exports}</h3>
            <ul>
              {exportKinds.map((kind) => (
                <li>
                  {`${text.exportTitles[kind]}: `}
                  <a href={`${at}/ekspor/${kind}.csv`}>CSV</a>
                  {' · '}
                  <a href={`${at}/ekspor/${kind}.xlsx`}>XLSX</a>
                </li>
              ))}
            </ul>
            <p class="muted">{text.auditNote}</p>
          </div>
          <div>
            <h3>{text.laporan}</h3>
            <ul>
              <li>
                <a href={`${at}/laporan-kegiatan`}>{text.laporanHtml}</a>
              </li>
              <li>
                <a href={`${at}/laporan-kegiatan.pdf`}>{text.laporanPdf}</a>
              </li>
              <li>
                <a href={`${at}/laporan-kegiatan.docx`}>{text.laporanDocx}</a>
              </li>
            </ul>
          </div>
        </div>
      </section>
      <h2>{text.byDistrict}</h2>
      <DistrictTable rows={rows} language={props.language} />
      <h2>{text.chartTitle}</h2>
      <ChartLegend labels={text.legend} />
      <CoverageChart
        title={text.chartTitle}
        rows={rows.map((r) => ({
          label: r.districtName,
          invited: r.invited,
          registered: r.registered,
          present: r.present,
        }))}
      />
      <h2>{text.unreached(props.unreached.length)}</h2>
      <UnreachedTable rows={props.unreached} language={props.language} />
    </Frame>
  );
}

export function OrganisationReportPage(props: ConsolePageProps & OrganisationCoverage) {
  const text = reportsText(props.language);
  return (
    <Frame {...props} title={text.organisationReport}>
      <p>
        <a href={base}>{`← ${text.reports}`}</a>
      </p>
      <h1>{`${text.organisationReport}: ${props.organisation.name}`}</h1>
      <Figures
        items={[
          [text.invited, props.totals.invited],
          [text.registered, props.totals.registered],
          [text.present, props.totals.present],
          [text.officersPresent, props.totals.officersPresent],
        ]}
      />
      <h2>{text.sessions}</h2>
      <table id="sessions">
        <thead>
          <tr>
            <th>{text.date}</th>
            <th>{text.sessions}</th>
            <th class="num">{text.invited}</th>
            <th class="num">{text.registered}</th>
            <th class="num">{text.present}</th>
            <th>{text.coverage}</th>
          </tr>
        </thead>
        <tbody>
          {props.sessions.map((s) => (
            <tr>
              <td>{formatDate(s.event.startsAt, s.event.timeZone, props.language)}</td>
              <td>
                <a href={`${base}/acara/${s.event.id}`}>{s.event.title}</a>
              </td>
              <td class="num">{s.invited}</td>
              <td class="num">{s.registered}</td>
              <td class="num">{s.present}</td>
              <td>
                <Bar value={s.present} max={s.invited} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{text.byDistrict}</h2>
      <DistrictTable rows={props.districts} language={props.language} />
      <h2>{text.chartTitle}</h2>
      <ChartLegend labels={text.legend} />
      <CoverageChart
        title={text.chartTitle}
        rows={props.districts.map((r) => ({
          label: r.districtName,
          invited: r.invited,
          registered: r.registered,
          present: r.present,
        }))}
      />
      <h2>{text.unreached(props.unreached.length)}</h2>
      <UnreachedTable rows={props.unreached} language={props.language} />
    </Frame>
  );
}

function ChecklistView(props: {
  language: Language;
  csrfToken?: string;
  cooperativeId: string;
  checklist: Checklist;
  canTick: boolean;
  timeZone: string;
  /** Whose checklist the ticks go to, when it is not the user's own organisation's (an admin's choice). */
  organisationId?: string;
}) {
  const text = reportsText(props.language);
  return (
    <ol class="checklist" id="checklist">
      {checklistSteps.map((step) => {
        const done = props.checklist.done[step.id];
        return (
          <li data-step={step.id} data-done={done ? 'true' : 'false'}>
            {done ? <span class="done">✓ </span> : null}
            {step.label}
            {done ? (
              <span class="muted">{` (${text.doneBy(done.byName ?? done.by, formatDateTime(done.at, props.timeZone, props.language))})`}</span>
            ) : null}
            {props.canTick ? (
              <form method="post" action={`${base}/koperasi/${props.cooperativeId}/checklist`}>
                <Csrf token={props.csrfToken} />
                {props.organisationId ? (
                  <input type="hidden" name="organisationId" value={props.organisationId} />
                ) : null}
                <input type="hidden" name="step" value={step.id} />
                <input type="hidden" name="done" value={done ? 'false' : 'true'} />
                <button type="submit" class={done ? 'secondary' : ''}>
                  {done ? text.markUndone : text.markDone}
                </button>
              </form>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

export function CooperativeReportPage(props: ConsolePageProps & CooperativeReport) {
  const text = reportsText(props.language);
  const { cooperative } = props;
  const zone = props.sessions[0]?.event.timeZone ?? 'Asia/Jakarta';
  return (
    <Frame {...props} title={cooperative.name}>
      <p>
        <a
          href={props.user.role === 'business_assistant' ? `${base}/pendamping` : base}
        >{`← ${text.back}`}</a>
      </p>
      <h1>{cooperative.name}</h1>
      <p class="muted">{`${cooperative.villageName} · ${text.district} ${cooperative.districtName} · ${cooperative.regencyName}`}</p>
      {props.assistants.length ? (
        <p>{`${text.assistant}: ${props.assistants.map((a) => `${a.name} (${a.email})`).join(', ')}`}</p>
      ) : null}
      <h2>{text.sessionsInvited}</h2>
      {props.sessions.length === 0 ? <p class="muted">{text.notInvited}</p> : null}
      {props.sessions.length ? (
        <table id="sessions">
          <thead>
            <tr>
              <th>{text.date}</th>
              <th>{text.sessions}</th>
              <th>{text.status}</th>
              <th>{text.attended}</th>
            </tr>
          </thead>
          <tbody>
            {props.sessions.map((s) => {
              const came = s.officers.filter((o) => o.checkedInAt);
              return (
                <tr data-event={s.event.id}>
                  <td>{formatDate(s.event.startsAt, s.event.timeZone, props.language)}</td>
                  <td>{s.event.title}</td>
                  <td>
                    {s.registration
                      ? registrationStatusLabel(s.registration.status, props.language)
                      : cooperativeStatusLabel('not_registered', props.language)}
                  </td>
                  <td>
                    {came.length
                      ? came.map((o) => (
                          <div>{`${o.name} (${o.role}), ${formatTime(o.checkedInAt as string, s.event.timeZone, props.language)}`}</div>
                        ))
                      : text.none}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <h2>{text.checklist}</h2>
      <ChecklistView
        language={props.language}
        csrfToken={props.csrfToken}
        cooperativeId={cooperative.id}
        checklist={props.checklist}
        canTick
        timeZone={zone}
        organisationId={props.organisationId !== props.user.organisationId ? props.organisationId : undefined}
      />
    </Frame>
  );
}

export function AssistantReportPage(props: ConsolePageProps & AssistantReport) {
  const text = reportsText(props.language);
  const sorted = [...props.cooperatives].sort(
    (a, b) =>
      a.cooperative.districtName.localeCompare(b.cooperative.districtName, 'id') ||
      a.cooperative.villageName.localeCompare(b.cooperative.villageName, 'id'),
  );
  return (
    <Frame {...props} title={text.myCooperatives}>
      <h1>{text.myCooperatives}</h1>
      <table id="my-cooperatives">
        <thead>
          <tr>
            <th>{text.cooperative}</th>
            <th>{text.district}</th>
            <th>{text.sessionsCount}</th>
            <th>{text.progress}</th>
            <th>{text.next}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const progress = checklistProgress(props.checklists.get(row.cooperative.id));
            return (
              <tr data-cooperative={row.cooperative.id}>
                <td>
                  <a href={`${base}/koperasi/${row.cooperative.id}`}>{row.cooperative.name}</a>
                </td>
                <td>{row.cooperative.districtName}</td>
                <td>{`${row.invitedTo} / ${row.registeredFor} / ${row.attended}`}</td>
                <td>
                  <Bar value={progress.done} max={progress.total} width={90} />{' '}
                  <span class="muted">{`${progress.done}/${progress.total}`}</span>
                </td>
                <td>{progress.next?.label ?? text.allDone}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Frame>
  );
}

/** One block of the laporan's content (functions/reports/laporan.ts), as the PDF and the DOCX have it. */
function LaporanBlockView({ block }: { block: LaporanBlock }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p class={block.muted ? 'muted' : undefined}>
          {block.label ? <strong>{block.text ? `${block.label}: ` : block.label}</strong> : null}
          {block.text}
        </p>
      );
    case 'subheading':
      return <h4>{block.text}</h4>;
    case 'facts':
      return (
        <dl>
          {block.rows.map(([label, value]) => (
            <>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </>
          ))}
        </dl>
      );
    case 'list':
      return (
        <ol>
          {block.items.map((item) => (
            <li>{item}</li>
          ))}
        </ol>
      );
    case 'table':
      return (
        // A wide table scrolls inside its own box on a phone (focusable, so a keyboard can scroll it too) rather
        // than breaking its figures mid-number.
        <section class="scroll" tabindex={0} aria-label={block.headers.join(', ')}>
          <table id={block.name}>
            <thead>
              <tr>
                {block.headers.map((header) => (
                  <th scope="col">{header}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, index) => (
                <tr class={block.total && index === block.rows.length - 1 ? 'total' : undefined}>
                  {row.map((cell) => (
                    <td>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      );
    case 'blank':
      return (
        <>
          {block.missing ? <p class="muted">{block.missing}</p> : null}
          <div class="blank">{block.hint}</div>
        </>
      );
  }
}

/** The printable laporan kegiatan draft: the browser's print dialog makes the paper or PDF copy. */
export function LaporanPage(props: ConsolePageProps & { event: EventRecord; laporan: LaporanDocument }) {
  const text = reportsText(props.language);
  const { event, laporan } = props;
  return (
    <Frame {...props} title={`Laporan Kegiatan: ${event.title}`}>
      <p class="no-print">
        <a href={`${base}/acara/${event.id}`}>{`← ${text.back}`}</a>
        {' · '}
        <a href={`${base}/acara/${event.id}/laporan-kegiatan.pdf`}>{text.laporanPdf}</a>
        {' · '}
        <a href={`${base}/acara/${event.id}/laporan-kegiatan.docx`}>{text.laporanDocx}</a>
      </p>
      <article class="laporan" lang="id">
        <h1>{laporan.title}</h1>
        <h2>{laporan.subtitle}</h2>
        <p class="muted no-print">{laporan.note}</p>
        {laporan.sections.map((section) => (
          <section>
            <h3>{`${section.number}. ${section.title}`}</h3>
            {section.blocks.map((block) => (
              <LaporanBlockView block={block} />
            ))}
          </section>
        ))}
        <h3>Lampiran</h3>
        <ol>
          {laporan.attachments.map((item) => (
            <li>{item}</li>
          ))}
        </ol>
        <div class="signature">
          <p>{laporan.signature.date}</p>
          <p>{laporan.signature.role}</p>
          <div class="space" />
          <p>(.................................................)</p>
          <p>NIP. ...........................................</p>
        </div>
      </article>
    </Frame>
  );
}
