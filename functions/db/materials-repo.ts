import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Material } from '../domain/materials';
import type { DocumentClient } from './client';
import { isConditionFailure } from './errors';
import { guestKeys } from './guest-keys';
import { LIST_PAGE_SIZE } from './guests-repo';
import { withoutKeys } from './keys';
import { queryAll } from './paging';

/** A session's speaker materials (guest-keys.ts, 111): what was uploaded; the bytes live in the file store. */
export function createMaterialsRepo(doc: DocumentClient, tableName: string) {
  async function get(eventId: string, materialId: string): Promise<Material | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: guestKeys.material(eventId, materialId) }),
    );
    return Item ? (withoutKeys(Item) as Material) : undefined;
  }

  /** Every material of the session, oldest upload first. */
  async function list(eventId: string): Promise<Material[]> {
    const { pk, skPrefix } = guestKeys.materialsOf(eventId);
    const items = await queryAll(doc, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      Limit: LIST_PAGE_SIZE,
    });
    return items
      .map((item) => withoutKeys(item) as Material)
      .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.id.localeCompare(b.id));
  }

  /** Records an upload once: a retry with the same id keeps the first record. */
  async function add(material: Material): Promise<Material> {
    try {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...guestKeys.material(material.eventId, material.id), ...material },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return material;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await get(material.eventId, material.id)) ?? material;
    }
  }

  async function remove(eventId: string, materialId: string): Promise<void> {
    await doc.send(new DeleteCommand({ TableName: tableName, Key: guestKeys.material(eventId, materialId) }));
  }

  return { get, list, add, remove };
}

export type MaterialsRepo = ReturnType<typeof createMaterialsRepo>;
