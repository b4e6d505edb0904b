import type { Store } from '../db/store';
import { canManageEvent, canReadEvent } from '../domain/access-policy';
import type { User } from '../domain/accounts';
import { DomainError } from '../domain/errors';
import { checkMaterialFile, MAX_MATERIAL_BYTES, type Material, materialsOpen } from '../domain/materials';
import type { EventRecord } from '../domain/schemas';
import { type MaterialFileStore, materialKey, materialKeyPrefix } from '../reports/material-files';
import { audit } from './admin-audit';

export type MaterialUpload = {
  /** From the form, so a resubmitted upload records one material. */
  id: string;
  title: string;
  guestId?: string;
  fileName: string;
  body: Uint8Array;
};

/**
 * Speakers' materials: organizers upload them to the session in the console; participants download them from the
 * public path once the session has ended (the emails and the ticket page link them then).
 */
export function createMaterialService(store: Store, files: MaterialFileStore, clock: () => Date) {
  async function loadEvent(user: User, eventId: string, need: 'read' | 'manage'): Promise<EventRecord> {
    const event = await store.eventAdmin.getEvent(eventId);
    if (!event) throw new DomainError('not_found');
    const allowed = need === 'read' ? canReadEvent(user, event) : canManageEvent(user, event);
    if (!allowed) throw new DomainError('forbidden');
    return event;
  }
  const keyOf = (material: Material) =>
    material.objectKey ?? materialKey(material.eventId, material.id, material.fileName);

  async function record(user: User, event: EventRecord, material: Material): Promise<Material> {
    const saved = await store.materials.add(material);
    await audit(store, user, clock(), {
      action: 'material.uploaded',
      targetType: 'event',
      targetId: event.id,
      eventId: event.id,
      detail: material.id,
    });
    return saved;
  }

  return {
    /** Every material of the session, oldest first (no access check: for code that already checked). */
    list: (eventId: string): Promise<Material[]> => store.materials.list(eventId),

    /** What participants may see now: nothing before the session has ended. */
    async published(eventId: string): Promise<Material[]> {
      const event = await store.events.get(eventId);
      if (!event || !materialsOpen(event, clock())) return [];
      return store.materials.list(eventId);
    },

    async overview(user: User, eventId: string) {
      const event = await loadEvent(user, eventId, 'read');
      return {
        event,
        materials: await store.materials.list(eventId),
        canManage: canManageEvent(user, event),
        open: materialsOpen(event, clock()),
      };
    },

    async upload(user: User, eventId: string, upload: MaterialUpload): Promise<Material> {
      const event = await loadEvent(user, eventId, 'manage');
      const check = checkMaterialFile(upload.fileName, upload.body.byteLength);
      if (!check.ok) throw new DomainError(check.code);
      const existing = await store.materials.get(eventId, upload.id);
      if (existing) return existing;
      if (upload.guestId && !(await store.guests.get(eventId, upload.guestId)))
        throw new DomainError('not_found');
      const material: Material = {
        id: upload.id,
        eventId,
        title: upload.title,
        fileName: check.fileName,
        contentType: check.contentType,
        size: upload.body.byteLength,
        uploadedAt: clock().toISOString(),
        ...(upload.guestId ? { guestId: upload.guestId } : {}),
      };
      // The file first: a record never points at bytes that are not there.
      await files.put(keyOf(material), upload.body, material.contentType);
      return record(user, event, material);
    },

    /** Whether uploads go from the browser straight to the file store (S3 in AWS) instead of through the app. */
    direct: Boolean(files.presignUpload),

    /**
     * The form a browser posts a file to directly, for material `id` (S3's presigned POST: the size limit is in
     * its policy). S3 then sends the browser to `redirect`, where `completeUpload` records it.
     */
    async startUpload(user: User, eventId: string, id: string, redirect: string) {
      await loadEvent(user, eventId, 'manage');
      if (!files.presignUpload) throw new DomainError('unavailable');
      return files.presignUpload({
        keyPrefix: materialKeyPrefix(eventId, id),
        maxBytes: MAX_MATERIAL_BYTES,
        redirect,
      });
    },

    /**
     * Records a file the browser stored directly under `key`. A type we do not serve is deleted again and refused,
     * like a file sent through the app; a second arrival of the same redirect records nothing new.
     */
    async completeUpload(
      user: User,
      eventId: string,
      input: { id: string; title: string; guestId?: string; key: string },
    ): Promise<Material> {
      const event = await loadEvent(user, eventId, 'manage');
      const existing = await store.materials.get(eventId, input.id);
      if (existing) return existing;
      const prefix = materialKeyPrefix(eventId, input.id);
      if (!input.key.startsWith(prefix) || input.key.length === prefix.length)
        throw new DomainError('validation');
      const size = await files.size(input.key);
      if (size === undefined) throw new DomainError('not_found');
      const check = checkMaterialFile(input.key.slice(prefix.length), size);
      if (!check.ok) {
        await files.remove(input.key);
        throw new DomainError(check.code);
      }
      if (input.guestId && !(await store.guests.get(eventId, input.guestId)))
        throw new DomainError('not_found');
      return record(user, event, {
        id: input.id,
        eventId,
        title: input.title,
        fileName: check.fileName,
        contentType: check.contentType,
        size,
        uploadedAt: clock().toISOString(),
        objectKey: input.key,
        ...(input.guestId ? { guestId: input.guestId } : {}),
      });
    },

    async remove(user: User, eventId: string, materialId: string): Promise<void> {
      const event = await loadEvent(user, eventId, 'manage');
      const material = await store.materials.get(eventId, materialId);
      if (!material) return;
      await store.materials.remove(eventId, materialId);
      await files.remove(keyOf(material));
      await audit(store, user, clock(), {
        action: 'material.removed',
        targetType: 'event',
        targetId: event.id,
        eventId: event.id,
        detail: materialId,
      });
    },

    /**
     * The public download: only after the session has ended (before, the path is as unknown as a wrong one).
     * Signed-in staff who may read the session get it at any time, to check what they uploaded.
     */
    async download(eventId: string, materialId: string, user?: User) {
      const event = await store.events.get(eventId);
      if (!event) throw new DomainError('not_found');
      const staff = user ? canReadEvent(user, event) : false;
      if (!staff && !materialsOpen(event, clock())) throw new DomainError('not_found');
      const material = await store.materials.get(eventId, materialId);
      if (!material) throw new DomainError('not_found');
      const file = await files.open(keyOf(material), {
        fileName: material.fileName,
        contentType: material.contentType,
      });
      if (!file) throw new DomainError('not_found');
      return { material, file };
    },
  };
}

export type MaterialService = ReturnType<typeof createMaterialService>;
