import { relative } from 'node:path';
import * as cdk from 'aws-cdk-lib';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { INDEXES } from '../data-stack';
import { bundleHandler, NODE_OPTIONS, projectRoot } from './bundle';

/**
 * The repositories' operations (get, query, put, update, delete, batches, transactions). No Scan and no stream reads:
 * no request should walk the whole table, and the stream belongs to the outbox worker.
 */
const TABLE_DATA_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/**
 * Where a function reads a Secrets Manager secret: Parameter Store's read-only view of it, so
 * functions/auth/session-secret-aws.ts needs only the SSM client.
 */
export const secretParameterName = (secretName: string) => `/aws/reference/secretsmanager/${secretName}`;

/**
 * Bundles the handler at synth with infra/constructs/bundle.ts (esbuild, code splitting), the same function
 * `npm run bench` measures. Docker is never used: the image only satisfies the BundlingOptions type, and a failed
 * build throws instead of falling back to it. `entry` is part of the asset cache key (it is serialized with the
 * options), so two functions never share a bundle.
 */
class HandlerBundling implements cdk.BundlingOptions {
  readonly image = cdk.DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x');
  readonly local: cdk.ILocalBundling;
  constructor(readonly entry: string) {
    this.local = {
      tryBundle(outputDir: string) {
        bundleHandler(entry, outputDir);
        return true;
      },
    };
  }
}

/** The role and log group are the construct's own, so it can keep both to least privilege and a retention. */
export interface HadirFunctionProps extends Omit<lambda.FunctionOptions, 'role' | 'logGroup'> {
  /** Absolute path of the handler module; it must export `handler`. */
  readonly entry: string;
}

/** A Lambda function with hadir's defaults: Node 22 on arm64, an ESM bundle, JSON logs kept a month, least privilege. */
export class HadirFunction extends lambda.Function {
  constructor(scope: Construct, id: string, props: HadirFunctionProps) {
    // Our own log group (for retention) and role: the default role carries the AWSLambdaBasicExecutionRole managed
    // policy, which may write to any log group; this one may only write to its own.
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      retention: logs.RetentionDays.ONE_MONTH,
      // Logs hold request data only for debugging; the durable record lives in the table.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    logGroup.grantWrite(role);
    const { entry, ...options } = props;

    super(scope, id, {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      loggingFormat: lambda.LoggingFormat.JSON,
      logGroup,
      role,
      ...options,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(projectRoot, {
        assetHashType: cdk.AssetHashType.OUTPUT,
        bundling: new HandlerBundling(relative(projectRoot, entry)),
      }),
      environment: { NODE_OPTIONS, ...props.environment },
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 (LTS, supported by Lambda into 2027) is deliberate: it is the newest Node hadir is built and ' +
        'tested on; move to 24 together with the local toolchain.',
    });
  }

  /**
   * Lets the function use the table's items and tells it the table's name. By default the repositories' actions
   * on the table and its named indexes; a function that needs less passes its own `actions` (and no indexes).
   */
  bindTable(table: dynamodb.ITable, options: { actions?: readonly string[] } = {}): this {
    this.addEnvironment('TABLE_NAME', table.tableName);
    const actions = options.actions ?? TABLE_DATA_ACTIONS;
    // Named indexes, not grantReadWriteData's `index/*`: a wildcard would also cover any index added later.
    const indexes = options.actions ? [] : INDEXES.map((index) => `${table.tableArn}/index/${index.name}`);
    iam.Grant.addToPrincipal({
      grantee: this,
      actions: [...actions],
      resourceArns: [table.tableArn, ...indexes],
    });
    return this;
  }

  /**
   * Lets the function read one secret at cold start and names its Parameter Store reference in `variable`.
   * Reading through Parameter Store checks both services' permissions, each on this secret only.
   */
  /** Reads the table's stream: this stream only (Table.grantStreamRead would add ListStreams on `*`). */
  readStream(tableStreamArn: string): this {
    this.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [
          'dynamodb:DescribeStream',
          'dynamodb:GetRecords',
          'dynamodb:GetShardIterator',
          'dynamodb:ListStreams',
        ],
        resources: [tableStreamArn],
      }),
    );
    return this;
  }

  bindSecret(secret: secretsmanager.ISecret, variable: string): this {
    const parameterName = secretParameterName(secret.secretName);
    this.addEnvironment(variable, parameterName);
    const stack = Stack.of(this);
    this.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ssm:GetParameter'],
        resources: [
          stack.formatArn({ service: 'ssm', resource: 'parameter', resourceName: parameterName.slice(1) }),
        ],
      }),
    );
    this.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }),
    );
    return this;
  }
}
