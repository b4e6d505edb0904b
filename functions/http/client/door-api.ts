/// <reference lib="dom" />
import { batchPayload, checkinPayload, walkInPayload } from './checkin-payload';
import type {
  ApiError,
  Attendance,
  BatchResult,
  Checkin,
  CheckinWindow,
  Cooperative,
  QueueItem,
  RosterEntry,
  WalkInForm,
} from './door-types';
import { deviceRefusedAfter, TIMEOUT_MS } from './sync-plan';

/** An answer: the body as the endpoint documents it when ok, else its error (a body that is not JSON reads as {}). */
export type ApiResponse<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; body: { error?: ApiError } };

type Options = { method?: string; body?: unknown };

/**
 * The check-in API as the door uses it. Every request gives up after a timeout (a door cannot wait on a dead
 * network), and every answer updates whether the server still accepts this device.
 */
export function createDoorApi(eventId: string) {
  const api = `/api/events/${encodeURIComponent(eventId)}`;
  let deviceRefused = false;

  const request = async <T>(path: string, options: Options, timeoutMs: number): Promise<ApiResponse<T>> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const init: RequestInit = {
      credentials: 'same-origin',
      signal: controller.signal,
      method: options.method,
    };
    if (options.body !== undefined) {
      init.body = JSON.stringify(options.body);
      init.headers = { 'content-type': 'application/json' };
    }
    const response = await fetch(path, init).finally(() => clearTimeout(timer));
    let body: unknown = {};
    try {
      body = await response.json();
    } catch {
      body = {};
    }
    deviceRefused = deviceRefusedAfter(response.status, response.ok, deviceRefused);
    return { ok: response.ok, status: response.status, body } as ApiResponse<T>;
  };

  return {
    /** The server refused this device at its last answer (revoked station, wrong session). */
    get deviceRefused() {
      return deviceRefused;
    },
    roster: () =>
      request<{
        roster: RosterEntry[];
        cooperatives?: Cooperative[];
        checkinWindow?: CheckinWindow;
        at: string;
      }>(`${api}/roster`, {}, TIMEOUT_MS.roster),
    attendance: () => request<Omit<Attendance, 'at'>>(`${api}/attendance`, {}, TIMEOUT_MS.attendance),
    checkIn: (item: QueueItem) =>
      request<{ checkin: Checkin }>(
        `${api}/checkins`,
        { method: 'POST', body: checkinPayload(item) },
        TIMEOUT_MS.scan,
      ),
    checkInBatch: (batch: readonly QueueItem[]) =>
      request<{ results: BatchResult[] }>(
        `${api}/checkins/batch`,
        { method: 'POST', body: batchPayload(batch) },
        TIMEOUT_MS.batch,
      ),
    walkIn: (item: { clientId: string; scannedAt: string; walkIn: WalkInForm }, offline: boolean) =>
      request<{ checkin: Checkin }>(
        `${api}/walk-ins`,
        { method: 'POST', body: walkInPayload(item, offline) },
        TIMEOUT_MS.walkIn,
      ),
    undo: (participantId: string) =>
      request<unknown>(
        `${api}/checkins/${encodeURIComponent(participantId)}`,
        { method: 'DELETE' },
        TIMEOUT_MS.scan,
      ),
    substitute: (body: { participantId: string; name: string; role: string }) =>
      request<{ checkin: Checkin }>(`${api}/substitutes`, { method: 'POST', body }, TIMEOUT_MS.scan),
    /** The cooperative search, for a device that never downloaded the invited ones. */
    cooperatives: (params: URLSearchParams) =>
      request<{ cooperatives?: Cooperative[] }>(`/api/cooperatives?${params}`, {}, 8000),
  };
}

export type DoorApi = ReturnType<typeof createDoorApi>;
