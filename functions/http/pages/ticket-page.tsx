import { raw } from 'hono/html';
import type { PublicEvent } from '../../domain/events';
import { type Material, materialPath } from '../../domain/materials';
import { whatsAppLink } from '../../domain/phone';
import { roleLabels } from '../../domain/roles';
import type { Language, Participant, Registration } from '../../domain/schemas';
import { EventFacts } from './event-pages';
import { t } from './i18n';
import { Layout } from './layout';

export function TicketPage(props: {
  registration: Registration;
  participant: Participant;
  event: PublicEvent;
  ticketUrl: string;
  /** SVG markup made by the qrcode library from the ticket URL (no user input reaches it unescaped). */
  qrSvg: string;
  language: Language;
  path: string;
  /** Follow-ups: the certificate download, given only when the officer checked in. */
  certificateUrl?: string;
  /** The session evaluation, given once the officer checked in (its page says when it is closed or answered). */
  evaluationUrl?: string;
  /** The speakers' materials, given once the session has ended. */
  materials?: Pick<Material, 'id' | 'title' | 'fileName'>[];
}) {
  const { registration, participant, event, ticketUrl, language, path } = props;
  const text = t(language);
  return (
    <Layout title={`${text.ticketTitle}: ${participant.name}`} language={language} path={path}>
      <h1>{text.ticketTitle}</h1>
      {registration.status === 'cancelled' ? <div class="alert">{text.ticketCancelled}</div> : null}
      {registration.status === 'waitlisted' ? <div class="alert warn">{text.ticketWaitlisted}</div> : null}
      <div class="card">
        <h2>{participant.name}</h2>
        <p>{`${roleLabels[participant.role][language]} · ${registration.cooperativeName}`}</p>
        {registration.status === 'confirmed' ? (
          <>
            <div class="qr" role="img" aria-label={`QR ${participant.ticketCode}`}>
              {raw(props.qrSvg)}
            </div>
            <p class="muted">{text.showAtDoor}</p>
          </>
        ) : null}
        <p>
          {`${text.code}: `}
          <span class="code">{participant.ticketCode}</span>
        </p>
        <strong>{event.title}</strong>
        <EventFacts event={event} language={language} />
        <div class="actions">
          <a
            class="button"
            href={whatsAppLink(
              text.whatsAppTicket(participant.name, event.title, ticketUrl),
              participant.phone,
            )}
            target="_blank"
            rel="noopener"
          >
            {text.shareWhatsApp}
          </a>
          {registration.status === 'confirmed' ? (
            <a class="button" href={`/t/${participant.ticketCode}/tiket.pdf`} download>
              {language === 'id' ? 'Simpan tiket ke ponsel (PDF)' : 'Save the ticket to your phone (PDF)'}
            </a>
          ) : null}
          <a class="button secondary" href={`/t/${participant.ticketCode}/tiket.ics`}>
            {text.addToCalendar}
          </a>
          {registration.status === 'confirmed' ? (
            <a class="button secondary" href={`/acara/${event.id}/tanya?kode=${participant.ticketCode}`}>
              {language === 'id' ? 'Ajukan pertanyaan' : 'Ask a question'}
            </a>
          ) : null}
          {props.evaluationUrl ? (
            <a class="button" href={props.evaluationUrl}>
              {language === 'id' ? 'Isi evaluasi kegiatan' : 'Evaluate the session'}
            </a>
          ) : null}
          {props.certificateUrl ? (
            <a class="button secondary" href={props.certificateUrl}>
              {language === 'id' ? 'Unduh sertifikat (PDF)' : 'Download certificate (PDF)'}
            </a>
          ) : null}
        </div>
      </div>
      {props.materials?.length ? (
        <section class="card" data-materials>
          <h2>{language === 'id' ? 'Materi narasumber' : "Speakers' materials"}</h2>
          <ul>
            {props.materials.map((material) => (
              <li>
                <a href={materialPath(event.id, material.id)} download>
                  {material.title}
                </a>
                <span class="muted">{` (${material.fileName})`}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
