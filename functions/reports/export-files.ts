import type { ExportFile } from './exports';

/**
 * Where a built export goes when it cannot travel in the HTTP response. In AWS a Lambda's response leaves whole and
 * API Gateway refuses more than 6 MB, while a 50,000-row XLSX is larger: the console writes the file to S3 while it
 * is being built and sends the browser a short-lived download link instead. Locally the file is streamed directly.
 */
export type ExportFileStore = {
  /** Stores the file under the session's prefix and returns a link that downloads it for a few minutes. */
  publish(file: ExportFile, eventId: string): Promise<string>;
};

/** Object keys start here; the console's IAM policy names the same prefix. */
export const EXPORTS_PREFIX = 'exports/';
