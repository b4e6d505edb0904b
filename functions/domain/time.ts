import type { Language } from './schemas';

/** Indonesia's zones have names people use; elsewhere fall back to the GMT offset. */
const indonesianZoneNames: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** Each Indonesian zone as an organizer picks it: the city it is named after, and its name in English. */
const zoneChoices: Record<string, { city: string; en: string }> = {
  'Asia/Jakarta': { city: 'Jakarta', en: 'Western Indonesia Time' },
  'Asia/Pontianak': { city: 'Pontianak', en: 'Western Indonesia Time' },
  'Asia/Makassar': { city: 'Makassar', en: 'Central Indonesia Time' },
  'Asia/Jayapura': { city: 'Jayapura', en: 'Eastern Indonesia Time' },
};

/**
 * "WIB (Pontianak)": what a zone is called in a form, never the raw IANA name a Dinas officer does not know; short
 * enough for a phone's select. In English the zone's name follows, since WIB/WITA/WIT are Indonesian
 * abbreviations. A zone outside Indonesia keeps its IANA name.
 */
export function zoneChoiceLabel(timeZone: string, language: Language = 'id'): string {
  const zone = zoneChoices[timeZone];
  const short = indonesianZoneNames[timeZone];
  if (!zone || !short) return timeZone;
  return language === 'id' ? `${short} (${zone.city})` : `${short} (${zone.city}, ${zone.en})`;
}

/**
 * Building an Intl.DateTimeFormat costs far more than formatting with one (ICU loads locale and zone data each
 * time): every email and page formats several times, so each formatter is made once per options and zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions & { timeZone: string }) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

function zoneLabel(timeZone: string, at: Date): string {
  const known = indonesianZoneNames[timeZone];
  if (known) return known;
  const part = formatter('en', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** "Kamis, 23 Oktober 2025" */
export function formatDate(iso: string, timeZone: string, language: Language = 'id'): string {
  return formatter(locales[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(iso));
}

/** "08.30 WIB" (Indonesian uses a dot between hours and minutes) or "08:30 WIB". */
export function formatTime(iso: string, timeZone: string, language: Language = 'id'): string {
  const at = new Date(iso);
  const time = formatter(locales[language], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
  return `${time} ${zoneLabel(timeZone, at)}`;
}

/** "Kamis, 23 Oktober 2025 pukul 08.30 WIB" */
export function formatDateTime(iso: string, timeZone: string, language: Language = 'id'): string {
  const joiner = language === 'id' ? 'pukul' : 'at';
  return `${formatDate(iso, timeZone, language)} ${joiner} ${formatTime(iso, timeZone, language)}`;
}

/** "Kamis, 23 Oktober 2025, 08.30-12.00 WIB" */
export function formatTimeRange(
  startIso: string,
  endIso: string,
  timeZone: string,
  language: Language = 'id',
) {
  const start = formatTime(startIso, timeZone, language).split(' ')[0];
  return `${formatDate(startIso, timeZone, language)}, ${start}–${formatTime(endIso, timeZone, language)}`;
}

/** Offset of `timeZone` at `at`, in minutes east of UTC. */
function offsetMinutes(timeZone: string, at: Date): number {
  const parts = formatter('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

function formatOffset(minutes: number): string {
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The instant as ISO 8601 in the zone's wall time with its offset: `2025-10-23T08:30:00+07:00`. */
export function toZonedIso(at: Date, timeZone: string): string {
  const offset = offsetMinutes(timeZone, at);
  const local = new Date(Math.floor(at.getTime() / 1000) * 1000 + offset * 60_000);
  return `${local.toISOString().slice(0, 19)}${formatOffset(offset)}`;
}

/** Wall time `2025-10-23T08:30` in `timeZone` -> ISO with offset. Used by forms with datetime-local inputs. */
export function fromLocalDateTime(local: string, timeZone: string): string {
  const guess = new Date(`${local.length === 16 ? `${local}:00` : local}Z`);
  const first = offsetMinutes(timeZone, guess);
  const corrected = new Date(guess.getTime() - first * 60_000);
  const offset = offsetMinutes(timeZone, corrected);
  return toZonedIso(new Date(guess.getTime() - offset * 60_000), timeZone);
}

/** `2025-10-23T08:30:00+07:00` -> `2025-10-23T08:30` for a datetime-local input. */
export function toLocalDateTimeInput(iso: string, timeZone: string): string {
  return toZonedIso(new Date(iso), timeZone).slice(0, 16);
}
