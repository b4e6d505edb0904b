import * as z from 'zod/mini';
import { blankAsAbsent, text } from './schemas';

/**
 * Speakers' materials (slides, papers) of a session. Participants may download them once the session has ended;
 * the follow-up emails and the ticket page link them then.
 */
export type Material = {
  id: string;
  eventId: string;
  title: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
  guestId?: string;
  /** Where the file is stored when it is not under its cleaned name (a browser's direct upload keeps its own). */
  objectKey?: string;
};

/** 25 MB: a long slide deck with photos; anything larger belongs on a file share, not in a WhatsApp-era inbox. */
export const MAX_MATERIAL_BYTES = 25 * 1024 * 1024;

/** What may be uploaded, by extension, with the one content type it is stored and served as. */
export const materialTypes = {
  pdf: 'application/pdf',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
} as const;
export const materialAccept = Object.keys(materialTypes)
  .map((ext) => `.${ext}`)
  .join(',');

/**
 * The stored content type of a file name, or nothing when its type is not allowed. Decided by the extension, not
 * by what the browser claims: the download is served with this type and `nosniff`, never as HTML.
 */
export function materialContentType(fileName: string): string | undefined {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  return Object.hasOwn(materialTypes, ext) ? materialTypes[ext as keyof typeof materialTypes] : undefined;
}

/** A file name safe in a Content-Disposition header and on any disk: letters, digits, dot, dash, underscore. */
export function safeFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? 'materi';
  const cleaned = base
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(-120);
  return cleaned || 'materi';
}

export type MaterialCheck =
  | { ok: true; contentType: string; fileName: string }
  | { ok: false; code: 'payload_too_large' | 'unsupported_media_type' | 'validation' };

export function checkMaterialFile(fileName: string, size: number): MaterialCheck {
  if (size <= 0) return { ok: false, code: 'validation' };
  if (size > MAX_MATERIAL_BYTES) return { ok: false, code: 'payload_too_large' };
  const contentType = materialContentType(fileName);
  if (!contentType) return { ok: false, code: 'unsupported_media_type' };
  return { ok: true, contentType, fileName: safeFileName(fileName) };
}

export const materialInput = z.object({
  title: text(150, 2),
  guestId: blankAsAbsent(text(64)),
});

/** Participants see materials once the session is over: before it, slides would spoil the briefing. */
export const materialsOpen = (event: { endsAt: string }, now: Date) =>
  now.getTime() >= Date.parse(event.endsAt);

/** The public download path of a material: the same in the emails, the ticket page and the console. */
export const materialPath = (eventId: string, materialId: string) =>
  `/acara/${encodeURIComponent(eventId)}/materi/${encodeURIComponent(materialId)}`;
