import { randomUUID } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { EXPORTS_PREFIX, type ExportFileStore } from './export-files';

/** Long enough to follow the redirect on a slow phone, short enough that a forwarded link is soon useless. */
export const EXPORT_LINK_SECONDS = 300;

export type S3ExportFilesOptions = {
  bucket: string;
  client?: S3Client;
  linkSeconds?: number;
};

/** The S3 client, upload and presigner, loaded on the first export: no cold start of the console pays for them. */
const s3Modules = () =>
  Promise.all([
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/lib-storage'),
    import('@aws-sdk/s3-request-presigner'),
  ]);

/**
 * Exports relayed through S3: a multipart upload consumes the file's stream as it is generated (5 MiB parts, so
 * memory stays flat however many rows), then a presigned GET hands it to the browser as an attachment. The bucket
 * expires every object after a day; the audit log already says who exported what.
 */
export function createS3ExportFiles({
  bucket,
  client,
  linkSeconds = EXPORT_LINK_SECONDS,
}: S3ExportFilesOptions): ExportFileStore {
  let s3 = client;
  return {
    async publish(file, eventId) {
      const [{ GetObjectCommand, S3Client }, { Upload }, { getSignedUrl }] = await s3Modules();
      s3 ??= new S3Client({});
      // A random segment: the key is unguessable and two exports of one session never overwrite each other.
      const key = `${EXPORTS_PREFIX}${eventId}/${randomUUID()}/${file.filename}`;
      await new Upload({
        client: s3,
        params: {
          Bucket: bucket,
          Key: key,
          Body: file.body,
          ContentType: file.contentType,
          ContentDisposition: `attachment; filename="${file.filename}"`,
          CacheControl: 'no-store',
        },
        queueSize: 2,
      }).done();
      return getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: linkSeconds });
    },
  };
}
