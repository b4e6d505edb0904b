import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, type NodejsFunctionProps, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { JSQR_BUNDLE_FILE } from '../../functions/http/assets/checkin-jsqr';
import { INDEXES } from '../data-stack';

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

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The runtime provides the AWS SDK; prettier is only reached by react-email's unused `pretty` option. */
export const EXTERNAL_MODULES = ['@aws-sdk/*', 'prettier'];
/** Bundled CommonJS dependencies call require(), which an ES module lacks. */
export const ESM_BANNER =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/** Stack traces in the logs point at our sources (NodejsFunction's `sourceMap` alone does not turn this on). */
export const NODE_OPTIONS = '--enable-source-maps';

/**
 * Lambda sets no NODE_ENV, so packages that choose their build by it (React, react-dom) would run their development
 * builds: twice the code to load and slower rendering. The bundle fixes the choice at build time.
 */
export const DEFINE = { 'process.env.NODE_ENV': '"production"' };

/**
 * Files a handler reads from next to its bundle at run time, by handler file name: `name` in the bundle directory,
 * `source` a path inside node_modules. bench/cold-start.ts ships the same ones.
 */
export const HANDLER_FILES: Readonly<Record<string, readonly { name: string; source: string }[]>> = {
  // The check-in page's fallback QR decoder: served as a static asset, never run by the server.
  'api.ts': [JSQR_BUNDLE_FILE],
};

/** The role and log group are the construct's own, so it can keep both to least privilege and a retention. */
export interface HadirFunctionProps extends Omit<NodejsFunctionProps, 'role' | 'logGroup'> {
  /** Absolute path of the handler module; it must export `handler`. */
  readonly entry: string;
}

/** A Lambda function with hadir's defaults: Node 22 on arm64, an ESM bundle, JSON logs kept a month, least privilege. */
export class HadirFunction extends NodejsFunction {
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
    const files = HANDLER_FILES[basename(props.entry)] ?? [];

    super(scope, id, {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      loggingFormat: lambda.LoggingFormat.JSON,
      logGroup,
      role,
      projectRoot,
      depsLockFilePath: join(projectRoot, 'package-lock.json'),
      ...props,
      environment: { NODE_OPTIONS, ...props.environment },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        externalModules: EXTERNAL_MODULES,
        banner: ESM_BANNER,
        define: DEFINE,
        commandHooks: files.length
          ? {
              beforeBundling: () => [],
              beforeInstall: () => [],
              afterBundling: (inputDir, outputDir) =>
                files.map(
                  (file) =>
                    `cp "${join(inputDir, 'node_modules', file.source)}" "${join(outputDir, file.name)}"`,
                ),
            }
          : undefined,
        ...props.bundling,
      },
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
}
