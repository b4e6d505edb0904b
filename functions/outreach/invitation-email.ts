/**
 * Email jobs written before links were derived carried an unsubscribe token, and for an invitation also the
 * personal code after a dot, in a `secret` field. Nothing writes it any more (the job holds a flag and the
 * invitation's nonce, and the worker derives both links); this reads it so such a job still sends its own links
 * when it is retried or resent, and the outbox removes the field once the email has left.
 */
export function legacyJobSecrets(secret: string | undefined): {
  unsubscribeToken?: string;
  invitationCode?: string;
} {
  if (!secret) return {};
  const [unsubscribeToken, invitationCode] = secret.split('.', 2);
  return { unsubscribeToken: unsubscribeToken || undefined, invitationCode: invitationCode || undefined };
}
