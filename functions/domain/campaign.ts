import * as z from 'zod/mini';
import { type EventRecord, text, wholeNumber } from './schemas';

/**
 * Follow-up campaigns: a template, an audience segment and a send time, either absolute or relative to
 * the session's start or end. Relative times are never stored as instants: the runner computes them from the
 * session as it is when it runs, so moving a session moves its campaigns.
 */
export const campaignKinds = [
  'reminder',
  'thanks',
  'absentee_materials',
  'invitation',
  'cooperative_followup',
] as const;
export type CampaignKind = (typeof campaignKinds)[number];

export const segments = [
  'attended',
  'absent',
  'invited_not_registered',
  'ba_cooperatives',
  'all_registered',
] as const;
export type Segment = (typeof segments)[number];

export const campaignStatuses = ['scheduled', 'paused', 'cancelled', 'running', 'done'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

const link = z.object({
  label: text(120, 1),
  url: text(500).check(z.refine((value) => /^https?:\/\//.test(value), { error: 'invalid_url' })),
});
export type MaterialLink = z.infer<typeof link>;

export const sendAt = z.discriminatedUnion('type', [
  z.object({ type: z.literal('absolute'), at: z.iso.datetime({ offset: true }) }),
  z.object({
    type: z.literal('relative'),
    anchor: z.enum(['start', 'end']),
    /** Minutes after the anchor; negative is before (H-1 is -1440 from the start). */
    offsetMinutes: wholeNumber(-60 * 24 * 60, 60 * 24 * 60),
  }),
]);
export type SendAt = z.infer<typeof sendAt>;

export const campaignInput = z
  .object({
    kind: z.enum(campaignKinds),
    segment: z.enum(segments),
    /** Only for `ba_cooperatives`: whose cooperatives. */
    baUserId: z.optional(text(40)),
    sendAt,
    name: z.optional(text(120)),
    /** An organizer's own paragraph, shown above the template's text. */
    message: z.optional(text(3000)),
    materials: z._default(z.array(link).check(z.maxLength(10)), []),
    /** The session to point absentees and uninvited cooperatives to; default: the next one of the regency. */
    nextEventId: z.optional(text(40)),
  })
  .check(
    z.refine((value) => value.segment !== 'ba_cooperatives' || !!value.baUserId, {
      error: 'required',
      path: ['baUserId'],
    }),
  );
export type CampaignInput = z.infer<typeof campaignInput>;

export type Campaign = Omit<CampaignInput, 'materials'> & {
  id: string;
  eventId: string;
  materials: MaterialLink[];
  status: CampaignStatus;
  /** Default campaigns are created with every session and may be edited or switched off (paused/cancelled). */
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  startedAt?: string;
  finishedAt?: string;
  /** Recipients found when the run started (the audience is computed at send time, not when scheduled). */
  audienceSize?: number;
  version: number;
};

/** Which kinds a recipient may refuse: all campaign kinds. Tickets and changes stay transactional. */
export const isNonTransactional = (kind: string) => (campaignKinds as readonly string[]).includes(kind);

/**
 * Emails to those who attended (thanks, with the certificate) say the officer "telah menghadiri" the session: they
 * never leave before it ended, whatever time they were scheduled for.
 */
export const speaksOfAttendance = (campaign: Partial<Pick<Campaign, 'kind' | 'segment'>>) =>
  campaign.kind === 'thanks' || campaign.segment === 'attended';

/** When the campaign is due, from the session as it is now. */
export function dueAt(
  campaign: Pick<Campaign, 'sendAt'> & Partial<Pick<Campaign, 'kind' | 'segment'>>,
  event: Pick<EventRecord, 'startsAt' | 'endsAt'>,
): Date {
  const when = campaign.sendAt;
  const scheduled =
    when.type === 'absolute'
      ? Date.parse(when.at)
      : Date.parse(when.anchor === 'start' ? event.startsAt : event.endsAt) + when.offsetMinutes * 60_000;
  if (!speaksOfAttendance(campaign)) return new Date(scheduled);
  return new Date(Math.max(scheduled, Date.parse(event.endsAt)));
}

export const isDue = (
  campaign: Pick<Campaign, 'sendAt'> & Partial<Pick<Campaign, 'kind' | 'segment'>>,
  event: Pick<EventRecord, 'startsAt' | 'endsAt'>,
  now: Date,
) => dueAt(campaign, event).getTime() <= now.getTime();

/** The campaigns every new session gets; organizers edit or switch them off. */
export function defaultCampaignInputs(): CampaignInput[] {
  return [
    {
      kind: 'reminder',
      segment: 'all_registered',
      sendAt: { type: 'relative', anchor: 'start', offsetMinutes: -24 * 60 },
      name: 'Pengingat H-1',
      materials: [],
    },
    {
      kind: 'thanks',
      segment: 'attended',
      sendAt: { type: 'relative', anchor: 'end', offsetMinutes: 120 },
      name: 'Terima kasih dan langkah berikutnya',
      materials: [],
    },
    {
      kind: 'absentee_materials',
      segment: 'absent',
      sendAt: { type: 'relative', anchor: 'end', offsetMinutes: 180 },
      name: 'Materi untuk yang berhalangan hadir',
      materials: [],
    },
  ];
}

/** The kind a segment normally gets, for the console's defaults. */
export const defaultKindFor: Record<Segment, CampaignKind> = {
  attended: 'thanks',
  absent: 'absentee_materials',
  invited_not_registered: 'invitation',
  ba_cooperatives: 'cooperative_followup',
  all_registered: 'reminder',
};
