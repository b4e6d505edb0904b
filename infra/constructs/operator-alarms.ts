import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Thresholds, in one place for the stack and its tests. */
export const ALARM_THRESHOLDS = {
  /** Percent of API requests answered 5xx in five minutes, counted once there are this many requests. */
  api5xxPercent: 5,
  api5xxMinRequests: 20,
  /** SES reviews an account at a 5% bounce rate and may pause sending at 10%: warn at half, before the review. */
  sesBounceRate: 0.025,
  /** SES reviews an account at a 0.1% complaint rate: warn at half. */
  sesComplaintRate: 0.0005,
  /** Percent of requests answered 4xx in five minutes (2 of 3), once there are api5xxMinRequests. */
  api4xxPercent: 25,
  /** Requests API Gateway refused for a limit (429) in five minutes. */
  throttled429: 10,
  /** How far behind the outbox worker reads the table's stream: emails this late mean a stuck worker. */
  streamIteratorAgeMs: 5 * 60_000,
  /** Read and write throttle events of the table and its indexes in five minutes (the SDK retries a few). */
  tableThrottleEvents: 10,
  /** Share of the SES daily sending quota used in a day. */
  sesQuotaShare: 0.8,
  /**
   * Registrations refused by a rate limit in five minutes. A whole regency registering from one venue is refused
   * nothing; this many refusals means someone is hammering the form, or a limit is set too low for a real crowd.
   */
  refusedRegistrations: 50,
} as const;

/** Where the app reports refused registrations (CloudWatch embedded metric format in its log). */
export const REFUSED_REGISTRATIONS_METRIC = {
  namespace: 'hadir',
  metricName: 'RegistrationsRefused',
} as const;

const FIVE_MINUTES = Duration.minutes(5);

/**
 * Alarms for the operator, all to one encrypted SNS topic; an email subscription when `alarmEmail` is set (the
 * recipient must confirm it once). Every alarm also reports when it recovers.
 */
export class OperatorAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly action: cloudwatchActions.SnsAction;

  constructor(scope: Construct, id: string, props: { readonly stage: string; readonly alarmEmail?: string }) {
    super(scope, id);
    // A customer managed key: CloudWatch cannot publish to a topic encrypted with the AWS managed aws/sns key.
    const key = new kms.Key(this, 'TopicKey', {
      description: `hadir ${props.stage}: encrypts the alarm topic`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: `hadir ${props.stage} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    // The topic policy replaces SNS's default one: let this account's CloudWatch alarms publish, nothing else.
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    this.action = new cloudwatchActions.SnsAction(this.topic);
  }

  private add(id: string, props: cloudwatch.AlarmProps): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      ...props,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }

  /** Share of requests the API answered with a server error. */
  watchHttpApi(name: string, api: apigwv2.HttpApi): void {
    const { api5xxPercent, api5xxMinRequests } = ALARM_THRESHOLDS;
    this.add(`${name}5xxRate`, {
      alarmDescription: `${name}: more than ${api5xxPercent}% of requests answered 5xx (2 of 3 five-minute periods)`,
      metric: new cloudwatch.MathExpression({
        expression: `IF(requests >= ${api5xxMinRequests}, 100 * errors / requests, 0)`,
        usingMetrics: {
          errors: api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
          requests: api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' }),
        },
        period: FIVE_MINUTES,
        label: '5xx %',
      }),
      threshold: api5xxPercent,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });
  }

  /**
   * Clients refused: a share of 4xx that means a broken client or someone probing, and any burst of 429s, which
   * means a route limit is being hit (door phones or registrations may be the ones refused).
   */
  watchHttpApi4xx(name: string, api: apigwv2.HttpApi, throttled: cloudwatch.IMetric): void {
    const { api4xxPercent, api5xxMinRequests, throttled429 } = ALARM_THRESHOLDS;
    this.add(`${name}4xxRate`, {
      alarmDescription: `${name}: more than ${api4xxPercent}% of requests answered 4xx (2 of 3 five-minute periods)`,
      metric: new cloudwatch.MathExpression({
        expression: `IF(requests >= ${api5xxMinRequests}, 100 * refused / requests, 0)`,
        usingMetrics: {
          refused: api.metricClientError({ period: FIVE_MINUTES, statistic: 'Sum' }),
          requests: api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' }),
        },
        period: FIVE_MINUTES,
        label: '4xx %',
      }),
      threshold: api4xxPercent,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });
    this.add(`${name}Throttled`, {
      alarmDescription: `${name}: ${throttled429} or more requests refused with 429 (a route limit) in five minutes`,
      metric: throttled,
      threshold: throttled429,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
  }

  /** Email lag: how old the newest stream record the worker got was when it got it. */
  watchStream(name: string, fn: lambda.IFunction): void {
    const { streamIteratorAgeMs } = ALARM_THRESHOLDS;
    this.add(`${name}IteratorAge`, {
      alarmDescription: `${name}: stream records over ${streamIteratorAgeMs / 60_000} minutes old (emails are late)`,
      metric: fn.metric('IteratorAge', { period: FIVE_MINUTES, statistic: 'Maximum' }),
      threshold: streamIteratorAgeMs,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
  }

  /** DynamoDB throttling of the table or any of its indexes (a hot partition, or an on-demand scaling step). */
  watchTableThrottles(name: string, table: dynamodb.ITable): void {
    const { tableThrottleEvents } = ALARM_THRESHOLDS;
    const events = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/DynamoDB',
        metricName,
        dimensionsMap: { TableName: table.tableName },
        statistic: 'Sum',
        period: FIVE_MINUTES,
      });
    this.add(`${name}Throttles`, {
      alarmDescription: `${name}: ${tableThrottleEvents} or more read or write throttle events in five minutes`,
      metric: new cloudwatch.MathExpression({
        expression: 'reads + writes',
        usingMetrics: { reads: events('ReadThrottleEvents'), writes: events('WriteThrottleEvents') },
        period: FIVE_MINUTES,
        label: 'throttle events',
      }),
      threshold: tableThrottleEvents,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
  }

  /**
   * Emails sent in a day against the account's SES quota (`sesDailyQuota` in context: what SES granted, see
   * the SES console), so the campaign after a big session does not stop halfway at the quota.
   */
  watchSesQuota(dailyQuota: number): void {
    const { sesQuotaShare } = ALARM_THRESHOLDS;
    this.add('SesDailyQuota', {
      alarmDescription: `SES: more than ${sesQuotaShare * 100}% of the daily sending quota (${dailyQuota}) used in a day`,
      metric: new cloudwatch.Metric({
        namespace: 'AWS/SES',
        metricName: 'Send',
        statistic: 'Sum',
        period: Duration.days(1),
      }),
      threshold: Math.floor(dailyQuota * sesQuotaShare),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
  }

  /** Any error or throttle of the function in five minutes. */
  watchFunction(name: string, fn: lambda.IFunction): void {
    for (const [kind, metric] of [
      ['Errors', fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' })],
      ['Throttles', fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' })],
    ] as const) {
      this.add(`${name}${kind}`, {
        alarmDescription: `${name}: ${kind.toLowerCase()} in the last five minutes`,
        metric,
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
      });
    }
  }

  /** Anything in a dead-letter queue needs a person. */
  watchDeadLetters(name: string, queue: sqs.IQueue): void {
    this.add(`${name}Depth`, {
      alarmDescription: `${name}: messages waiting in the dead-letter queue`,
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });
  }

  /** Public registrations refused by a rate limit: abuse, or a limit too low for the crowd at a venue. */
  watchRefusedRegistrations(stage: string): void {
    const { refusedRegistrations } = ALARM_THRESHOLDS;
    this.add('RegistrationsRefused', {
      alarmDescription: `Registrations: more than ${refusedRegistrations} refused by rate limits in five minutes`,
      metric: new cloudwatch.Metric({
        ...REFUSED_REGISTRATIONS_METRIC,
        dimensionsMap: { stage },
        statistic: 'Sum',
        period: FIVE_MINUTES,
      }),
      threshold: refusedRegistrations,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });
  }

  /** The account's SES reputation, as SES itself measures it (the figures it pauses sending on). */
  watchSesReputation(): void {
    const reputation = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/SES',
        metricName,
        statistic: 'Maximum',
        period: Duration.hours(1),
      });
    this.add('SesBounceRate', {
      alarmDescription: `SES bounce rate above ${ALARM_THRESHOLDS.sesBounceRate * 100}% (half of where SES reviews the account)`,
      metric: reputation('Reputation.BounceRate'),
      threshold: ALARM_THRESHOLDS.sesBounceRate,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
    this.add('SesComplaintRate', {
      alarmDescription: `SES complaint rate above ${ALARM_THRESHOLDS.sesComplaintRate * 100}% (half of where SES reviews the account)`,
      metric: reputation('Reputation.ComplaintRate'),
      threshold: ALARM_THRESHOLDS.sesComplaintRate,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
  }
}
