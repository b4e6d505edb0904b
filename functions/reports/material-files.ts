/**
 * Where the bytes of speakers' materials live: S3 in AWS (material-files-s3.ts), a folder on disk under `npm start`
 * and in tests (material-files-disk.ts). The session's records (materials-repo.ts) say what exists; this only
 * keeps files under keys the service makes.
 */
export type MaterialFileStore = {
  /** Stores a file sent through the app (the local direct upload). */
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /**
   * A form the browser posts the file to directly (S3's presigned POST, which enforces the size range itself),
   * bypassing the app and its small body limit; S3 then sends the browser to `redirect` with the object's key.
   * Absent: files are uploaded through the app with `put`.
   */
  presignUpload?(input: {
    keyPrefix: string;
    maxBytes: number;
    redirect: string;
  }): Promise<{ url: string; fields: Record<string, string> }>;
  /** Where `presignUpload`'s forms post to, for the page's Content-Security-Policy (form-action). */
  uploadOrigin?: string;
  /** The stored file's size, or nothing when no file is there (confirms a direct upload arrived). */
  size(key: string): Promise<number | undefined>;
  /** The file to send: its bytes, or a short-lived link to redirect to; nothing when it is gone. */
  open(
    key: string,
    download: { fileName: string; contentType: string },
  ): Promise<{ body: Uint8Array } | { redirect: string } | undefined>;
  remove(key: string): Promise<void>;
};

/** Object keys start here; the functions' IAM policies name the same prefix. */
export const MATERIALS_PREFIX = 'materials/';

export const materialKeyPrefix = (eventId: string, materialId: string) =>
  `${MATERIALS_PREFIX}${eventId}/${materialId}/`;
export const materialKey = (eventId: string, materialId: string, fileName: string) =>
  `${materialKeyPrefix(eventId, materialId)}${fileName}`;
