import type { Store } from '../db/store';
import type { User } from '../domain/accounts';
import type { Language } from '../domain/schemas';
import type { ExportFileStore } from '../reports/export-files';
import type { MaterialFileStore } from '../reports/material-files';
import type { AdminEventsService } from '../services/admin-events';
import type { AdminUsersService } from '../services/admin-users';
import type { AssistedRegistrationService } from '../services/assisted-registrations';
import type { AuthService } from '../services/auth-service';
import type { CampaignService } from '../services/campaigns';
import type { CertificateService } from '../services/certificates';
import type { CheckinService } from '../services/checkins';
import type { CoverageService } from '../services/coverage';
import type { EvaluationService } from '../services/evaluations';
import type { GuestService } from '../services/guests';
import type { MaterialService } from '../services/materials';
import type { OutreachService } from '../services/outreach';
import type { RateLimiter } from '../services/rate-limiter';
import type { RegistrationService } from '../services/registrations';
import type { ReportsService } from '../services/reports';

export type AppConfig = {
  /** Where tickets and emails point, e.g. `https://hadir.example.go.id`. Empty: the request's own origin. */
  publicBaseUrl?: string;
  /** `local` mounts the developer routes (/dev/*); they never exist in AWS. */
  runtime: 'local' | 'aws' | 'test';
  /**
   * Signs console session and station cookies. Absent: `loadSessionSecret`, else HADIR_SESSION_SECRET, or
   * `.data/session-secret` locally.
   */
  sessionSecret?: string;
  /** Reads the secret where AWS keeps it (functions/auth/session-secret-aws.ts); called on first use. */
  loadSessionSecret?: () => Promise<string | undefined>;
};

export type AppDeps = {
  store: Store;
  /** Shared limits on public writes and sign-in; absent in unit tests. */
  rateLimiter?: RateLimiter;
  config: AppConfig;
  clock?: () => Date;
  /** Where CSV/XLSX exports are relayed in AWS (S3); absent: they stream in the response. */
  exportFiles?: ExportFileStore;
  /** Where speakers' materials are kept (S3 in AWS); absent: a folder (console-surface.ts). */
  materialFiles?: MaterialFileStore;
};

/** What every surface's shell builds from AppDeps, before any surface adds its own services. */
export type BaseServices = {
  store: Store;
  rateLimiter?: RateLimiter;
  clock: () => Date;
  config: AppConfig;
  exportFiles?: ExportFileStore;
  materialFiles?: MaterialFileStore;
  /** The cookie-signing secret, resolved on first use and kept (functions/auth/session-secret.ts). */
  sessionSecret: () => Promise<string>;
};

/** The public surface's services: registration, tickets, the door. */
export type PublicServices = BaseServices & {
  registrations: RegistrationService;
  checkins: CheckinService;
  /** The evaluation form's service, loaded with the first form opened: never on a cold start's path. */
  evaluations: () => Promise<EvaluationService>;
};

/** The console surface's services: sign-in, sessions, users, and the door's attendance for organizers. */
export type ConsoleServices = BaseServices & {
  auth: AuthService;
  adminEvents: AdminEventsService;
  adminUsers: AdminUsersService;
  checkins: CheckinService;
  outreach: OutreachService;
  campaigns: CampaignService;
  certificates: CertificateService;
  coverage: CoverageService;
  assisted: AssistedRegistrationService;
  guests: GuestService;
  /**
   * Built on first use: in AWS without a materials bucket there is nowhere to keep files, and only the material
   * routes themselves should be refused for it (console-surface.ts).
   */
  materials: () => MaterialService;
  /** Loaded with the first evaluation page or API call: its export code stays off the cold start. */
  evaluations: () => Promise<EvaluationService>;
  /** Loaded with the first report: the daftar hadir, laporan and exports stay off the cold start. */
  reports: () => Promise<ReportsService>;
};

/** The environment of routes that see services `S`. */
export type EnvWith<S extends BaseServices> = {
  Variables: {
    language: Language;
    services: S;
    /** The signed-in console user, when the request carries a valid session cookie. */
    user?: User;
    /** The console forms' CSRF token for this session. */
    csrfToken?: string;
  };
};

/** The shell's middleware (language, sign-in cookie, errors): what every surface shares. */
export type BaseEnv = EnvWith<BaseServices>;
export type PublicEnv = EnvWith<PublicServices>;
export type ConsoleEnv = EnvWith<ConsoleServices>;
