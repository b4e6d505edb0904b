import { DomainError } from '../../domain/errors';
import { roleLabels } from '../../domain/roles';
import { ticketCodeFrom } from '../../domain/tokens';
import { baseUrlOf } from '../page-context';
import { publicFactory } from '../public-factory';

/**
 * The ticket as a file the officer saves to the phone (`/t/:code/tiket.pdf`): the QR, name, cooperative, session,
 * time and place, readable at the door without a network. Only a confirmed seat of a session that goes ahead has
 * one. pdf-lib and the font load with the first download, not with the public function's cold start.
 */
export const ticketFiles = publicFactory.createApp().get('/t/:code/tiket.pdf', async (c) => {
  const { store } = c.get('services');
  const code = ticketCodeFrom(c.req.param('code') ?? '');
  const ticket = code ? await store.registrations.findTicket(code) : undefined;
  const event = ticket ? await store.events.get(ticket.registration.eventId) : undefined;
  if (!code || !ticket || !event || ticket.registration.status !== 'confirmed' || event.cancelled)
    throw new DomainError('not_found');
  const language = c.get('language');
  const { ticketPdf } = await import('../../reports/ticket-pdf');
  const bytes = await ticketPdf({
    name: ticket.participant.name,
    role: roleLabels[ticket.participant.role][language],
    cooperativeName: ticket.registration.cooperativeName,
    ticketCode: code,
    ticketUrl: `${baseUrlOf(c)}/t/${code}`,
    event,
    language,
  });
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="tiket-${code}.pdf"`,
  });
});
