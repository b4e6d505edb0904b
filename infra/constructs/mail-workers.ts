import { fileURLToPath } from 'node:url';
import { Duration, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventsTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { ScheduleTargetBase, type ScheduleTargetBaseProps } from 'aws-cdk-lib/aws-scheduler-targets';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { type HadirConfig, mailFrom } from '../config';
import { DeadLetterQueue } from './dead-letter-queue';
import { HadirFunction } from './hadir-function';

const entry = (name: string) =>
  fileURLToPath(new URL(`../../functions/handlers/${name}.ts`, import.meta.url));

/** Where the functions find the ticket key (functions/auth/ticket-key.ts). */
const TICKET_KEY_PARAMETER = 'TICKET_KEY_PARAMETER';

/** Stream delivery of new email jobs; the sweep catches anything this gives up on. */
export const OUTBOX_STREAM = {
  batchSize: 10,
  retryAttempts: 3,
  maxRecordAge: Duration.hours(1),
} as const;

/** Retries of the every-minute sweep: a run older than a few minutes is superseded by the next one anyway. */
export const SWEEP_SCHEDULE = { retryAttempts: 2, maxEventAge: Duration.minutes(5) } as const;

/**
 * How Lambda treats the scheduled runs it was handed (Scheduler invokes asynchronously): no retries, since a
 * retried run would overlap the next scheduled one and the next run does the same work anyway; a run that failed
 * goes to the dead-letter queue, where its alarm tells the operator. An event older than its schedule's interval
 * is stale: the next run has started by then.
 */
export const SCHEDULED_ASYNC = {
  retryAttempts: 0,
  maxEventAge: { sweep: Duration.minutes(1), campaigns: Duration.minutes(1), retention: Duration.hours(1) },
} as const;

/** How often the retention purge runs: each run erases what expired since the last and resumes a cut-off one. */
export const RETENTION_RATE = Duration.hours(1);

/** EventBridge retries of an SES event before it goes to the dead-letter queue. */
export const SES_EVENTS_TARGET = { retryAttempts: 8, maxEventAge: Duration.hours(6) } as const;

/** The SES events (EventBridge detail types) the SES event handler acts on. */
export const SES_EVENT_DETAIL_TYPES = ['Email Bounced', 'Email Complaint Received'];

/**
 * The only stream records the worker has work in: email jobs (`pk` OUTBOX#…) that are pending. Lambda drops the rest
 * (every registration, session and lock write) before invoking anything.
 */
export const OUTBOX_STREAM_FILTER = {
  dynamodb: {
    NewImage: {
      pk: { S: lambda.FilterRule.beginsWith('OUTBOX#') },
      status: { S: lambda.FilterRule.isEqual('pending') },
    },
  },
};

export interface MailWorkersProps {
  readonly config: HadirConfig;
  readonly table: dynamodb.ITable;
  /** Ticket codes are derived, not stored: every function that reads registrations needs this key. */
  readonly ticketKey: secretsmanager.ISecret;
  readonly emailIdentityArn: string;
  readonly configurationSetName: string;
  readonly configurationSetArn: string;
  /** Absolute base of links in emails (https://…, no trailing slash needed). */
  readonly publicBaseUrl: string;
}

/**
 * Email delivery in AWS: the outbox worker on the table's stream, the every-minute sweep run by EventBridge
 * Scheduler, and the handler of SES bounce and complaint events. Each path has its own dead-letter queue.
 */
export class MailWorkers extends Construct {
  readonly streamFunction: HadirFunction;
  readonly sweepFunction: HadirFunction;
  readonly sesEventsFunction: HadirFunction;
  readonly campaignFunction: HadirFunction;
  readonly retentionFunction: HadirFunction;
  readonly streamDeadLetters: DeadLetterQueue;
  readonly sweepDeadLetters: DeadLetterQueue;
  readonly sesEventsDeadLetters: DeadLetterQueue;
  readonly scheduleGroup: scheduler.ScheduleGroup;
  readonly schedule: scheduler.Schedule;
  readonly schedulerRole: iam.Role;
  readonly sesEventsRule: events.Rule;

  constructor(scope: Construct, id: string, props: MailWorkersProps) {
    super(scope, id);
    const { config, table } = props;
    const { account } = Stack.of(this);
    const tableStreamArn = table.tableStreamArn;
    if (!tableStreamArn) throw new Error('the table needs a stream for the outbox worker');

    const mailEnvironment = {
      HADIR_STAGE: config.stage,
      MAIL_TRANSPORT: 'ses',
      SES_CONFIGURATION_SET: props.configurationSetName,
      MAIL_FROM: mailFrom(config),
      PUBLIC_BASE_URL: props.publicBaseUrl,
    };
    // Only from hadir's address, only through its identity and configuration set: a leaked role cannot send as
    // anyone else or skip the suppression and event publishing of the configuration set.
    const sendEmail = new iam.PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [props.emailIdentityArn, props.configurationSetArn],
      conditions: { StringEquals: { 'ses:FromAddress': config.senderEmail } },
    });

    this.streamFunction = new HadirFunction(this, 'OutboxStreamFunction', {
      entry: entry('outbox-stream'),
      description: `hadir ${config.stage}: sends new email jobs from the table stream`,
      timeout: Duration.seconds(30),
      environment: mailEnvironment,
    })
      .bindTable(table)
      .bindSecret(props.ticketKey, TICKET_KEY_PARAMETER)
      .readStream(tableStreamArn);
    this.streamFunction.addToRolePolicy(sendEmail);
    this.streamDeadLetters = new DeadLetterQueue(this, 'OutboxStreamDeadLetters', {
      purpose: 'the outbox stream event source mapping sends batches it gave up on here',
    });
    this.streamFunction.addEventSourceMapping('OutboxStream', {
      eventSourceArn: tableStreamArn,
      startingPosition: lambda.StartingPosition.LATEST,
      batchSize: OUTBOX_STREAM.batchSize,
      filters: [lambda.FilterCriteria.filter(OUTBOX_STREAM_FILTER)],
      reportBatchItemFailures: true,
      bisectBatchOnError: true,
      retryAttempts: OUTBOX_STREAM.retryAttempts,
      maxRecordAge: OUTBOX_STREAM.maxRecordAge,
      onFailure: new SqsDlq(this.streamDeadLetters),
    });

    this.sweepFunction = new HadirFunction(this, 'OutboxSweepFunction', {
      entry: entry('outbox-sweep'),
      description: `hadir ${config.stage}: every minute, sends due retries and jobs the stream missed`,
      timeout: Duration.seconds(60),
      environment: mailEnvironment,
    })
      .bindTable(table)
      .bindSecret(props.ticketKey, TICKET_KEY_PARAMETER);
    this.sweepFunction.addToRolePolicy(sendEmail);
    this.sweepDeadLetters = new DeadLetterQueue(this, 'OutboxSweepDeadLetters', {
      purpose:
        'EventBridge Scheduler sends the scheduled runs (sweep, campaigns, retention) it could not deliver here, ' +
        'and Lambda the runs that failed',
    });
    this.scheduleGroup = new scheduler.ScheduleGroup(this, 'Schedules', {});
    this.schedulerRole = new iam.Role(this, 'SchedulerRole', {
      description: `hadir ${config.stage}: lets EventBridge Scheduler run the sweep, campaigns and retention`,
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': account,
            'aws:SourceArn': this.scheduleGroup.scheduleGroupArn,
          },
        },
      }),
    });
    this.schedule = new scheduler.Schedule(this, 'OutboxSweepSchedule', {
      description: `hadir ${config.stage}: outbox sweep`,
      scheduleGroup: this.scheduleGroup,
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(1)),
      target: new InvokeFunction(this.sweepFunction, {
        role: this.schedulerRole,
        deadLetterQueue: this.sweepDeadLetters,
        ...SWEEP_SCHEDULE,
      }),
    });

    // Follow-up campaigns (functions/followups/runner.ts): the tick runs every campaign that is due; it only writes
    // recipient items and email jobs, the outbox worker sends them.
    this.campaignFunction = new HadirFunction(this, 'CampaignRunnerFunction', {
      entry: entry('campaign-runner'),
      description: `hadir ${config.stage}: every minute, queues the follow-up campaigns that are due`,
      timeout: Duration.seconds(60),
      environment: { HADIR_STAGE: config.stage },
    })
      .bindTable(table)
      .bindSecret(props.ticketKey, TICKET_KEY_PARAMETER);
    // UU PDP storage limitation (functions/services/retention.ts): personal data erased a year after a session.
    this.retentionFunction = new HadirFunction(this, 'RetentionFunction', {
      entry: entry('retention'),
      description: `hadir ${config.stage}: hourly, erases personal data past its retention period`,
      timeout: Duration.minutes(5),
      environment: { HADIR_STAGE: config.stage, RETENTION_DAYS: '365' },
    })
      .bindTable(table)
      .bindSecret(props.ticketKey, TICKET_KEY_PARAMETER);
    for (const [id, fn, rate] of [
      ['CampaignRunnerSchedule', this.campaignFunction, Duration.minutes(1)],
      ['RetentionSchedule', this.retentionFunction, RETENTION_RATE],
    ] as const) {
      new scheduler.Schedule(this, id, {
        description: `hadir ${config.stage}: ${fn === this.campaignFunction ? 'campaign tick' : 'retention purge'}`,
        scheduleGroup: this.scheduleGroup,
        schedule: scheduler.ScheduleExpression.rate(rate),
        target: new InvokeFunction(fn, {
          role: this.schedulerRole,
          deadLetterQueue: this.sweepDeadLetters,
          ...SWEEP_SCHEDULE,
        }),
      });
    }

    for (const [fn, maxEventAge] of [
      [this.sweepFunction, SCHEDULED_ASYNC.maxEventAge.sweep],
      [this.campaignFunction, SCHEDULED_ASYNC.maxEventAge.campaigns],
      [this.retentionFunction, SCHEDULED_ASYNC.maxEventAge.retention],
    ] as const) {
      fn.configureAsyncInvoke({
        retryAttempts: SCHEDULED_ASYNC.retryAttempts,
        maxEventAge,
        onFailure: new SqsDestination(this.sweepDeadLetters),
      });
    }

    this.sesEventsFunction = new HadirFunction(this, 'SesEventsFunction', {
      entry: entry('ses-events'),
      description: `hadir ${config.stage}: records addresses that bounced or complained`,
      memorySize: 256,
      environment: { HADIR_STAGE: config.stage },
      // It only writes suppression items: PutItem on the table, nothing else.
    }).bindTable(table, { actions: ['dynamodb:PutItem'] });
    this.sesEventsDeadLetters = new DeadLetterQueue(this, 'SesEventsDeadLetters', {
      purpose: 'EventBridge sends SES events it could not deliver to the handler here',
    });
    this.sesEventsRule = new events.Rule(this, 'SesEventsRule', {
      description: `hadir ${config.stage}: SES bounces and complaints of hadir's configuration set`,
      eventPattern: {
        source: ['aws.ses'],
        detailType: SES_EVENT_DETAIL_TYPES,
        detail: { mail: { tags: { 'ses:configuration-set': [props.configurationSetName] } } },
      },
      targets: [
        new eventsTargets.LambdaFunction(this.sesEventsFunction, {
          deadLetterQueue: this.sesEventsDeadLetters,
          ...SES_EVENTS_TARGET,
        }),
      ],
    });
  }
}

/**
 * Scheduler's LambdaInvoke target, but granting `lambda:InvokeFunction` on the function's own ARN only
 * (`grantInvoke` would add `<arn>:*`, every version and alias).
 */
class InvokeFunction extends ScheduleTargetBase implements scheduler.IScheduleTarget {
  constructor(
    private readonly fn: lambda.IFunction,
    props: ScheduleTargetBaseProps,
  ) {
    super(props, fn.functionArn);
  }

  protected addTargetActionToRole(role: iam.IRole): void {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.fn.functionArn] }),
    );
  }
}
