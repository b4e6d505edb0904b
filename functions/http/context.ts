import type { Store } from '../db/store';
import type { Language } from '../domain/schemas';
import type { RegistrationService } from '../services/registrations';

export type AppConfig = {
  /** Where tickets and emails point, e.g. `https://hadir.example.go.id`. Empty: the request's own origin. */
  publicBaseUrl?: string;
  /** `local` mounts the developer routes (/dev/*); they never exist in AWS. */
  runtime: 'local' | 'aws' | 'test';
};

export type AppDeps = {
  store: Store;
  config: AppConfig;
  clock?: () => Date;
};

export type AppServices = {
  store: Store;
  registrations: RegistrationService;
  clock: () => Date;
  config: AppConfig;
};

export type AppEnv = {
  Variables: {
    language: Language;
    services: AppServices;
  };
};
