import type { S3Client } from '@aws-sdk/client-s3';
import type { MaterialFileStore } from './material-files';

/** Long enough to start a download on a slow phone; a forwarded link stops working soon after. */
export const MATERIAL_LINK_SECONDS = 300;

/** The S3 client and presigner, loaded on the first material request: no cold start pays for them. */
const s3Modules = () => Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]);

/**
 * Materials in the files bucket under `materials/`. Downloads are a redirect to a presigned GET that names the
 * file and its type, so the bytes never pass through a Lambda.
 */
export function createS3MaterialFiles({
  bucket,
  client,
}: {
  bucket: string;
  client?: S3Client;
}): MaterialFileStore {
  let s3 = client;
  const connect = async () => {
    const [modules, presigner] = await s3Modules();
    s3 ??= new modules.S3Client({});
    return { ...modules, getSignedUrl: presigner.getSignedUrl, s3 };
  };
  return {
    async put(key, body, contentType) {
      const { PutObjectCommand, s3 } = await connect();
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    },
    async size(key) {
      const { HeadObjectCommand, s3 } = await connect();
      try {
        return (await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ContentLength;
      } catch (error) {
        if ((error as Error).name === 'NotFound') return undefined;
        throw error;
      }
    },
    async open(key, { fileName, contentType }) {
      const { GetObjectCommand, getSignedUrl, s3 } = await connect();
      const redirect = await getSignedUrl(
        s3,
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ResponseContentType: contentType,
          ResponseContentDisposition: `attachment; filename="${fileName}"`,
        }),
        { expiresIn: MATERIAL_LINK_SECONDS },
      );
      return { redirect };
    },
    async remove(key) {
      const { DeleteObjectCommand, s3 } = await connect();
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
