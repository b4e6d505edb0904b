import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { HadirFunction } from './hadir-function';

/** Failed WhatsApp sends in five minutes before the operator hears of it (a token or template problem fails all). */
export const WHATSAPP_FAILED_THRESHOLD = 5;

/**
 * The WhatsApp channel in AWS: three secrets the operator fills once after deploying (the system user's access
 * token, the Meta app's secret that signs webhooks, the verify token typed when registering the callback URL),
 * bound to the functions that need them like the other secrets, and an alarm on failed sends. Without a phone
 * number id (context `whatsappPhoneNumberId`) workers keep WhatsApp jobs in the queue and the webhook refuses
 * everything, so deploying before the Meta account is ready is harmless.
 */
export class WhatsAppChannel extends Construct {
  readonly accessToken: secretsmanager.Secret;
  readonly appSecret: secretsmanager.Secret;
  readonly verifyToken: secretsmanager.Secret;
  readonly failedSends: cloudwatch.Alarm;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: { stage: string; phoneNumberId?: string; alarmTopic: sns.ITopic },
  ) {
    super(scope, id);
    const secret = (name: string, description: string) => {
      const created = new secretsmanager.Secret(this, name, {
        description: `hadir ${props.stage}: ${description}`,
        // A placeholder until the operator puts the value from Meta's App Dashboard (put-secret-value).
        generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
      });
      Validations.of(created).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'Issued by Meta, not by AWS: a rotation Lambda cannot create a new WhatsApp token or app secret. The ' +
          'operator rotates it in the Meta App Dashboard and puts the new value here (README, WhatsApp).',
      });
      return created;
    };
    this.accessToken = secret('AccessToken', 'WhatsApp Cloud API system user access token');
    this.appSecret = secret('AppSecret', 'Meta app secret that signs WhatsApp webhooks');
    this.verifyToken = secret('VerifyToken', 'WhatsApp webhook verify token');

    this.failedSends = new cloudwatch.Alarm(this, 'FailedSends', {
      alarmDescription: `WhatsApp: ${WHATSAPP_FAILED_THRESHOLD} or more messages failed for good in five minutes (token, template, number or quality; see the log's code)`,
      metric: new cloudwatch.Metric({
        namespace: 'hadir',
        metricName: 'WhatsAppSendsFailed',
        dimensionsMap: { stage: props.stage },
        statistic: 'Sum',
        period: Duration.minutes(5),
      }),
      threshold: WHATSAPP_FAILED_THRESHOLD,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const action = new cloudwatchActions.SnsAction(props.alarmTopic);
    this.failedSends.addAlarmAction(action);
    this.failedSends.addOkAction(action);
  }

  /** A worker that sends: the phone number id and the access token. */
  bindSender(fn: HadirFunction): void {
    if (!this.props.phoneNumberId) return;
    fn.addEnvironment('WHATSAPP_PHONE_NUMBER_ID', this.props.phoneNumberId);
    fn.bindSecret(this.accessToken, 'WHATSAPP_TOKEN_PARAMETER');
  }

  /** The public function, which answers POST /webhooks/whatsapp. */
  bindWebhook(fn: HadirFunction): void {
    fn.bindSecret(this.appSecret, 'WHATSAPP_APP_SECRET_PARAMETER');
    fn.bindSecret(this.verifyToken, 'WHATSAPP_VERIFY_TOKEN_PARAMETER');
  }
}
