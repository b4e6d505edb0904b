import { officerRoles, roleLabels } from '../../domain/roles';
import type { EventRecord, Language } from '../../domain/schemas';
import { formatTimeRange } from '../../domain/time';
import { assets } from '../assets';
import { jsQrAsset } from '../assets/checkin-jsqr';

/**
 * Copy for the door page, Bahasa Indonesia first. The client script receives the `client` part as JSON
 * (placeholders in braces), so every word a volunteer sees is translated here.
 */
const copy = {
  id: {
    title: 'Check-in',
    otherLanguage: 'English',
    station: 'Perangkat',
    scanLabel: 'Pindai atau ketik kode tiket',
    scanHint: 'Pemindai USB/Bluetooth: arahkan ke kolom ini, kode diketik lalu Enter.',
    check: 'Cek',
    searchLabel: 'Cari peserta: nama, koperasi, desa/kelurahan, atau nomor HP',
    search: 'Cari',
    counters: 'Kehadiran',
    walkIn: 'Peserta tanpa pendaftaran (walk-in)',
    walkInHint:
      'Pengurus koperasi yang diundang tetapi belum terdaftar. Di atas batas pengurus per koperasi hanya dengan alasan (dicatat). Tanpa internet, walk-in disimpan di perangkat dan dikirim otomatis.',
    cooperative: 'Koperasi (ketik nama desa/kelurahan)',
    name: 'Nama lengkap',
    role: 'Jabatan',
    phone: 'Nomor HP/WhatsApp (opsional)',
    reason: 'Alasan (wajib bila melebihi batas per koperasi)',
    saveWalkIn: 'Catat walk-in dan hadirkan',
    noScript: 'Halaman check-in memerlukan JavaScript.',
    client: {
      loading: 'Memuat daftar peserta…',
      online: 'Online · {n} peserta tersimpan di perangkat · diperbarui {time}',
      offline: 'Offline — {n} scan menunggu',
      syncing: 'Online — mengirim {n} scan yang menunggu…',
      noRoster: 'Daftar peserta belum tersimpan di perangkat ini. Sambungkan ke internet sekali.',
      deviceRefused:
        'Perangkat ini tidak berhak untuk sesi ini (atau tautannya dicabut). Minta tautan perangkat baru kepada panitia.',
      present: 'Hadir',
      already: 'Sudah hadir pukul {time} ({station})',
      rejected: 'Ditolak',
      queuedNote: 'Tersimpan di perangkat; dikirim otomatis saat online.',
      village: 'Desa/Kel.',
      undo: 'Batalkan check-in ini',
      undone: 'Check-in dibatalkan',
      undoFailed: 'Check-in belum bisa dibatalkan',
      needOnline: 'Perlu koneksi internet.',
      checkIn: 'Catat hadir',
      substitute: 'Pengganti',
      substituteFor: 'Pengganti untuk {name}',
      substituteName: 'Nama pengganti',
      save: 'Simpan dan hadirkan',
      noResults: 'Tidak ada yang cocok.',
      presentAt: 'Hadir {time} ({station})',
      status: { confirmed: 'Terdaftar', waitlisted: 'Daftar tunggu', cancelled: 'Dibatalkan' },
      checkedIn: 'Hadir',
      registered: 'terdaftar',
      coopsLine: 'Koperasi hadir / terdaftar / diundang',
      coopsShort: 'Koperasi',
      district: 'Kecamatan',
      pending: '(+{n} belum terkirim)',
      updated: 'Diperbarui {time}',
      conflictsTitle: 'Konflik scan (dihitung sekali)',
      conflictLine: '{name}: tercatat di {station} pukul {time}; juga discan di {others}',
      problemsTitle: 'Scan offline yang ditolak server',
      cameraStart: 'Pindai dengan kamera',
      cameraStop: 'Hentikan kamera',
      cameraFailed: 'Kamera tidak bisa dibuka ({reason}). Pakai kolom kode atau pencarian.',
      walkInDone: 'Walk-in tercatat',
      notTicket: 'Bukan tiket hadir',
      notOpen: 'Check-in belum dibuka. Dibuka {opens}.',
      closed: 'Check-in sudah ditutup ({closes}).',
      reasons: {
        ticket_not_found: 'Tiket tidak dikenal',
        unknown_offline: 'Tiket tidak ada di daftar perangkat ini',
        wrong_event: 'Tiket untuk sesi lain',
        registration_cancelled: 'Pendaftaran dibatalkan',
        not_confirmed: 'Masih di daftar tunggu: belum mendapat kursi',
        invalid_code: 'Bukan tiket hadir',
        unknown: 'Tidak dapat diproses',
      },
    },
  },
  en: {
    title: 'Check-in',
    otherLanguage: 'Bahasa Indonesia',
    station: 'Device',
    scanLabel: 'Scan or type the ticket code',
    scanHint: 'USB/Bluetooth scanner: focus this field; it types the code and Enter.',
    check: 'Check',
    searchLabel: 'Find a participant: name, cooperative, village or phone number',
    search: 'Search',
    counters: 'Attendance',
    walkIn: 'Walk-in (not registered)',
    walkInHint:
      'An officer of an invited cooperative who did not register. Above the per-cooperative limit only with a reason (logged). Without internet, the walk-in is saved on this device and sent automatically.',
    cooperative: 'Cooperative (type the village name)',
    name: 'Full name',
    role: 'Position',
    phone: 'Phone/WhatsApp (optional)',
    reason: 'Reason (required above the per-cooperative limit)',
    saveWalkIn: 'Record the walk-in and check in',
    noScript: 'The check-in page needs JavaScript.',
    client: {
      loading: 'Loading the participant list…',
      online: 'Online · {n} participants stored on this device · updated {time}',
      offline: 'Offline — {n} scans waiting',
      syncing: 'Online — sending {n} waiting scans…',
      noRoster: 'The participant list is not on this device yet. Connect to the internet once.',
      deviceRefused:
        'This device may not check in for this session (or its link was revoked). Ask the organizers for a new device link.',
      present: 'Checked in',
      already: 'Already checked in at {time} ({station})',
      rejected: 'Refused',
      queuedNote: 'Saved on this device; sent automatically when online.',
      village: 'Village',
      undo: 'Undo this check-in',
      undone: 'Check-in undone',
      undoFailed: 'The check-in could not be undone yet',
      needOnline: 'Needs an internet connection.',
      checkIn: 'Check in',
      substitute: 'Substitute',
      substituteFor: 'Substitute for {name}',
      substituteName: 'Name of the substitute',
      save: 'Save and check in',
      noResults: 'No match.',
      presentAt: 'Checked in {time} ({station})',
      status: { confirmed: 'Registered', waitlisted: 'Waiting list', cancelled: 'Cancelled' },
      checkedIn: 'Present',
      registered: 'registered',
      coopsLine: 'Cooperatives present / registered / invited',
      coopsShort: 'Cooperatives',
      district: 'District',
      pending: '(+{n} not yet sent)',
      updated: 'Updated {time}',
      conflictsTitle: 'Scan conflicts (counted once)',
      conflictLine: '{name}: recorded at {station} at {time}; also scanned at {others}',
      problemsTitle: 'Offline scans the server refused',
      cameraStart: 'Scan with the camera',
      cameraStop: 'Stop the camera',
      cameraFailed: 'The camera could not be opened ({reason}). Use the code field or search.',
      walkInDone: 'Walk-in recorded',
      notTicket: 'Not a hadir ticket',
      notOpen: 'Check-in is not open yet. It opens {opens}.',
      closed: 'Check-in is closed ({closes}).',
      reasons: {
        ticket_not_found: 'Unknown ticket',
        unknown_offline: 'Ticket not in this device’s list',
        wrong_event: 'Ticket for another session',
        registration_cancelled: 'Registration cancelled',
        not_confirmed: 'Still on the waiting list: no seat yet',
        invalid_code: 'Not a hadir ticket',
        unknown: 'Could not be processed',
      },
    },
  },
} satisfies Record<Language, unknown>;

export type CheckinPageProps = {
  event: EventRecord;
  station: string;
  language: Language;
  path: string;
  serviceWorker: string;
  /** The door script's fingerprinted path (assets/index.ts: checkinScriptAsset). */
  script: string;
};

/** The door page: scanner field, camera, search, result, counters, walk-ins. Everything live is client-side. */
export function CheckinPage({ event, station, language, path, serviceWorker, script }: CheckinPageProps) {
  const text = copy[language];
  const other = language === 'id' ? 'en' : 'id';
  const roles = Object.fromEntries(officerRoles.map((role) => [role, roleLabels[role][language]]));
  const config = {
    eventId: event.id,
    regencyCode: event.regencyCode,
    timeZone: event.timeZone,
    station,
    language,
    jsqr: jsQrAsset().path,
    sw: serviceWorker,
    roles,
    text: text.client,
  };
  return (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#c8102e" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${text.title} · ${event.title} · hadir`}</title>
        <link rel="manifest" href={`/checkin/${event.id}/manifest.webmanifest`} />
        <link rel="icon" href="/checkin/icon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={assets.css.path} />
        <link rel="stylesheet" href={assets.checkinCss.path} />
      </head>
      <body class="door">
        <header>
          <span class="brand">hadir · {text.title}</span>
          <a href={`${path}?lang=${other}`} hreflang={other}>
            {text.otherLanguage}
          </a>
        </header>
        <main data-checkin data-config={JSON.stringify(config)}>
          <h1>{event.title}</h1>
          <p class="meta">
            {formatTimeRange(event.startsAt, event.endsAt, event.timeZone, language)} · {event.venue} ·{' '}
            {text.station}: <strong data-station>{station}</strong>
          </p>
          <div class="netbar" data-netbar role="status" aria-live="polite">
            {text.client.loading}
          </div>
          <noscript>
            <p class="alert">{text.noScript}</p>
          </noscript>

          <form class="scan" data-scan-form autocomplete="off">
            <div>
              <label for="scan-code">{text.scanLabel}</label>
              <input id="scan-code" name="code" autofocus inputmode="text" autocapitalize="characters" />
            </div>
            <button type="submit">{text.check}</button>
          </form>
          <p class="muted small">{text.scanHint}</p>

          {/* While the camera runs this block stays at the top of the screen, the answer above a compact
              preview: a volunteer holding a phone at a ticket never scrolls to see it. */}
          <div class="camera" data-camera-box>
            <button type="button" class="secondary" data-camera>
              {text.client.cameraStart}
            </button>
            <p class="error" data-camera-msg />
            <section class="result" data-result role="status" aria-live="assertive" hidden />
            <video data-video hidden muted playsinline autoplay />
          </div>

          <form data-search-form>
            <label for="search">{text.searchLabel}</label>
            <input id="search" type="search" data-search autocomplete="off" />
          </form>
          <ul class="people" data-people />

          <section data-conflicts class="alert warn" hidden />
          <section data-problems class="alert" hidden />

          <h2>{text.counters}</h2>
          <div data-counters />

          <details class="panel">
            <summary>{text.walkIn}</summary>
            <form data-walkin>
              <p class="muted">{text.walkInHint}</p>
              <label for="walkin-coop">{text.cooperative}</label>
              <input id="walkin-coop" data-coop-q autocomplete="off" />
              <div class="choices small" data-coop-list />
              <label for="walkin-name">{text.name}</label>
              <input id="walkin-name" name="name" required minlength={2} maxlength={100} />
              <label for="walkin-role">{text.role}</label>
              <select id="walkin-role" name="role">
                {officerRoles.map((role) => (
                  <option value={role}>{roleLabels[role][language]}</option>
                ))}
              </select>
              <label for="walkin-phone">{text.phone}</label>
              <input id="walkin-phone" name="phone" type="tel" inputmode="tel" />
              <label for="walkin-reason">{text.reason}</label>
              <input id="walkin-reason" name="reason" maxlength={300} />
              <p class="error" data-walkin-msg role="alert" />
              <div class="actions">
                <button type="submit">{text.saveWalkIn}</button>
              </div>
            </form>
          </details>
        </main>
        <script src={script} defer />
      </body>
    </html>
  );
}

/** The install manifest: opens straight into this session's door page, full screen, portrait. */
export function checkinManifest(eventId: string) {
  return {
    name: 'hadir · Check-in',
    short_name: 'hadir check-in',
    start_url: `/checkin/${eventId}`,
    scope: '/checkin/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#f7f7f9',
    theme_color: '#c8102e',
    lang: 'id',
    icons: [{ src: '/checkin/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
}

/** A plain mark for the home screen: the brand red with a white check. */
export const checkinIcon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="#c8102e"/><path d="M136 268l84 84 160-176" fill="none" stroke="#fff" stroke-width="48" stroke-linecap="round" stroke-linejoin="round"/></svg>';
