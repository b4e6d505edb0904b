import * as z from 'zod/mini';
import { searchCooperatives } from '../../domain/cooperative-search';
import { DomainError } from '../../domain/errors';
import { isInvited } from '../../domain/registration';
import { type Cooperative, wholeNumber } from '../../domain/schemas';
import { searchNationally } from '../../services/national-search';
import { describeRoute } from '../describe-route';
import { publicFactory } from '../public-factory';
import { validate } from '../request';

const query = z.object({
  q: z._default(z.string().check(z.maxLength(100)), ''),
  district: z.optional(z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}$/))),
  regency: z.optional(z.string().check(z.regex(/^\d{2}\.\d{2}$/))),
  limit: z._default(wholeNumber(1, 200), 50),
  /** A session's id: only the cooperatives it invites (the registration form's search box). */
  event: z.optional(z.string().check(z.maxLength(40))),
});

const view = (cooperative: Cooperative) => ({
  id: cooperative.id,
  name: cooperative.name,
  villageCode: cooperative.villageCode,
  villageName: cooperative.villageName,
  villageType: cooperative.villageType,
  districtCode: cooperative.districtCode,
  districtName: cooperative.districtName,
});

/** Across the country the regency tells apart the many villages of the same name. */
const nationalView = (cooperative: Cooperative) => ({
  ...view(cooperative),
  regencyCode: cooperative.regencyCode,
  regencyName: cooperative.regencyName,
});

const searchDirectory = describeRoute({
  operationId: 'searchCooperatives',
  summary: 'Search the cooperative directory by village name',
  description:
    'Within a kecamatan or regency when given, among the cooperatives a session invites with `event`, otherwise ' +
    'across the country.',
  tag: 'Sessions',
  access: 'public',
  query,
  responses: { 200: 'cooperativeListResponse' },
  errors: [404],
});

export const apiCooperatives = publicFactory.createApp().get('/', searchDirectory, async (c) => {
  const { q, district, regency, limit, event: eventId } = validate(query, c.req.query(), c);
  const { store } = c.get('services');
  if (eventId) {
    const event = await store.events.get(eventId);
    if (!event?.published) throw new DomainError('not_found');
    const invited = (await store.cooperatives.listByRegency(event.regencyCode)).filter((coop) =>
      isInvited(event, coop),
    );
    return c.json({
      cooperatives: searchCooperatives(invited, { q, districtCode: district, limit }).map(view),
    });
  }
  // The regency comes from the kecamatan code when given; otherwise the word index searches the whole country.
  const regencyCode = regency ?? district?.slice(0, 5);
  if (!regencyCode)
    return c.json({ cooperatives: (await searchNationally(store, q, limit)).map(nationalView) });
  const directory = await store.cooperatives.listByRegency(regencyCode);
  return c.json({
    cooperatives: searchCooperatives(directory, { q, districtCode: district, limit }).map(view),
  });
});
