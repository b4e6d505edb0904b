import type { Context } from 'hono';
import type { Actor } from '../../domain/accounts';
import {
  type CheckinRequest,
  checkinBatch,
  checkinRequest,
  substituteRequest,
  walkInRequest,
} from '../../domain/checkin';
import type { PublicEnv } from '../context';
import { describeRoute } from '../describe-route';
import { errorBody } from '../error-handler';
import { publicFactory } from '../public-factory';
import { readJson, validate } from '../request';
import { authorizeCheckin } from '../station-auth';

/** How a check-in is attributed on screen and in the daftar hadir: the station's name, or the organizer's. */
const stationName = (actor: Actor) =>
  actor.kind === 'station' ? actor.station.name : actor.user.name || actor.user.email;

async function authorized(c: Context<PublicEnv>) {
  const eventId = c.req.param('eventId') ?? '';
  const actor = await authorizeCheckin(c, eventId);
  return { eventId, station: stationName(actor), checkins: c.get('services').checkins };
}

const checkIn = describeRoute({
  operationId: 'checkIn',
  summary: 'Check in a ticket (or an officer by id) at the door',
  description: 'A repeated scan answers `alreadyCheckedIn: true` with the first check-in’s time and station.',
  tag: 'Door',
  access: 'door',
  body: checkinRequest,
  responses: { 200: 'checkinEnvelope' },
  errors: [404, 409],
});

const checkInBatch = describeRoute({
  operationId: 'checkInBatch',
  summary: 'Sync the scans a door device queued offline',
  description:
    'Each scan answers on its own, in order, with its `clientId`: one refused scan does not stop the rest.',
  tag: 'Door',
  access: 'door',
  body: checkinBatch,
  responses: { 200: 'checkinBatchResponse' },
  errors: [404],
});

const undoCheckin = describeRoute({
  operationId: 'undoCheckin',
  summary: 'Undo an officer’s check-in',
  tag: 'Door',
  access: 'door',
  responses: { 200: 'undoneResponse' },
  errors: [404],
});

const walkIn = describeRoute({
  operationId: 'checkInWalkIn',
  summary: 'Seat and check in someone of an invited cooperative who did not register',
  tag: 'Door',
  access: 'door',
  body: walkInRequest,
  responses: { 201: 'checkinEnvelope' },
  errors: [404, 409],
});

const substitute = describeRoute({
  operationId: 'checkInSubstitute',
  summary: 'Check in someone in place of a registered officer',
  tag: 'Door',
  access: 'door',
  body: substituteRequest,
  responses: { 201: 'checkinEnvelope' },
  errors: [404, 409],
});

const attendance = describeRoute({
  operationId: 'getAttendance',
  summary: 'Attendance counts, per kecamatan too, and scans from more than one station',
  tag: 'Door',
  access: 'door',
  responses: { 200: 'attendanceResponse' },
  errors: [404],
});

const doorRoster = describeRoute({
  operationId: 'getDoorRoster',
  summary:
    'What a door device keeps for offline check-in: officers (phones masked, ticket hashes) and cooperatives',
  tag: 'Door',
  access: 'door',
  responses: { 200: 'doorRosterResponse' },
  errors: [404],
});

/** The door: for the session's enrolled stations and its organizers only. */
export const apiCheckins = publicFactory
  .createApp()
  .post('/:eventId/checkins', checkIn, async (c) => {
    // The scan at the door: the station's token and the ticket are looked up at the same time, one round trip
    // saved per scan. A caller who may not check in still gets 401/403 first, whatever the body.
    const access = authorized(c);
    access.catch(() => undefined); // awaited below; this only keeps an early rejection from going unhandled
    let request: CheckinRequest;
    try {
      request = validate(checkinRequest, await readJson(c), c);
    } catch (error) {
      await access;
      throw error;
    }
    const eventId = c.req.param('eventId');
    const checkin = await c.get('services').checkins.checkIn(
      eventId,
      request,
      access.then((granted) => granted.station),
    );
    return c.json({ checkin });
  })
  .post('/:eventId/checkins/batch', checkInBatch, async (c) => {
    const { eventId, station, checkins } = await authorized(c);
    const { checkins: requests } = validate(checkinBatch, await readJson(c), c);
    const results = await checkins.checkInBatch(eventId, requests, station);
    return c.json({
      results: results.map((result) =>
        result.ok
          ? result
          : {
              clientId: result.clientId,
              ok: false,
              error: errorBody(result.error, c.get('language')).body.error,
            },
      ),
    });
  })
  .delete('/:eventId/checkins/:participantId', undoCheckin, async (c) => {
    const { eventId, checkins } = await authorized(c);
    const undone = await checkins.undo(eventId, c.req.param('participantId'));
    return c.json({ undone: { participantId: undone.participantId, checkedInAt: undone.checkedInAt } });
  })
  .post('/:eventId/walk-ins', walkIn, async (c) => {
    const { eventId, station, checkins } = await authorized(c);
    const request = validate(walkInRequest, await readJson(c), c);
    return c.json({ checkin: await checkins.walkIn(eventId, request, station) }, 201);
  })
  .post('/:eventId/substitutes', substitute, async (c) => {
    const { eventId, station, checkins } = await authorized(c);
    const request = validate(substituteRequest, await readJson(c), c);
    return c.json({ checkin: await checkins.substitute(eventId, request, station) }, 201);
  })
  .get('/:eventId/attendance', attendance, async (c) => {
    const { eventId, checkins } = await authorized(c);
    return c.json(await checkins.attendance(eventId));
  })
  .get('/:eventId/roster', doorRoster, async (c) => {
    const { eventId, checkins } = await authorized(c);
    c.header('Cache-Control', 'no-store');
    const { entries, cooperatives, checkinWindow } = await checkins.roster(eventId);
    return c.json({ roster: entries, cooperatives, checkinWindow, at: new Date().toISOString() });
  });
