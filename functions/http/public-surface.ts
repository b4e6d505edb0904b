import { createCheckinService } from '../services/checkins';
import type { EvaluationService } from '../services/evaluations';
import { createRegistrationService } from '../services/registrations';
import type { PublicServices } from './context';
import { defineSurface } from './http-app';
import { publicFactory } from './public-factory';
import { apiCheckins } from './routes/api-checkins';
import { apiCooperatives } from './routes/api-cooperatives';
import { apiEvents } from './routes/api-events';
import { apiPrivacy } from './routes/api-privacy';
import { apiRegistrations } from './routes/api-registrations';
import { checkinPages } from './routes/checkin-pages';
import { evaluationForm } from './routes/evaluation-form';
import { pages } from './routes/pages';
import { apiQuestions, questionPages } from './routes/questions-public';
import { ticketFiles } from './routes/ticket-file';
import { webhookSecretsFromEnv, whatsappWebhook } from './routes/whatsapp-webhook';

/** What cooperatives and door volunteers use: sessions, registration, tickets, check-in. */
export const publicSurface = defineSurface<PublicServices>({
  services: (base) => {
    let evaluations: Promise<EvaluationService> | undefined;
    return {
      ...base,
      registrations: createRegistrationService(base.store, base.clock),
      checkins: createCheckinService(base.store, base.clock),
      evaluations: () =>
        (evaluations ??= import('../services/evaluations').then((module) =>
          module.createEvaluationService(base.store, base.clock),
        )),
    };
  },
  routes: () =>
    publicFactory
      .createApp()
      .route('/api/events', apiEvents)
      .route('/api/events', apiCheckins)
      .route('/api/cooperatives', apiCooperatives)
      .route('/api/registrations', apiRegistrations)
      .route('/api/registrations', apiPrivacy)
      .route('/api/events', apiQuestions)
      .route('/checkin', checkinPages)
      .route('/webhooks/whatsapp', whatsappWebhook(webhookSecretsFromEnv()))
      .route('/', ticketFiles)
      .route('/', questionPages)
      .route('/', evaluationForm)
      .route('/', pages),
});
