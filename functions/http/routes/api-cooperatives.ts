import { Hono } from 'hono';
import * as z from 'zod/mini';
import { searchCooperatives } from '../../domain/cooperative-search';
import { type Cooperative, wholeNumber } from '../../domain/schemas';
import type { AppEnv } from '../context';
import { validate } from '../request';

const query = z.object({
  q: z._default(z.string().check(z.maxLength(100)), ''),
  district: z.optional(z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}$/))),
  regency: z.optional(z.string().check(z.regex(/^\d{2}\.\d{2}$/))),
  limit: z._default(wholeNumber(1, 200), 50),
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

export const apiCooperatives = new Hono<AppEnv>().get('/', async (c) => {
  const { q, district, regency, limit } = validate(query, c.req.query(), c);
  const { store } = c.get('services');
  // The regency comes from the kecamatan code when given; otherwise search every seeded regency.
  const regencyCode = regency ?? district?.slice(0, 5);
  const regencies = regencyCode
    ? [regencyCode]
    : (await store.cooperatives.listRegencies()).map((r) => r.code);
  const directory = (
    await Promise.all(regencies.map((code) => store.cooperatives.listByRegency(code)))
  ).flat();
  return c.json({
    cooperatives: searchCooperatives(directory, { q, districtCode: district, limit }).map(view),
  });
});
