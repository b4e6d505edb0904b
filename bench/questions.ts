import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { questionKeys } from '../functions/db/question-keys';
import type { User } from '../functions/domain/accounts';
import { createQuestionService } from '../functions/services/questions';
import { benchEvent, type Environment } from './environment';
import { check, type Figure, round } from './lib';

/**
 * Tanya jawab in a hall, on a simulated clock: 400 phones and the projector poll the board every 5 s while 100
 * questions arrive over 5 minutes, are moderated (most approved, some hidden, a few merged), pinned, answered and
 * voted on (two votes per phone, a tenth of them sent twice). Polls call the board service directly, the number of
 * times 400 phones would, spread over LAMBDA_INSTANCES services with their own in-memory cache as Lambda instances
 * have; every DynamoDB call is metered (bench/consumed-capacity.ts).
 *
 * Prices: ap-southeast-3 (Jakarta) on demand, $0.25 per million read and $1.25 per million write request units.
 */
const PHONES = 400;
const POLL_SECONDS = 5;
const MINUTES = 5;
const QUESTIONS = 100;
const VOTES_PER_PHONE = 2;
const LAMBDA_INSTANCES = 4;
const SESSION_MINUTES = 120;
export const QA_PRICE = { rru: 0.25e-6, wru: 1.25e-6 };
export const QA_BUDGET_USD = 0.01;

export async function questionSession(env: Environment): Promise<Figure[]> {
  const event = benchEvent();
  await env.store.events.put(event);
  let now = Date.parse(event.startsAt);
  const clock = () => new Date(now);
  const instances = Array.from({ length: LAMBDA_INSTANCES }, () => createQuestionService(env.store, clock));
  const moderator = instances[0] as ReturnType<typeof createQuestionService>;
  const organizer = {
    id: 'bench-organizer',
    email: 'bench@hadir.test',
    name: 'Bench',
    role: 'admin',
    active: true,
    language: 'id',
    createdAt: event.createdAt,
    updatedAt: event.createdAt,
  } as User;

  const polls = { count: 0, read: 0 };
  const activity = { read: 0, write: 0 };
  const asked: string[] = [];
  const approved: string[] = [];
  let votesSent = 0;
  const voteSchedule = PHONES * VOTES_PER_PHONE;
  for (let second = 0; second < MINUTES * 60; second++) {
    now += 1_000;
    // Every phone polls once per POLL_SECONDS: this second's share, round-robin over the instances.
    const pollsNow =
      Math.round(((second + 1) * PHONES) / POLL_SECONDS) - Math.round((second * PHONES) / POLL_SECONDS);
    const measured = await env.meter.measure(async () => {
      for (let i = 0; i < pollsNow; i++)
        await instances[(polls.count + i) % LAMBDA_INSTANCES]?.board(event.id);
    });
    polls.count += pollsNow;
    polls.read += measured.read;

    const work = await env.meter.measure(async () => {
      // A question every 3 s; the moderator handles each 6 s later.
      if (second % 3 === 0 && asked.length < QUESTIONS) {
        const { question } = await (instances[second % LAMBDA_INSTANCES] as typeof moderator).ask(event.id, {
          id: randomUUID(),
          text: `Pertanyaan ${asked.length + 1}: bagaimana koperasi desa mengurus izin usaha dan rekening bank?`,
          deviceId: randomUUID(),
        });
        asked.push(question.id);
      }
      if (second % 3 === 2 && asked.length > approved.length + 1) {
        const index = approved.length;
        const id = asked[index] as string;
        if (index % 10 === 9) await moderator.moderate(organizer, event.id, id, 'hide');
        else if (index % 10 === 8 && approved.length)
          await moderator.moderate(organizer, event.id, id, 'merge', approved[0]);
        else await moderator.moderate(organizer, event.id, id, 'approve');
        approved.push(id);
      }
      if (second % 30 === 29 && approved.length > 2) {
        const standing = approved.filter((_, i) => i % 10 < 8);
        await moderator.moderate(organizer, event.id, standing[standing.length - 1] as string, 'pin');
        await moderator.moderate(organizer, event.id, standing[0] as string, 'answered').catch(() => {});
      }
      // Votes spread over the five minutes, on approved questions, a tenth of them sent twice.
      const due = Math.round(((second + 1) * voteSchedule) / (MINUTES * 60));
      const standing = approved.filter((_, i) => i % 10 < 8);
      while (votesSent < due && standing.length) {
        const target = standing[(votesSent * 7) % standing.length] as string;
        const deviceId = `phone-${String(votesSent % PHONES).padStart(4, '0')}-${Math.floor(votesSent / PHONES)}`;
        const service = instances[votesSent % LAMBDA_INSTANCES] as typeof moderator;
        await service.vote(event.id, target, { deviceId });
        if (votesSent % 10 === 0) await service.vote(event.id, target, { deviceId });
        votesSent++;
      }
    });
    activity.read += work.read;
    activity.write += work.write;
  }

  // The floor: one eventually consistent GetItem of the board item as it stands now, straight from the client.
  const floor = await env.meter.measure(() =>
    env.doc.send(new GetCommand({ TableName: env.tableName, Key: questionKeys.board(event.id) })),
  );
  const perPoll = polls.read / polls.count;
  const pollRruPerMinute = polls.read / MINUTES;
  const rruPerMinute = (polls.read + activity.read) / MINUTES;
  const wruPerMinute = activity.write / MINUTES;
  // A session: the polling for all of its two hours, and the question traffic measured here once (100 questions).
  const sessionUsd =
    pollRruPerMinute * SESSION_MINUTES * QA_PRICE.rru +
    activity.read * QA_PRICE.rru +
    activity.write * QA_PRICE.wru;
  const sustainedUsd = (rruPerMinute * QA_PRICE.rru + wruPerMinute * QA_PRICE.wru) * SESSION_MINUTES;
  const ratio = perPoll / floor.read;
  return [
    {
      name: 'floor: one GetItem of the board item',
      value: floor.read,
      unit: 'RRU',
      note: 'eventually consistent, from the client alone; information only',
    },
    {
      name: `tanya jawab: ${PHONES} phones polling every ${POLL_SECONDS} s`,
      value: round(pollRruPerMinute, 2),
      unit: 'RRU/min',
      note: `${polls.count} polls in ${MINUTES} min over ${LAMBDA_INSTANCES} instances (simulated clock, service called directly)`,
    },
    {
      name: 'tanya jawab: board read per poll / one GetItem',
      value: ratio,
      unit: 'x',
      ...check(ratio, { max: 0.05 }),
      note: 'the in-memory cache (2 s) and one small item keep polls cheap',
    },
    {
      name: `tanya jawab: ${QUESTIONS} questions in ${MINUTES} min, moderated and voted`,
      value: `${round(activity.read / MINUTES, 1)} RRU + ${round(wruPerMinute, 1)} WRU`,
      unit: 'per min',
      note: `${votesSent} votes (+${Math.ceil(votesSent / 10)} repeats), pins and answers; ${round(activity.read, 0)} RRU + ${round(activity.write, 0)} WRU in all`,
    },
    {
      name: 'tanya jawab: 2-hour session, DynamoDB on demand',
      value: round(sessionUsd * 100, 3),
      unit: 'US cents',
      ...check(sessionUsd * 100, { max: QA_BUDGET_USD * 100 }),
      note: `polling for ${SESSION_MINUTES} min + the 100 questions once; $0.25/M RRU, $1.25/M WRU (ap-southeast-3)`,
    },
    {
      name: 'tanya jawab: questions at that rate for all 2 hours',
      value: round(sustainedUsd * 100, 2),
      unit: 'US cents',
      note: `${round((QUESTIONS * SESSION_MINUTES) / MINUTES, 0)} questions: an upper bound; information only`,
    },
  ];
}
