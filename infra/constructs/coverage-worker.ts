import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { HadirConfig } from '../config';
import { DeadLetterQueue } from './dead-letter-queue';
import { HadirFunction } from './hadir-function';

/**
 * Stream delivery of the changes the coverage counters follow. Retried longer than email: a record given up on is
 * a count missing from a dashboard until someone recounts its regency (the dead-letter queue's alarm says which
 * shard and sequence numbers).
 */
export const COVERAGE_STREAM = {
  batchSize: 100,
  retryAttempts: 10,
  maxRecordAge: Duration.hours(24),
} as const;

/**
 * The only stream records the counters change with (functions/db/table-changes.ts): a registration's item, a
 * check-in recorded or undone (a repeated scan only modifies it and changes no count), and a session's item.
 * Lambda drops every other write of the table before invoking anything.
 */
export const COVERAGE_STREAM_FILTERS = [
  {
    dynamodb: {
      Keys: { pk: { S: lambda.FilterRule.beginsWith('REG#') }, sk: { S: lambda.FilterRule.isEqual('REG') } },
    },
  },
  {
    eventName: lambda.FilterRule.or('INSERT', 'REMOVE'),
    dynamodb: {
      Keys: {
        pk: { S: lambda.FilterRule.beginsWith('EVENT#') },
        sk: { S: lambda.FilterRule.beginsWith('CHECKIN#') },
      },
    },
  },
  {
    dynamodb: {
      Keys: {
        pk: { S: lambda.FilterRule.beginsWith('EVENT#') },
        sk: { S: lambda.FilterRule.isEqual('EVENT') },
      },
    },
  },
];

export interface CoverageWorkerProps {
  readonly config: HadirConfig;
  readonly table: dynamodb.ITable;
  /** The store it builds reads registrations, whose ticket codes are derived with this key. */
  readonly ticketKey: secretsmanager.ISecret;
  /** The environment variable the handler finds the ticket key's parameter in. */
  readonly ticketKeyVariable: string;
}

/**
 * The coverage counters of the province and national dashboards, kept from the table's stream
 * (functions/handlers/coverage-stream.ts): one function, its event source mapping with a filter, batch item
 * failures and bisecting, and a dead-letter queue.
 */
export class CoverageWorker extends Construct {
  readonly streamFunction: HadirFunction;
  readonly deadLetters: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: CoverageWorkerProps) {
    super(scope, id);
    const { config, table } = props;
    const tableStreamArn = table.tableStreamArn;
    if (!tableStreamArn) throw new Error('the table needs a stream for the coverage counters');

    this.streamFunction = new HadirFunction(this, 'CoverageStreamFunction', {
      entry: fileURLToPath(new URL('../../functions/handlers/coverage-stream.ts', import.meta.url)),
      description: `hadir ${config.stage}: keeps the coverage counters from the table stream`,
      timeout: Duration.seconds(60),
      environment: { HADIR_STAGE: config.stage },
    })
      .bindTable(table)
      .bindSecret(props.ticketKey, props.ticketKeyVariable)
      .readStream(tableStreamArn);
    this.deadLetters = new DeadLetterQueue(this, 'CoverageStreamDeadLetters', {
      purpose: 'the coverage stream event source mapping sends batches it gave up on here',
    });
    this.streamFunction.addEventSourceMapping('CoverageStream', {
      eventSourceArn: tableStreamArn,
      // From the oldest record kept: a change made before the mapping existed still counts (each counts once).
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: COVERAGE_STREAM.batchSize,
      filters: COVERAGE_STREAM_FILTERS.map((pattern) => lambda.FilterCriteria.filter(pattern)),
      reportBatchItemFailures: true,
      bisectBatchOnError: true,
      retryAttempts: COVERAGE_STREAM.retryAttempts,
      maxRecordAge: COVERAGE_STREAM.maxRecordAge,
      onFailure: new SqsDlq(this.deadLetters),
    });
  }
}
