import { createHmac } from 'node:crypto';
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
/** How long a browser has to send its file after the upload page opened. */
export const UPLOAD_FORM_SECONDS = 30 * 60;

const hmac = (key: string | Buffer, value: string) => createHmac('sha256', key).update(value).digest();

/**
 * The fields of an S3 POST policy form (Signature Version 4), as AWS documents for browser uploads: the policy
 * fixes the bucket, the key's prefix (S3 fills `${filename}` in), the size range and where S3 sends the browser
 * afterwards; the signature proves the function's role allowed it.
 */
export function postPolicyFields(input: {
  bucket: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  keyPrefix: string;
  maxBytes: number;
  redirect: string;
  now: Date;
}): Record<string, string> {
  const stamp = input.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = stamp.slice(0, 8);
  const credential = `${input.credentials.accessKeyId}/${day}/${input.region}/s3/aws4_request`;
  const token = input.credentials.sessionToken;
  const policy = Buffer.from(
    JSON.stringify({
      expiration: new Date(input.now.getTime() + UPLOAD_FORM_SECONDS * 1000).toISOString(),
      conditions: [
        { bucket: input.bucket },
        ['starts-with', '$key', input.keyPrefix],
        { success_action_redirect: input.redirect },
        ['content-length-range', 1, input.maxBytes],
        { 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
        { 'x-amz-credential': credential },
        { 'x-amz-date': stamp },
        ...(token ? [{ 'x-amz-security-token': token }] : []),
      ],
    }),
  ).toString('base64');
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${input.credentials.secretAccessKey}`, day), input.region), 's3'),
    'aws4_request',
  );
  return {
    key: `${input.keyPrefix}${'$'}{filename}`,
    success_action_redirect: input.redirect,
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': credential,
    'X-Amz-Date': stamp,
    ...(token ? { 'X-Amz-Security-Token': token } : {}),
    Policy: policy,
    'X-Amz-Signature': createHmac('sha256', signingKey).update(policy).digest('hex'),
  };
}

/** The bucket's own address in its region (virtual-hosted style), where browsers post their files. */
export const bucketUrl = (bucket: string, region: string) => `https://${bucket}.s3.${region}.amazonaws.com/`;

export function createS3MaterialFiles({
  bucket,
  client,
  region = process.env.AWS_REGION ?? 'ap-southeast-3',
  postUrl = bucketUrl(bucket, region),
}: {
  bucket: string;
  client?: S3Client;
  region?: string;
  /** Where forms post (a local S3 API in tests); the bucket's regional address by default. */
  postUrl?: string;
}): MaterialFileStore {
  let s3 = client;
  const connect = async () => {
    const [modules, presigner] = await s3Modules();
    s3 ??= new modules.S3Client({});
    return { ...modules, getSignedUrl: presigner.getSignedUrl, s3 };
  };
  return {
    uploadOrigin: new URL(postUrl).origin,
    async presignUpload({ keyPrefix, maxBytes, redirect }) {
      const { s3 } = await connect();
      const credentials = await s3.config.credentials();
      return {
        url: postUrl,
        fields: postPolicyFields({
          bucket,
          region,
          credentials,
          keyPrefix,
          maxBytes,
          redirect,
          now: new Date(),
        }),
      };
    },
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
