import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CooperativeTruth,
  type CoverageFigures,
  districtOf,
  FIGURE_PREFIX,
  type Figure,
  provinceOf,
  type SessionCount,
  sameSessionCount,
  sessionChanges,
} from '../domain/coverage';
import type { EventRecord } from '../domain/schemas';
import type { DocumentClient } from './client';
import { COVERAGE_DUE, coverageKeys } from './coverage-keys';
import { GSI1, regencyOf, withoutKeys } from './keys';
import { queryAll } from './paging';
import { type TransactItem, transact } from './transactions';

type Item = Record<string, unknown>;
type Key = { pk: string; sk: string };

/** Where a cooperative stands: how many active registrations and checked-in officers its marks count. */
export type CooperativeState = {
  cooperativeId: string;
  districtCode: string;
  registrations: number;
  checkins: number;
  version: number;
};

/** The figures a regency contributes, recounted from the registrations, check-ins and sessions themselves. */
export type RegencyTruth = {
  /** Per kecamatan: cooperatives registered, briefed. */
  registered: Map<string, number>;
  briefed: Map<string, number>;
  /** Per kecamatan (or WHOLE_REGENCY): sessions held, planned. */
  held: Map<string, number>;
  planned: Map<string, number>;
  /** The regency's own session totals (each session once). */
  sessions: Pick<CoverageFigures, 'held' | 'planned'>;
};

const MAX_ATTEMPTS = 25;
/** DynamoDB refuses an empty ExpressionAttributeNames, as for a regency loaded without its kecamatan. */
const namesOf = (names: Record<string, string>) =>
  Object.keys(names).length ? { ExpressionAttributeNames: names } : {};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const backoff = (attempt: number) => sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));

/**
 * The coverage counters (access patterns 100-104). Every change to a figure is one transaction with the mark that
 * makes it happen once: a stream record delivered twice, or a worker killed and restarted, finds its mark and
 * changes nothing. The nation, province and regency items change together, so a page never reads a province that
 * disagrees with its regencies. Each regency item carries `cv`, moved by every change of what the regency
 * contributes, so a recount can tell that nothing moved under it.
 */
export function createCoverageRepo(doc: DocumentClient, tableName: string) {
  /** ADD updates on the three levels for a set of (figure, child code) changes of one regency. */
  function counterUpdates(
    regencyCode: string,
    regencyChanges: { figure: Figure; code: string; delta: number }[],
    upperChanges: { figure: Figure; delta: number }[],
  ): TransactItem[] {
    const levels: [Key, Map<string, number>][] = [
      [coverageKeys.regency(regencyCode), new Map()],
      [coverageKeys.province(provinceOf(regencyCode)), new Map()],
      [coverageKeys.nation(), new Map()],
    ];
    const bump = (map: Map<string, number>, attribute: string, delta: number) =>
      map.set(attribute, (map.get(attribute) ?? 0) + delta);
    for (const { figure, code, delta } of regencyChanges)
      bump((levels[0] as [Key, Map<string, number>])[1], `${FIGURE_PREFIX[figure]}#${code}`, delta);
    for (const { figure, delta } of upperChanges) {
      bump((levels[1] as [Key, Map<string, number>])[1], `${FIGURE_PREFIX[figure]}#${regencyCode}`, delta);
      bump(
        (levels[2] as [Key, Map<string, number>])[1],
        `${FIGURE_PREFIX[figure]}#${provinceOf(regencyCode)}`,
        delta,
      );
    }
    return levels.flatMap(([Key, changes], level) => {
      const entries = [...changes].filter(([, delta]) => delta !== 0);
      if (level === 0) entries.push(['cv', 1]);
      if (!entries.length) return [];
      return [
        {
          Update: {
            TableName: tableName,
            Key,
            UpdateExpression: `ADD ${entries.map((_, i) => `#a${i} :v${i}`).join(', ')}`,
            ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name])),
            ExpressionAttributeValues: Object.fromEntries(entries.map(([, delta], i) => [`:v${i}`, delta])),
          },
        },
      ];
    });
  }

  async function getItem(Key: Key, consistent = false): Promise<Item | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key, ConsistentRead: consistent }),
    );
    return Item;
  }

  async function state(cooperativeId: string): Promise<CooperativeState> {
    const item = await getItem(coverageKeys.ofCooperative(cooperativeId), true);
    return {
      cooperativeId,
      districtCode: districtOf(cooperativeId),
      registrations: Number(item?.registrations ?? 0),
      checkins: Number(item?.checkins ?? 0),
      version: Number(item?.version ?? 0),
    };
  }

  const stateWrite = (next: CooperativeState, seenVersion: number): TransactItem => ({
    Put: {
      TableName: tableName,
      Item: {
        ...coverageKeys.ofCooperative(next.cooperativeId),
        cooperativeId: next.cooperativeId,
        districtCode: next.districtCode,
        registrations: next.registrations,
        checkins: next.checkins,
        version: seenVersion + 1,
      },
      ConditionExpression: 'attribute_not_exists(pk) OR version = :seen',
      ExpressionAttributeValues: { ':seen': seenVersion },
    },
  });

  /** registered / briefed changes between two states of a cooperative (0 or 1 figure each). */
  function flagChanges(before: CooperativeState, after: CooperativeState) {
    const changes: { figure: Figure; code: string; delta: number }[] = [];
    const flag = (figure: Figure, was: number, now: number) => {
      const delta = Number(now > 0) - Number(was > 0);
      if (delta) changes.push({ figure, code: after.districtCode, delta });
    };
    flag('registered', before.registrations, after.registrations);
    flag('briefed', before.checkins, after.checkins);
    return changes;
  }

  /**
   * Sessions counted as planned whose end has passed, with where each is counted, for a page to read them as
   * held, for a page to read them as held. A due item written before it carried
   * its count is completed from the session's own count item.
   */
  async function endedPlannedCounts(
    now: Date,
  ): Promise<{ eventId: string; regencyCode: string; districts: string[] }[]> {
    const items = await queryAll(doc, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :due AND sk < :now',
      ExpressionAttributeValues: { ':due': COVERAGE_DUE, ':now': `${now.toISOString()}$` },
    });
    const counts = await Promise.all(
      items.map(async (item) => {
        const eventId = String(item.eventId);
        if (typeof item.regencyCode === 'string' && Array.isArray(item.districts))
          return { eventId, regencyCode: item.regencyCode, districts: item.districts.map(String) };
        const counted = (await getItem(coverageKeys.session(eventId)))?.count as SessionCount | undefined;
        return counted?.state === 'planned'
          ? { eventId, regencyCode: counted.regencyCode, districts: counted.districts }
          : undefined;
      }),
    );
    return counts.filter((count) => count !== undefined);
  }

  return {
    /**
     * Counts (`present`) or uncounts one registration or check-in of a cooperative. False when it already was:
     * its mark tells.
     */
    async mark(
      cooperativeId: string,
      kind: 'registrations' | 'checkins',
      mark: string,
      present: boolean,
    ): Promise<boolean> {
      const regencyCode = regencyOf(cooperativeId);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const before = await state(cooperativeId);
        const after = { ...before, [kind]: Math.max(0, before[kind] + (present ? 1 : -1)) };
        const changes = flagChanges(before, after);
        const markKey = coverageKeys.mark(cooperativeId, mark);
        const result = await transact(doc, [
          present
            ? {
                Put: {
                  TableName: tableName,
                  Item: { ...markKey, cooperativeId },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              }
            : { Delete: { TableName: tableName, Key: markKey, ConditionExpression: 'attribute_exists(pk)' } },
          stateWrite(after, before.version),
          ...(changes.length ? counterUpdates(regencyCode, changes, changes) : []),
        ]);
        if (result.ok) return true;
        if (result.failed.includes(0)) return false;
        await backoff(attempt); // another change of this cooperative came first: read it and try again
      }
      throw new Error(`coverage of ${cooperativeId} kept changing`);
    },

    /** Moves a session to how it should now be counted; false when it already is. */
    async countSession(eventId: string, count: SessionCount): Promise<boolean> {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const marker = await getItem(coverageKeys.session(eventId), true);
        const seen = Number(marker?.version ?? 0);
        const before = marker?.count as SessionCount | undefined;
        if (sameSessionCount(before, count)) return false;
        const items: TransactItem[] = [
          {
            Put: {
              TableName: tableName,
              Item: { ...coverageKeys.session(eventId), eventId, count, version: seen + 1 },
              ConditionExpression: 'attribute_not_exists(pk) OR version = :seen',
              ExpressionAttributeValues: { ':seen': seen },
            },
          },
        ];
        const dueBefore = before?.state === 'planned' ? before.endsAt : undefined;
        const dueAfter = count.state === 'planned' ? count.endsAt : undefined;
        if (dueBefore !== dueAfter) {
          if (dueBefore)
            items.push({ Delete: { TableName: tableName, Key: coverageKeys.due(dueBefore, eventId) } });
          if (dueAfter)
            items.push({
              // The count rides along so a page can read an ended session as held without writing.
              Put: {
                TableName: tableName,
                Item: {
                  ...coverageKeys.due(dueAfter, eventId),
                  eventId,
                  regencyCode: count.regencyCode,
                  districts: count.districts,
                },
              },
            });
        }
        // A session moved to another regency changes both; each regency's items in their own updates.
        const byRegency = new Map<string, ReturnType<typeof sessionChanges>>();
        for (const change of sessionChanges(before, count))
          byRegency.set(change.regencyCode, [...(byRegency.get(change.regencyCode) ?? []), change]);
        for (const [regencyCode, changes] of byRegency) {
          items.push(
            ...counterUpdates(
              regencyCode,
              changes.flatMap((c) =>
                c.districts.map((code) => ({ figure: c.state as Figure, code, delta: c.delta })),
              ),
              changes.map((c) => ({ figure: c.state as Figure, delta: c.delta })),
            ),
          );
        }
        const result = await transact(doc, items);
        if (result.ok) return true;
        await backoff(attempt);
      }
      throw new Error(`coverage of session ${eventId} kept changing`);
    },

    /** Sessions counted as planned whose end has passed: few, since the stream worker moves them. */
    async endedPlannedSessions(now: Date): Promise<string[]> {
      return (await endedPlannedCounts(now)).map((ended) => ended.eventId);
    },

    endedPlannedCounts,

    /** How a session is counted now (undefined: never counted). */
    async sessionCountOf(eventId: string): Promise<SessionCount | undefined> {
      return (await getItem(coverageKeys.session(eventId), true))?.count as SessionCount | undefined;
    },

    /**
     * The directory's size per kecamatan, and the names of the regency, its kecamatan and its province. Loading a
     * regency again changes the figures by the difference only.
     */
    async recordDirectory(
      regency: {
        code: string;
        name: string;
        provinceName: string;
        districts: { code: string; name: string }[];
      },
      perDistrict: Map<string, number>,
    ): Promise<void> {
      const total = [...perDistrict.values()].reduce((a, b) => a + b, 0);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const current = await getItem(coverageKeys.regency(regency.code), true);
        const previous = Number(current?.dirTotal ?? 0);
        const names: Record<string, string> = {};
        const values: Record<string, unknown> = { ':total': total, ':previous': previous };
        const sets = ['dirTotal = :total'];
        regency.districts.forEach((district, i) => {
          names[`#d${i}`] = `dir#${district.code}`;
          names[`#n${i}`] = `name#${district.code}`;
          values[`:d${i}`] = perDistrict.get(district.code) ?? 0;
          values[`:n${i}`] = district.name;
          sets.push(`#d${i} = :d${i}`, `#n${i} = :n${i}`);
        });
        const delta = total - previous;
        const upper = (Key: Key, code: string, name: string): TransactItem => ({
          Update: {
            TableName: tableName,
            Key,
            UpdateExpression: `SET #name = :name${delta ? ' ADD #dir :delta' : ''}`,
            ExpressionAttributeNames: {
              '#name': `name#${code}`,
              ...(delta ? { '#dir': `dir#${code}` } : {}),
            },
            ExpressionAttributeValues: { ':name': name, ...(delta ? { ':delta': delta } : {}) },
          },
        });
        const result = await transact(doc, [
          {
            Update: {
              TableName: tableName,
              Key: coverageKeys.regency(regency.code),
              UpdateExpression: `SET ${sets.join(', ')}`,
              ConditionExpression:
                'attribute_not_exists(dirTotal) AND :previous = :zero OR dirTotal = :previous',
              ...namesOf(names),
              ExpressionAttributeValues: { ...values, ':zero': 0 },
            },
          },
          upper(coverageKeys.province(provinceOf(regency.code)), regency.code, regency.name),
          upper(coverageKeys.nation(), provinceOf(regency.code), regency.provinceName),
        ]);
        if (result.ok) return;
        await backoff(attempt);
      }
      throw new Error(`directory figures of ${regency.code} kept changing`);
    },

    /**
     * The same figures set outright, for a bulk load: the regency item and the regency's attributes on its
     * province item, in plain updates of their own attributes, so many regencies load side by side without
     * conflicting. The nation's figure of the province follows from `settleProvinceDirectory`.
     */
    async setDirectory(
      regency: { code: string; name: string; districts: { code: string; name: string }[] },
      perDistrict: Map<string, number>,
    ): Promise<void> {
      const total = [...perDistrict.values()].reduce((a, b) => a + b, 0);
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':total': total };
      const sets = ['dirTotal = :total'];
      regency.districts.forEach((district, i) => {
        names[`#d${i}`] = `dir#${district.code}`;
        names[`#n${i}`] = `name#${district.code}`;
        values[`:d${i}`] = perDistrict.get(district.code) ?? 0;
        values[`:n${i}`] = district.name;
        sets.push(`#d${i} = :d${i}`, `#n${i} = :n${i}`);
      });
      await Promise.all([
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: coverageKeys.regency(regency.code),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ...namesOf(names),
            ExpressionAttributeValues: values,
          }),
        ),
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: coverageKeys.province(provinceOf(regency.code)),
            UpdateExpression: 'SET #dir = :total, #name = :name',
            ExpressionAttributeNames: { '#dir': `dir#${regency.code}`, '#name': `name#${regency.code}` },
            ExpressionAttributeValues: { ':total': total, ':name': regency.name },
          }),
        ),
      ]);
    },

    /** Sets the nation's directory figure of a province to the sum of its regencies', as its item holds them. */
    async settleProvinceDirectory(provinceCode: string, provinceName: string): Promise<number> {
      const item = (await getItem(coverageKeys.province(provinceCode), true)) ?? {};
      const total = Object.entries(item)
        .filter(
          ([name, value]) => name.startsWith(`${FIGURE_PREFIX.directory}#`) && typeof value === 'number',
        )
        .reduce((sum, [, value]) => sum + Number(value), 0);
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: coverageKeys.nation(),
          UpdateExpression: 'SET #dir = :total, #name = :name',
          ExpressionAttributeNames: { '#dir': `dir#${provinceCode}`, '#name': `name#${provinceCode}` },
          ExpressionAttributeValues: { ':total': total, ':name': provinceName },
        }),
      );
      return total;
    },

    /** A level's counter item (nation, province or regency), as stored; undefined before anything was counted. */
    nation: () => getItem(coverageKeys.nation()),
    province: (provinceCode: string) => getItem(coverageKeys.province(provinceCode)),
    regency: (regencyCode: string) => getItem(coverageKeys.regency(regencyCode)),

    /** Every counted cooperative of a regency (those never registered have no state). */
    async cooperativeStates(regencyCode: string, { consistent = false } = {}): Promise<CooperativeState[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :cover)',
        ExpressionAttributeValues: { ':pk': `REGENCY#${regencyCode}`, ':cover': 'COVER#' },
        ConsistentRead: consistent,
      });
      return items.map((item) => ({
        cooperativeId: String(item.cooperativeId),
        districtCode: String(item.districtCode),
        registrations: Number(item.registrations ?? 0),
        checkins: Number(item.checkins ?? 0),
        version: Number(item.version ?? 0),
      }));
    },

    /**
     * Sets a cooperative's marks and state to what a recount found. False when its state moved since `seen` was
     * read (a live change landed in between): the caller recounts again.
     */
    async setCooperative(
      seen: CooperativeState,
      truth: CooperativeTruth,
    ): Promise<'unchanged' | 'set' | 'moved'> {
      const have = new Set(
        (
          await queryAll(doc, {
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': coverageKeys.mark(seen.cooperativeId, '').pk },
            ConsistentRead: true,
            ProjectionExpression: 'sk',
          })
        ).map((item) => String(item.sk)),
      );
      const want = new Set([...truth.registrations, ...truth.checkins]);
      const puts = [...want].filter((mark) => !have.has(mark));
      const deletes = [...have].filter((mark) => !want.has(mark));
      const after: CooperativeState = {
        ...seen,
        registrations: truth.registrations.length,
        checkins: truth.checkins.length,
      };
      if (
        !puts.length &&
        !deletes.length &&
        after.registrations === seen.registrations &&
        after.checkins === seen.checkins
      )
        return 'unchanged';
      const changes = flagChanges(seen, after);
      const items: TransactItem[] = [
        stateWrite(after, seen.version),
        ...(changes.length ? counterUpdates(regencyOf(seen.cooperativeId), changes, changes) : []),
        ...puts.map((mark) => ({
          Put: {
            TableName: tableName,
            Item: { ...coverageKeys.mark(seen.cooperativeId, mark), cooperativeId: seen.cooperativeId },
          },
        })),
        ...deletes.map((mark) => ({
          Delete: { TableName: tableName, Key: coverageKeys.mark(seen.cooperativeId, mark) },
        })),
      ];
      if (items.length > 100) throw new Error(`too many marks to repair at once for ${seen.cooperativeId}`);
      const result = await transact(doc, items);
      return result.ok ? 'set' : 'moved';
    },

    /**
     * Sets what a regency contributes to what `recount` finds, read after the regency's change counter: if any
     * live change lands in between, the write fails and the recount runs again. The province item holds what
     * the regency contributed, so the nation moves by the difference.
     */
    async resetRegency(regencyCode: string, recount: () => Promise<RegencyTruth>): Promise<void> {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const current = (await getItem(coverageKeys.regency(regencyCode), true)) ?? {};
        const cv = Number(current.cv ?? 0);
        const province = (await getItem(coverageKeys.province(provinceOf(regencyCode)), true)) ?? {};
        const truth = await recount();
        const names: Record<string, string> = {};
        const values: Record<string, unknown> = { ':cv': cv, ':next': cv + 1 };
        const sets: string[] = ['cv = :next'];
        let i = 0;
        const set = (attribute: string, value: number) => {
          names[`#a${i}`] = attribute;
          values[`:v${i}`] = value;
          sets.push(`#a${i} = :v${i}`);
          i++;
        };
        const figures: [Figure, Map<string, number>][] = [
          ['registered', truth.registered],
          ['briefed', truth.briefed],
          ['held', truth.held],
          ['planned', truth.planned],
        ];
        for (const [figure, map] of figures) {
          const prefix = `${FIGURE_PREFIX[figure]}#`;
          const codes = new Set([
            ...map.keys(),
            ...Object.keys(current)
              .filter((name) => name.startsWith(prefix))
              .map((name) => name.slice(prefix.length)),
          ]);
          for (const code of codes) set(`${prefix}${code}`, map.get(code) ?? 0);
        }
        const regencyTotals: Record<Figure, number> = {
          directory: 0,
          registered: [...truth.registered.values()].reduce((a, b) => a + b, 0),
          briefed: [...truth.briefed.values()].reduce((a, b) => a + b, 0),
          held: truth.sessions.held,
          planned: truth.sessions.planned,
        };
        const upper = (['registered', 'briefed', 'held', 'planned'] as Figure[])
          .map((figure) => ({
            figure,
            delta: regencyTotals[figure] - Number(province[`${FIGURE_PREFIX[figure]}#${regencyCode}`] ?? 0),
          }))
          .filter((change) => change.delta !== 0);
        const [, ...uppers] = counterUpdates(regencyCode, [], upper);
        const result = await transact(doc, [
          {
            Update: {
              TableName: tableName,
              Key: coverageKeys.regency(regencyCode),
              UpdateExpression: `SET ${sets.join(', ')}`,
              ConditionExpression: 'attribute_not_exists(cv) AND :cv = :zero OR cv = :cv',
              ...namesOf(names),
              ExpressionAttributeValues: { ...values, ':zero': 0 },
            },
          },
          ...uppers,
        ]);
        if (result.ok) return;
        await backoff(attempt);
      }
      throw new Error(`coverage of ${regencyCode} kept changing during the recount`);
    },

    /**
     * Every session held or planned in a regency, for a recount: the national start-time listing filtered by
     * regency. A repair reads it once; no page does.
     */
    async sessionsOfRegency(regencyCode: string): Promise<EventRecord[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: GSI1.name,
        KeyConditionExpression: 'gsi1pk = :events',
        FilterExpression: 'regencyCode = :regency',
        ExpressionAttributeValues: { ':events': 'EVENTS', ':regency': regencyCode },
      });
      return items.map((item) => withoutKeys(item) as EventRecord);
    },
  };
}

export type CoverageRepo = ReturnType<typeof createCoverageRepo>;
