/**
 * An invitation email's job carries two secrets in its one `secret` field (which the outbox removes once the
 * email is sent): the unsubscribe token and the personal invitation code, joined by a dot (neither base64url
 * value contains one). functions/followups/compose.ts splits them when it renders the email.
 */
export const invitationJobSecret = (unsubscribeToken: string, code: string) => `${unsubscribeToken}.${code}`;

export function splitJobSecret(secret: string | undefined): {
  unsubscribeToken?: string;
  invitationCode?: string;
} {
  if (!secret) return {};
  const [unsubscribeToken, invitationCode] = secret.split('.', 2);
  return { unsubscribeToken: unsubscribeToken || undefined, invitationCode: invitationCode || undefined };
}
