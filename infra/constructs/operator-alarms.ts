import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
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
  /** SES reviews an account at a 5% bounce rate and may pause sending at 10%. */
  sesBounceRate: 0.05,
  /** SES reviews an account at a 0.1% complaint rate. */
  sesComplaintRate: 0.001,
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
      alarmDescription: `SES bounce rate above ${ALARM_THRESHOLDS.sesBounceRate * 100}% (SES reviews the account here)`,
      metric: reputation('Reputation.BounceRate'),
      threshold: ALARM_THRESHOLDS.sesBounceRate,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
    this.add('SesComplaintRate', {
      alarmDescription: `SES complaint rate above ${ALARM_THRESHOLDS.sesComplaintRate * 100}%`,
      metric: reputation('Reputation.ComplaintRate'),
      threshold: ALARM_THRESHOLDS.sesComplaintRate,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
  }
}
