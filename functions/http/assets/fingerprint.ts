import { createHash } from 'node:crypto';

/** The content's short hash, for asset names that change whenever the content does. */
export const fingerprint = (content: string) =>
  createHash('sha256').update(content).digest('hex').slice(0, 10);
