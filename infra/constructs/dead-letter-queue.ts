import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * Where a delivery that ran out of retries lands (a stream batch, a schedule run, an SES event): kept 14 days,
 * encrypted, TLS only, and watched by an alarm on its depth.
 */
export class DeadLetterQueue extends sqs.Queue {
  constructor(scope: Construct, id: string, props: { readonly purpose: string }) {
    super(scope, id, {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Failed deliveries are references for a retry by hand, not data of record.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        `This queue is itself a dead-letter queue (${props.purpose}); nothing consumes it automatically, so a ` +
        'dead-letter queue behind it could never receive anything. Its depth raises an alarm instead.',
    });
  }
}
