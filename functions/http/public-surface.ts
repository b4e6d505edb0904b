import { createCheckinService } from '../services/checkins';
import { createRegistrationService } from '../services/registrations';
import type { Surface } from './http-app';
import { apiCheckins } from './routes/api-checkins';
import { apiCooperatives } from './routes/api-cooperatives';
import { apiEvents } from './routes/api-events';
import { apiPrivacy } from './routes/api-privacy';
import { apiRegistrations } from './routes/api-registrations';
import { checkinPages } from './routes/checkin-pages';
import { evaluationForm } from './routes/evaluation-form';
import { pages } from './routes/pages';
import { ticketFiles } from './routes/ticket-file';
import { webhookSecretsFromEnv, whatsappWebhook } from './routes/whatsapp-webhook';

/** What cooperatives and door volunteers use: sessions, registration, tickets, check-in. */
export const publicSurface: Surface = (app, services) => {
  services.registrations = createRegistrationService(services.store, services.clock);
  services.checkins = createCheckinService(services.store, services.clock);
  app.route('/api/events', apiEvents);
  app.route('/api/events', apiCheckins);
  app.route('/api/cooperatives', apiCooperatives);
  app.route('/api/registrations', apiRegistrations);
  app.route('/api/registrations', apiPrivacy);
  app.route('/checkin', checkinPages);
  app.route('/webhooks/whatsapp', whatsappWebhook(webhookSecretsFromEnv()));
  app.route('/', ticketFiles);
  app.route('/', evaluationForm);
  app.route('/', pages);
};
