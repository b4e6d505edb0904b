/**
 * The keys of a session's guests and materials (guests-repo.ts, materials-repo.ts), beside the table's other keys
 * in keys.ts. Both live in the session's own partition, so a session's list is one query:
 *
 * 110. A session's guests (officials, speakers); all of them (begins_with GUEST#) .. pk=EVENT#<eventId> sk=GUEST#<guestId>
 * 111. A session's materials; all of them (begins_with MATERIAL#) ................. pk=EVENT#<eventId> sk=MATERIAL#<materialId>
 */
import { DomainError } from '../domain/errors';

const MAX_PART = 128;
/** An id no longer than any we make is no id of ours: refused as unknown rather than sent to DynamoDB. */
const part = (value: string) => {
  if (value.length > MAX_PART) throw new DomainError('not_found');
  return value;
};

export const guestKeys = {
  guest: (eventId: string, guestId: string) => ({
    pk: `EVENT#${part(eventId)}`,
    sk: `GUEST#${part(guestId)}`,
  }),
  guestsOf: (eventId: string) => ({ pk: `EVENT#${part(eventId)}`, skPrefix: 'GUEST#' }),
  material: (eventId: string, materialId: string) => ({
    pk: `EVENT#${part(eventId)}`,
    sk: `MATERIAL#${part(materialId)}`,
  }),
  materialsOf: (eventId: string) => ({ pk: `EVENT#${part(eventId)}`, skPrefix: 'MATERIAL#' }),
};
