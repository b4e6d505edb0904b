/**
 * Coverage of the cooperative directory, as the province and the ministry read it: per area, how many
 * cooperatives the directory holds, how many registered for at least one session, how many were briefed (at
 * least one officer checked in), and how many sessions were held or are planned. Only counts and names: no figure
 * here can lead back to a person.
 */

/** The five figures of one area. */
export type CoverageFigures = {
  directory: number;
  registered: number;
  briefed: number;
  held: number;
  planned: number;
};
export const FIGURES = ['directory', 'registered', 'briefed', 'held', 'planned'] as const;
export type Figure = (typeof FIGURES)[number];

/** Short attribute prefixes on the counter items: `reg#62.02` is "registered" of regency 62.02. */
export const FIGURE_PREFIX: Record<Figure, string> = {
  directory: 'dir',
  registered: 'reg',
  briefed: 'brf',
  held: 'hld',
  planned: 'pln',
};

/** A session inviting the whole regency is counted under this pseudo-kecamatan of the regency item. */
export const WHOLE_REGENCY = '*';

export const emptyFigures = (): CoverageFigures => ({
  directory: 0,
  registered: 0,
  briefed: 0,
  held: 0,
  planned: 0,
});

export const provinceOf = (regencyCode: string) => regencyCode.slice(0, 2);
export const districtOf = (cooperativeId: string) => cooperativeId.split('.').slice(0, 3).join('.');

/** One row of a coverage table: an area (province, regency or kecamatan) and its figures. */
export type CoverageRow = { code: string; name: string } & CoverageFigures;

/**
 * A counter item as stored (`dir#62`, `name#62`, ...) read into rows, one per child code, sorted by code. Sessions
 * counted for the whole regency (`pln#*`) are added to every kecamatan's row, since every kecamatan was invited.
 */
export function rowsOf(item: Record<string, unknown> | undefined): CoverageRow[] {
  const rows = new Map<string, CoverageRow>();
  const whole = emptyFigures();
  const row = (code: string) => {
    let found = rows.get(code);
    if (!found) {
      found = { code, name: code, ...emptyFigures() };
      rows.set(code, found);
    }
    return found;
  };
  for (const [attribute, value] of Object.entries(item ?? {})) {
    const [prefix, code] = splitOnce(attribute);
    if (!code) continue;
    if (prefix === 'name') {
      row(code).name = String(value);
      continue;
    }
    const figure = FIGURES.find((f) => FIGURE_PREFIX[f] === prefix);
    if (!figure || typeof value !== 'number') continue;
    if (code === WHOLE_REGENCY) whole[figure] += value;
    else row(code)[figure] += value;
  }
  const all = [...rows.values()].sort((a, b) => a.code.localeCompare(b.code));
  if (whole.held || whole.planned) {
    for (const r of all) {
      r.held += whole.held;
      r.planned += whole.planned;
    }
  }
  return all;
}

/**
 * The area's own total. Sessions are counted once per area, not once per kecamatan they invited, so the regency
 * total of sessions comes from the level above (`sessions`), when given.
 */
export function totalOf(
  rows: CoverageRow[],
  sessions?: Pick<CoverageFigures, 'held' | 'planned'>,
): CoverageFigures {
  const total = emptyFigures();
  for (const r of rows) for (const figure of FIGURES) total[figure] += r[figure];
  if (sessions) {
    total.held = sessions.held;
    total.planned = sessions.planned;
  }
  return total;
}

function splitOnce(attribute: string): [string, string | undefined] {
  const at = attribute.indexOf('#');
  return at < 0 ? [attribute, undefined] : [attribute.slice(0, at), attribute.slice(at + 1)];
}

/** Share of the directory, as a whole percent (0 when the directory is empty). */
export const percentOf = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** A registration counts while it holds a seat or waits for one; a cancelled one no longer does. */
export const isActiveRegistration = (status: string | undefined) =>
  status === 'confirmed' || status === 'waitlisted';

/** How a session is counted: nowhere (cancelled), planned until it ends, held once it has. */
export type SessionCount = {
  state: 'none' | 'planned' | 'held';
  regencyCode: string;
  /** The kecamatan it invited, or [WHOLE_REGENCY]. */
  districts: string[];
  endsAt: string;
};

export function sessionCount(
  session: {
    regencyCode: string;
    invitedDistrictCodes?: string[];
    cancelled?: boolean;
    endsAt: string;
  },
  now: Date,
): SessionCount {
  const districts = session.invitedDistrictCodes?.length
    ? [...session.invitedDistrictCodes].sort()
    : [WHOLE_REGENCY];
  const state = session.cancelled ? 'none' : Date.parse(session.endsAt) <= now.getTime() ? 'held' : 'planned';
  return {
    state,
    regencyCode: session.regencyCode,
    districts,
    endsAt: new Date(session.endsAt).toISOString(),
  };
}

export const sameSessionCount = (a: SessionCount | undefined, b: SessionCount) =>
  !!a &&
  a.state === b.state &&
  a.regencyCode === b.regencyCode &&
  a.endsAt === b.endsAt &&
  a.districts.join() === b.districts.join();

/** One counter change: +1 or -1 on a figure of an area's child, at every level above the child. */
export type CounterChange = { figure: Figure; code: string; delta: number };

/**
 * The changes a session's new count makes against its old one. A kecamatan-level code (`62.02.01`) or the whole
 * regency changes the regency item; the regency and province items always change by the session itself, once.
 */
export function sessionChanges(before: SessionCount | undefined, after: SessionCount): SessionChange[] {
  const changes: SessionChange[] = [];
  const add = (count: SessionCount | undefined, delta: number) => {
    if (!count || count.state === 'none') return;
    changes.push({ state: count.state, regencyCode: count.regencyCode, districts: count.districts, delta });
  };
  add(before, -1);
  add(after, 1);
  return changes;
}
export type SessionChange = {
  state: 'planned' | 'held';
  regencyCode: string;
  districts: string[];
  delta: number;
};

/** What recounting one cooperative found, and what its counted state becomes. */
export type CooperativeTruth = { registrations: string[]; checkins: string[] };

/** The marks a cooperative's state counts: one per active registration and one per officer checked in. */
export const registrationMark = (registrationId: string) => `REG#${registrationId}`;
export const checkinMark = (eventId: string, participantId: string) => `CHECKIN#${eventId}#${participantId}`;

/**
 * A counter item as a page should read it when some sessions counted as planned have ended since: each moves from
 * planned to held on its area's attribute. The counters themselves are moved by the stream worker (and `npm
 * start`'s poll); a page only reads, so a viewer's page view never writes to the table.
 */
export function withEndedSessions(
  item: Record<string, unknown> | undefined,
  level: { nation: true } | { provinceCode: string } | { regencyCode: string },
  ended: Pick<SessionCount, 'regencyCode' | 'districts'>[],
): Record<string, unknown> | undefined {
  if (!item || !ended.length) return item;
  const moved: Record<string, unknown> = { ...item };
  const shift = (code: string) => {
    const planned = `${FIGURE_PREFIX.planned}#${code}`;
    const held = `${FIGURE_PREFIX.held}#${code}`;
    moved[planned] = Number(moved[planned] ?? 0) - 1;
    moved[held] = Number(moved[held] ?? 0) + 1;
  };
  for (const session of ended) {
    if ('nation' in level) shift(provinceOf(session.regencyCode));
    else if ('provinceCode' in level) {
      if (provinceOf(session.regencyCode) === level.provinceCode) shift(session.regencyCode);
    } else if (session.regencyCode === level.regencyCode) for (const code of session.districts) shift(code);
  }
  return moved;
}

/** What a monthly summary covers: the calendar month, as `yyyy-mm`, in WIB. */
export function monthLabel(month: string, language: 'id' | 'en' = 'id'): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year ?? 2025, (m ?? 1) - 1, 15)));
}
