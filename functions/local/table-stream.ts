import type { StreamRecord } from '../db/table-changes';

/**
 * Reads the table's stream on DynamoDB Local, as Lambda's event source mapping does in AWS: every shard from its
 * start, in order, each record handed to `handle` once it is read. DynamoDB Local takes the stream API on its own
 * endpoint and does not check signatures, so a plain JSON POST is enough here and no streams client is bundled.
 */
export function createTableStreamReader(endpoint: string, tableName: string) {
  const call = async (target: string, body: unknown) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': target,
        'x-amz-date': new Date().toISOString().replace(/[-:]|\.\d{3}/g, ''),
        authorization:
          'AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${target}: ${JSON.stringify(json)}`);
    return json;
  };
  const streams = (operation: string, body: unknown) => call(`DynamoDBStreams_20120810.${operation}`, body);

  let streamArn: string | undefined;
  /** Where each shard was left: the next iterator, or null once a closed shard is read to its end. */
  const positions = new Map<string, string | null>();

  async function shards(): Promise<{ ShardId: string; ParentShardId?: string }[]> {
    if (!streamArn) {
      const table = (await call('DynamoDB_20120810.DescribeTable', { TableName: tableName })) as {
        Table: { LatestStreamArn: string };
      };
      streamArn = table.Table.LatestStreamArn;
    }
    const described = (await streams('DescribeStream', { StreamArn: streamArn })) as {
      StreamDescription: { Shards: { ShardId: string; ParentShardId?: string }[] };
    };
    return described.StreamDescription.Shards;
  }

  /** Reads everything written so far (parents before children) and hands it over; returns how many records. */
  async function drain(handle: (records: StreamRecord[]) => Promise<void>): Promise<number> {
    let count = 0;
    const all = await shards();
    const ordered = [...all].sort((a, b) => depth(all, a) - depth(all, b));
    for (const shard of ordered) {
      let iterator = positions.get(shard.ShardId);
      if (iterator === null) continue;
      if (iterator === undefined) {
        const started = (await streams('GetShardIterator', {
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        })) as { ShardIterator: string };
        iterator = started.ShardIterator;
      }
      for (let page = 0; page < 10_000 && iterator; page++) {
        const got = (await streams('GetRecords', { ShardIterator: iterator, Limit: 1000 })) as {
          Records?: StreamRecord[];
          NextShardIterator?: string;
        };
        const records = got.Records ?? [];
        if (records.length) await handle(records);
        count += records.length;
        // An open shard answers an empty page at its end: stop there and come back to the same place.
        if (!records.length && got.NextShardIterator) {
          positions.set(shard.ShardId, got.NextShardIterator);
          iterator = undefined;
          break;
        }
        iterator = got.NextShardIterator;
        positions.set(shard.ShardId, iterator ?? null);
      }
    }
    return count;
  }

  return { drain };
}

function depth(
  all: { ShardId: string; ParentShardId?: string }[],
  shard: { ParentShardId?: string },
): number {
  let levels = 0;
  let parent = shard.ParentShardId;
  while (parent && levels < 1000) {
    levels++;
    parent = all.find((s) => s.ShardId === parent)?.ParentShardId;
  }
  return levels;
}
