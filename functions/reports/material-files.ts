/**
 * Where the bytes of speakers' materials live: S3 in AWS (material-files-s3.ts), a folder on disk under `npm start`
 * and in tests (material-files-disk.ts). The session's records (materials-repo.ts) say what exists; this only
 * keeps files under keys the service makes.
 */
export type MaterialFileStore = {
  /** Stores a file sent through the app (the local direct upload). */
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /**
   * A form the browser posts the file to directly, bypassing the app's small body limit (S3's presigned POST,
   * which enforces the size range and content type itself). Absent: upload through the app with `put`.
   */
  presignUpload?(
    key: string,
    contentType: string,
    maxBytes: number,
  ): Promise<{ url: string; fields: Record<string, string> }>;
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

export const materialKey = (eventId: string, materialId: string, fileName: string) =>
  `${MATERIALS_PREFIX}${eventId}/${materialId}/${fileName}`;
