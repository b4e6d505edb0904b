import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { GSI1, GSI2, TABLE_KEYS, TTL_ATTRIBUTE } from '../functions/db/keys';

/** The table's global secondary indexes, named once for the table and for grants on it. */
export const INDEXES = [GSI1, GSI2] as const;

/** Stateful resources, kept apart so compute can be redeployed or replaced without touching data. */
export class DataStack extends Stack {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });

    // Table (not TableV2) so the template is a plain AWS::DynamoDB::Table, the same shape as
    // functions/db/table.ts creates locally; a single-region app gains nothing from GlobalTable.
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: key(TABLE_KEYS.partitionKey),
      sortKey: key(TABLE_KEYS.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      // The outbox worker reads email jobs from the stream.
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      // Registrations are personal data people gave us: neither a stray `cdk destroy` nor a replacement may drop them.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.name,
        partitionKey: key(gsi.partitionKey),
        sortKey: key(gsi.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
  }
}
