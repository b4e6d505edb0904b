import { templateSubmissions } from '../domain/whatsapp-templates';

/**
 * `npm run whatsapp:templates -- https://hadir.example.go.id`: the body of every
 * `POST https://graph.facebook.com/v23.0/{waba-id}/message_templates` an operator sends once (or pastes into
 * WhatsApp Manager), one per template and language, with the public origin the buttons open. IMAGE and DOCUMENT
 * headers need a sample uploaded first (Resumable Upload API): put its handle in `header_handle`.
 */
const baseUrl = process.argv[2] ?? process.env.PUBLIC_BASE_URL;
if (!baseUrl?.startsWith('https://')) {
  console.error('Usage: npm run whatsapp:templates -- https://<public origin of hadir>');
  process.exit(1);
}
console.log(JSON.stringify(templateSubmissions(baseUrl), null, 2));
