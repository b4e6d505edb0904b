/**
 * What the door page exchanges with the check-in API and keeps on the device. Plain shapes, no DOM: the pure
 * modules beside this one and their unit tests share them with the page.
 */

/** One officer as the device knows them: the roster download, plus what this device did offline. */
export type RosterEntry = {
  participantId: string;
  registrationId?: string;
  /** SHA-256 of the ticket code (base64url, 22 characters): lets the device recognise a ticket offline. */
  ticketHash?: string;
  name: string;
  role?: string;
  cooperativeId?: string;
  cooperativeName?: string;
  villageName?: string;
  districtName?: string;
  phoneMasked?: string;
  /** `confirmed`, `waitlisted` or `cancelled` from the server; `replaced` once substituted on this device. */
  status: string;
  checkedInAt?: string;
  station?: string;
  /** Checked in on this device, not yet on the server. */
  pending?: boolean;
};

/** Where a walk-in's cooperative is, copied from the choice the volunteer clicked. */
export type Place = {
  cooperativeId?: string;
  cooperativeName?: string;
  villageName?: string;
  districtName?: string;
};

/** The walk-in form as the API takes it. */
export type WalkInForm = {
  cooperativeId: string;
  name: string;
  role: string;
  phone?: string;
  reason?: string;
};

/** What a scan or a walk-in is asked to do, before the device knows whether it is online. */
export type ScanTarget = { ticketCode: string; registrationId?: string } | { participantId: string };

/**
 * A check-in not yet on the server, kept in IndexedDB by its `clientId` (the device's nonce, which makes every
 * retry idempotent). A walk-in carries its form and a `walk-in:` placeholder as participant.
 */
export type QueueItem = {
  clientId: string;
  scannedAt: string;
  participantId?: string;
  ticketCode?: string;
  registrationId?: string;
  walkIn?: WalkInForm;
};

/** The server's answer about one person (functions/domain/checkin.ts: CheckinResult). */
export type Checkin = {
  participantId: string;
  name: string;
  role?: string;
  cooperativeName?: string;
  checkedInAt: string;
  station: string;
  alreadyCheckedIn?: boolean;
};

export type ApiError = {
  code?: string;
  message?: string;
  issues?: { path: (string | number)[]; message: string }[];
};

/** When the server accepts check-ins for the session (the roster download's `checkinWindow`). */
export type CheckinWindow = { opensAt: string; closesAt: string; anyTime: boolean };

/** One result of the batch endpoint, by the scan's clientId. */
export type BatchResult =
  | { clientId: string; ok: true; checkin: Checkin }
  | { clientId: string; ok: false; error: ApiError };

export type Cooperative = { id: string; name: string; villageName: string; districtName: string };

export type DistrictCount = {
  districtName: string;
  registered: number;
  checkedIn: number;
  cooperativesInvited: number;
  cooperativesRegistered: number;
  cooperativesPresent: number;
};

/** The attendance endpoint's counts, with the time the device received them. */
export type Attendance = {
  registered: number;
  checkedIn: number;
  cooperativesRegistered: number;
  cooperativesPresent: number;
  cooperativesInvited: number;
  conflicts?: {
    participantId: string;
    station: string;
    checkedInAt: string;
    duplicates?: { station: string; scannedAt: string }[];
  }[];
  byDistrict: DistrictCount[];
  at: string;
};

type DoorTextKey =
  | 'loading'
  | 'online'
  | 'offline'
  | 'syncing'
  | 'noRoster'
  | 'deviceRefused'
  | 'present'
  | 'already'
  | 'rejected'
  | 'queuedNote'
  | 'village'
  | 'undo'
  | 'undone'
  | 'undoFailed'
  | 'needOnline'
  | 'checkIn'
  | 'substitute'
  | 'substituteFor'
  | 'substituteName'
  | 'save'
  | 'noResults'
  | 'presentAt'
  | 'checkedIn'
  | 'registered'
  | 'coopsLine'
  | 'coopsShort'
  | 'district'
  | 'pending'
  | 'updated'
  | 'conflictsTitle'
  | 'conflictLine'
  | 'problemsTitle'
  | 'cameraStart'
  | 'cameraStop'
  | 'cameraFailed'
  | 'walkInDone'
  | 'notTicket'
  | 'notOpen'
  | 'closed';

/** Every word the door script shows, in the page's language (functions/http/pages/checkin-page.tsx). */
export type DoorText = Record<DoorTextKey, string> & {
  status: Record<string, string>;
  reasons: Record<string, string> & { unknown: string };
};

/** The page's `data-config`: the session, this station, and where the decoder and service worker are. */
export type DoorConfig = {
  eventId: string;
  regencyCode: string;
  timeZone: string;
  station: string;
  language: string;
  /** The fallback QR decoder's fingerprinted path, `''` when it is not available. */
  jsqr: string;
  /** The service worker's URL. */
  sw: string;
  roles: Record<string, string>;
  text: DoorText;
};
