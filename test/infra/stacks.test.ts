import { readFileSync } from 'node:fs';
import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { rateLimitTableDefinition, tableDefinition } from '../../functions/db/table';
import { EXPORTS_PREFIX } from '../../functions/reports/export-files';
import { MATERIALS_PREFIX } from '../../functions/reports/material-files';
import {
  API_THROTTLE,
  consoleRoutePaths,
  doorRoutePaths,
  ROUTE_THROTTLES,
  registrationRouteKey,
} from '../../infra/api-stack';
import { buildApp, buildDetachedDataApp, projectContext } from '../../infra/build-app';
import { COVERAGE_STREAM } from '../../infra/constructs/coverage-worker';
import {
  OUTBOX_STREAM,
  RETENTION_RATE,
  SCHEDULED_ASYNC,
  SES_EVENT_DETAIL_TYPES,
  SES_EVENTS_TARGET,
  SWEEP_SCHEDULE,
} from '../../infra/constructs/mail-workers';
import { ALARM_THRESHOLDS } from '../../infra/constructs/operator-alarms';
import type { WhatsAppChannel } from '../../infra/constructs/whatsapp-channel';
import { INDEXES } from '../../infra/data-stack';
import { WAF_LIMITS } from '../../infra/edge-stack';

// Without aws-cdk-lib's built-in check of each template against CloudFormation's schemas: `cdk synth` in .ci/run
// runs it over the app, and here it was 9 of the file's 21 CPU-seconds, for templates the assertions below read
// resource by resource.
vi.stubEnv('CDK_VALIDATION', 'false');
afterAll(() => vi.unstubAllEnvs());

/** Without bundling: esbuild would add seconds per build and test nothing about the templates (bundles.test.ts). */
const build = (context: Record<string, unknown> = {}) =>
  buildApp({ 'aws:cdk:bundling-stacks': [], ...context });

const PROD_CONTEXT = {
  stage: 'prod',
  domainName: 'hadir.example.go.id',
  certificateArn: 'arn:aws:acm:ap-southeast-3:123456789012:certificate/0b6c1a2e-1111-2222-3333-444455556666',
  senderEmail: 'undangan@mail.example.go.id',
  senderName: 'Dinas Koperasi Kotim',
  emailDomain: 'example.go.id',
  alarmEmail: 'ops@example.go.id',
  account: '123456789012',
};

const { app, data, api } = build();
const dataTemplate = Template.fromStack(data);
const apiTemplate = Template.fromStack(api);
const resources = apiTemplate.toJSON().Resources as Record<string, Resource>;
const prod = build(PROD_CONTEXT);
const prodApiTemplate = Template.fromStack(prod.api);

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON, checked by the assertions.
type Json = any;
type Resource = { Type: string; Properties: Record<string, Json> };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };

const onlyResource = (template: Template, type: string) => {
  const found = Object.values(template.findResources(type));
  expect(found).toHaveLength(1);
  return found[0] as Resource;
};
const secretsOf = (secret: IConstruct) =>
  dataTemplate.toJSON().Resources[logicalId(secret)] as {
    DeletionPolicy?: string;
    UpdateReplacePolicy?: string;
  };
const logicalId = (construct: IConstruct) =>
  Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
const ref = (construct: IConstruct) => ({ Ref: logicalId(construct) });
const arnOf = (construct: IConstruct) => ({ 'Fn::GetAtt': [logicalId(construct), 'Arn'] });
const actions = (statement: Statement) => [statement.Action].flat();

/** The name under which the data stack exports a value, as the API stack imports it. */
function exportOf(value: unknown): string {
  const outputs = Object.values(dataTemplate.toJSON().Outputs ?? {}) as {
    Value: unknown;
    Export?: { Name: string };
  }[];
  const output = outputs.find(
    (candidate) => candidate.Export && JSON.stringify(candidate.Value) === JSON.stringify(value),
  );
  if (!output?.Export) throw new Error(`data stack exports no ${JSON.stringify(value)}`);
  return output.Export.Name;
}
const imported = (value: unknown) => ({ 'Fn::ImportValue': exportOf(value) });

const tableArn = imported(arnOf(data.table));
const tableName = imported(ref(data.table));
const streamArn = imported({ 'Fn::GetAtt': [logicalId(data.table), 'StreamArn'] });
const configurationSetName = imported(ref(data.configurationSet));
const accountArn = (service: string, resource: unknown[]) => ({
  'Fn::Join': ['', [`arn:aws:${service}:ap-southeast-3:`, { Ref: 'AWS::AccountId' }, ...resource]],
});
const identityArn = accountArn('ses', [':identity/', imported(ref(data.emailIdentity))]);
const configurationSetArn = accountArn('ses', [':configuration-set/', configurationSetName]);
/**
 * How a function reads a data-stack secret: its Parameter Store reference in an environment variable (the secret's
 * name is the ARN's last part without Secrets Manager's random suffix), and GetParameter plus GetSecretValue on
 * that parameter and that secret only.
 */
function secretReference(secret: IConstruct, { sameStack = false } = {}) {
  const secretArn = sameStack ? ref(secret) : imported(ref(secret));
  const name = { 'Fn::Select': [6, { 'Fn::Split': [':', secretArn] }] };
  const segment = (i: number) => ({ 'Fn::Select': [i, { 'Fn::Split': ['-', name] }] });
  const parameterName = { 'Fn::Join': ['-', [segment(0), segment(1)]] };
  return {
    variable: { 'Fn::Join': ['', ['/aws/reference/secretsmanager/', parameterName]] },
    statements: [
      {
        Action: 'ssm:GetParameter',
        Effect: 'Allow',
        Resource: accountArn('ssm', [':parameter/aws/reference/secretsmanager/', parameterName]),
      },
      { Action: 'secretsmanager:GetSecretValue', Effect: 'Allow', Resource: secretArn },
    ],
  };
}
const sessionSecret = secretReference(data.sessionSecret);
const ticketKey = secretReference(data.ticketKey);
/** The WhatsApp webhook's secrets live in the API stack: the public function checks signatures with them. */
const whatsapp = api.node.findChild('WhatsApp') as WhatsAppChannel;
const webhookSecrets = [whatsapp.appSecret, whatsapp.verifyToken].map((secret) =>
  secretReference(secret, { sameStack: true }),
);

const tableAndIndexes = [
  tableArn,
  ...INDEXES.map((index) => ({ 'Fn::Join': ['', [tableArn, `/index/${index.name}`]] })),
];

/**
 * Statements as single grants (one action on one resource, with its condition), sorted: what a role may do,
 * however the recommended `minimizePolicies` flag merges and orders its statements.
 */
function grants(statements: Statement[]): string[] {
  return statements
    .flatMap((statement) =>
      actions(statement).flatMap((action) =>
        [statement.Resource]
          .flat()
          .map((resource) =>
            JSON.stringify({ action, resource, effect: statement.Effect, condition: statement.Condition }),
          ),
      ),
    )
    .sort();
}

/** Every statement of the inline policies attached to a role. */
function statementsOf(template: Template, roleLogicalId: string): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleLogicalId }]))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}
const roleOf = (fn: IConstruct) => resources[logicalId(fn)]?.Properties.Role['Fn::GetAtt'][0] as string;

const { apiFunction, mail, alarms } = api;
const functions = {
  api: apiFunction,
  console: api.consoleFunction,
  outboxStream: mail.streamFunction,
  outboxSweep: mail.sweepFunction,
  sesEvents: mail.sesEventsFunction,
  campaigns: mail.campaignFunction,
  retention: mail.retentionFunction,
  coverageStream: api.coverage.streamFunction,
};
const fnProps = (fn: IConstruct) => resources[logicalId(fn)]?.Properties as Record<string, Json>;

describe('data stack', () => {
  const table = onlyResource(dataTemplate, 'AWS::DynamoDB::Table');

  it('declares the same keys and indexes as the local table in functions/db/table.ts', () => {
    const local = tableDefinition('any');
    const byName = (a: { AttributeName?: string }, b: { AttributeName?: string }) =>
      String(a.AttributeName).localeCompare(String(b.AttributeName));
    expect(table.Properties).toMatchObject({
      KeySchema: local.KeySchema,
      GlobalSecondaryIndexes: local.GlobalSecondaryIndexes,
      BillingMode: local.BillingMode,
      StreamSpecification: { StreamViewType: local.StreamSpecification?.StreamViewType },
    });
    const attributes = table.Properties.AttributeDefinitions as { AttributeName: string }[];
    expect([...attributes].sort(byName)).toEqual([...(local.AttributeDefinitions ?? [])].sort(byName));
  });

  it('protects the data: PITR, deletion protection, retained on delete and replace, encrypted', () => {
    dataTemplate.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
      }),
    });
  });

  it('expires items by the expiresAt attribute', () => {
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
  });

  it('generates the session-signing secret and the ticket key in Secrets Manager, with CloudFormation-chosen names', () => {
    const secrets = dataTemplate.findResources('AWS::SecretsManager::Secret');
    expect(Object.keys(secrets).sort()).toEqual(
      [logicalId(data.sessionSecret), logicalId(data.ticketKey)].sort(),
    );
    for (const secret of Object.values(secrets)) {
      expect(secret.Properties.GenerateSecretString).toEqual({
        PasswordLength: 64,
        ExcludePunctuation: true,
        IncludeSpace: false,
      });
      expect(secret.Properties.Name).toBeUndefined();
      expect(secret.Properties.SecretString).toBeUndefined();
    }
  });

  it('retains the ticket key like the table: the ticket items in the table are useless without it', () => {
    expect(secretsOf(data.ticketKey)).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    expect(secretsOf(data.sessionSecret)).toMatchObject({ DeletionPolicy: 'Delete' });
  });

  it('verifies the sender domain in SES with its configuration set as the default', () => {
    const identity = onlyResource(dataTemplate, 'AWS::SES::EmailIdentity');
    expect(identity.Properties).toMatchObject({
      EmailIdentity: 'example.org',
      ConfigurationSetAttributes: { ConfigurationSetName: ref(data.configurationSet) },
    });
    const outputs = Object.keys(dataTemplate.toJSON().Outputs);
    expect(outputs.filter((name) => name.startsWith('DkimRecord'))).toHaveLength(3);
    // The domain from context, when the sender address is in a subdomain of it.
    Template.fromStack(prod.data).hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'example.go.id',
    });
  });

  it('suppresses bounces and complaints and publishes both to the default EventBridge bus', () => {
    expect(onlyResource(dataTemplate, 'AWS::SES::ConfigurationSet').Properties).toMatchObject({
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
    });
    expect(onlyResource(dataTemplate, 'AWS::SES::ConfigurationSetEventDestination').Properties).toEqual({
      ConfigurationSetName: ref(data.configurationSet),
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        EventBridgeDestination: { EventBusArn: accountArn('events', [':event-bus/default']) },
      },
    });
  });
});

describe('functions', () => {
  it.each(Object.entries(functions))(
    '%s: Node 22 on arm64, JSON logs in its own log group kept a month',
    (_, fn) => {
      const props = fnProps(fn);
      expect(props).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
      });
      expect(props.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(props.LoggingConfig.LogFormat).toBe('JSON');
      expect(resources[props.LoggingConfig.LogGroup.Ref]).toMatchObject({
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: 30 },
      });
    },
  );

  it('sizes each function for its work', () => {
    const sizes = Object.fromEntries(
      Object.entries(functions).map(([name, fn]) => [name, [fnProps(fn).MemorySize, fnProps(fn).Timeout]]),
    );
    expect(sizes).toEqual({
      api: [512, 10],
      console: [1024, 29],
      outboxStream: [512, 30],
      outboxSweep: [512, 60],
      sesEvents: [256, 10],
      campaigns: [512, 60],
      retention: [512, 300],
      coverageStream: [512, 60],
    });
  });

  it('api: table, public base URL, stage, the session secret and ticket key parameters from its environment', () => {
    expect(fnProps(apiFunction).Environment.Variables).toEqual({
      TABLE_NAME: tableName,
      PUBLIC_BASE_URL: '',
      HADIR_STAGE: 'dev',
      NODE_OPTIONS: '--enable-source-maps',
      SESSION_SECRET_PARAMETER: sessionSecret.variable,
      TICKET_KEY_PARAMETER: ticketKey.variable,
      RATE_LIMIT_TABLE: ref(api.rateLimitTable),
      WHATSAPP_APP_SECRET_PARAMETER: webhookSecrets[0]?.variable,
      WHATSAPP_VERIFY_TOKEN_PARAMETER: webhookSecrets[1]?.variable,
    });
  });

  it('every function that reads registrations finds the ticket key; the SES event handler does not', () => {
    for (const fn of [apiFunction, api.consoleFunction, mail.streamFunction, mail.sweepFunction]) {
      expect(fnProps(fn).Environment.Variables.TICKET_KEY_PARAMETER).toEqual(ticketKey.variable);
    }
    for (const fn of [mail.campaignFunction, mail.retentionFunction]) {
      expect(fnProps(fn).Environment.Variables.TICKET_KEY_PARAMETER).toEqual(ticketKey.variable);
      expect(grants(statementsOf(apiTemplate, roleOf(fn)))).toEqual(
        expect.arrayContaining(grants(ticketKey.statements)),
      );
    }
    expect(fnProps(mail.sesEventsFunction).Environment.Variables.TICKET_KEY_PARAMETER).toBeUndefined();
  });

  it('mail workers: SES transport, configuration set, From, absolute base URL (the API URL without a domain)', () => {
    for (const fn of [mail.streamFunction, mail.sweepFunction]) {
      expect(fnProps(fn).Environment.Variables).toEqual({
        TABLE_NAME: tableName,
        HADIR_STAGE: 'dev',
        NODE_OPTIONS: '--enable-source-maps',
        MAIL_TRANSPORT: 'ses',
        SES_CONFIGURATION_SET: configurationSetName,
        MAIL_FROM: 'hadir <noreply@example.org>',
        PUBLIC_BASE_URL: { 'Fn::GetAtt': [logicalId(api.httpApi), 'ApiEndpoint'] },
        TICKET_KEY_PARAMETER: ticketKey.variable,
      });
    }
  });

  it('builds the environment from context', () => {
    expect(prod.data.stackName).toBe('hadir-prod-data');
    expect(prod.api.stackName).toBe('hadir-prod-api');
    const variables = Object.values(prodApiTemplate.findResources('AWS::Lambda::Function')).map(
      (fn) => fn.Properties.Environment.Variables,
    );
    expect(variables).toHaveLength(Object.keys(functions).length);
    for (const env of variables) expect(env.HADIR_STAGE).toBe('prod');
    const withBaseUrl = variables.filter((env) => 'PUBLIC_BASE_URL' in env);
    expect(withBaseUrl.map((env) => env.PUBLIC_BASE_URL)).toEqual(
      Array(4).fill('https://hadir.example.go.id'),
    );
    const withFrom = variables.filter((env) => 'MAIL_FROM' in env);
    expect(withFrom.map((env) => env.MAIL_FROM)).toEqual(
      Array(2).fill('Dinas Koperasi Kotim <undangan@mail.example.go.id>'),
    );
  });

  it('refuses context that could not work in AWS', () => {
    expect(() => build({ stage: 'Prod Stage' })).toThrow(/stage must be/);
    expect(() => build({ senderEmail: 'Hadir <noreply@example.org>' })).toThrow(/bare address/);
    expect(() => build({ senderEmail: 'noreply@other.org', emailDomain: 'example.org' })).toThrow(
      /not an address/,
    );
    expect(() => build({ certificateArn: PROD_CONTEXT.certificateArn })).toThrow(/needs domainName/);
    expect(() => build({ domainName: 'hadir.example.go.id', certificateArn: 'not-an-arn' })).toThrow(
      /ACM certificate/,
    );
    expect(() => build({ alarmEmail: 'ops' })).toThrow(/alarmEmail/);
    expect(() => build({ senderName: 'Evil <x@y.z>' })).toThrow(/senderName/);
  });
});

describe('permissions', () => {
  const allStatements: Statement[] = Object.values(apiTemplate.findResources('AWS::IAM::Policy')).flatMap(
    (policy) => policy.Properties.PolicyDocument.Statement,
  );
  const logsOf = (fn: IConstruct) => ({
    Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    Effect: 'Allow',
    Resource: { 'Fn::GetAtt': [fnProps(fn).LoggingConfig.LogGroup.Ref, 'Arn'] },
  });
  const tableData = {
    Action: [
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:Query',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:ConditionCheckItem',
    ],
    Effect: 'Allow',
    Resource: tableAndIndexes,
  };
  /** Lambda's on-failure destination of the scheduled functions: the scheduled runs' dead-letter queue. */
  const failedRuns = {
    Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
    Effect: 'Allow',
    Resource: arnOf(mail.sweepDeadLetters),
  };
  const sendEmail = {
    Action: 'ses:SendEmail',
    Effect: 'Allow',
    Resource: [identityArn, configurationSetArn],
    Condition: { StringEquals: { 'ses:FromAddress': 'noreply@example.org' } },
  };

  it('api: its log group, the table and indexes, the rate limiter table, the session secret and ticket key (via SSM) only', () => {
    const statements = statementsOf(apiTemplate, roleOf(apiFunction));
    expect(grants(statements)).toEqual(
      grants([
        logsOf(apiFunction),
        tableData,
        {
          Action: 'dynamodb:UpdateItem',
          Effect: 'Allow',
          Resource: arnOf(api.rateLimitTable),
        },
        ...sessionSecret.statements,
        ...ticketKey.statements,
        ...webhookSecrets.flatMap((secret) => secret.statements),
      ]),
    );
  });

  it('console: what the api has but the webhook secrets, plus export files under the exports prefix and materials under the materials prefix only', () => {
    const consoleStatements = statementsOf(apiTemplate, roleOf(api.consoleFunction));
    const [logs, ...rest] = statementsOf(apiTemplate, roleOf(apiFunction));
    expect(logs).toEqual(logsOf(apiFunction));
    const webhookOnly = new Set(grants(webhookSecrets.flatMap((secret) => secret.statements)));
    expect(grants(consoleStatements)).toEqual(
      grants([
        logsOf(api.consoleFunction),
        ...rest,
        {
          Action: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:GetObject'],
          Effect: 'Allow',
          Resource: { 'Fn::Join': ['', [arnOf(api.exportsBucket), `/${EXPORTS_PREFIX}*`]] },
        },
        {
          Action: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
          Effect: 'Allow',
          Resource: { 'Fn::Join': ['', [arnOf(api.materialsBucket), `/${MATERIALS_PREFIX}*`]] },
        },
      ]).filter((grant) => !webhookOnly.has(grant)),
    );
    expect(fnProps(api.consoleFunction).Environment.Variables.EXPORT_BUCKET).toEqual(ref(api.exportsBucket));
    expect(fnProps(api.consoleFunction).Environment.Variables.MATERIALS_BUCKET).toEqual(
      ref(api.materialsBucket),
    );
  });

  it('outbox stream: table, ticket key, SES from the sender address via its identity and configuration set, this stream, its DLQ', () => {
    expect(grants(statementsOf(apiTemplate, roleOf(mail.streamFunction)))).toEqual(
      grants([
        logsOf(mail.streamFunction),
        tableData,
        ...ticketKey.statements,
        sendEmail,
        {
          Action: [
            'dynamodb:DescribeStream',
            'dynamodb:GetRecords',
            'dynamodb:GetShardIterator',
            'dynamodb:ListStreams',
          ],
          Effect: 'Allow',
          Resource: streamArn,
        },
        {
          Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
          Effect: 'Allow',
          Resource: arnOf(mail.streamDeadLetters),
        },
      ]),
    );
  });

  it('coverage stream: table, ticket key, this stream, its DLQ; no SES', () => {
    const fn = api.coverage.streamFunction;
    expect(grants(statementsOf(apiTemplate, roleOf(fn)))).toEqual(
      grants([
        logsOf(fn),
        tableData,
        ...ticketKey.statements,
        {
          Action: [
            'dynamodb:DescribeStream',
            'dynamodb:GetRecords',
            'dynamodb:GetShardIterator',
            'dynamodb:ListStreams',
          ],
          Effect: 'Allow',
          Resource: streamArn,
        },
        {
          Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
          Effect: 'Allow',
          Resource: arnOf(api.coverage.deadLetters),
        },
      ]),
    );
  });

  it("outbox sweep: table, ticket key, SES sending, and its failed runs to the scheduled runs' DLQ only", () => {
    expect(grants(statementsOf(apiTemplate, roleOf(mail.sweepFunction)))).toEqual(
      grants([logsOf(mail.sweepFunction), tableData, ...ticketKey.statements, sendEmail, failedRuns]),
    );
  });

  it('campaign tick and retention purge: table, ticket key, and their failed runs to the DLQ only', () => {
    for (const fn of [mail.campaignFunction, mail.retentionFunction]) {
      expect(grants(statementsOf(apiTemplate, roleOf(fn)))).toEqual(
        grants([logsOf(fn), tableData, ...ticketKey.statements, failedRuns]),
      );
    }
  });

  it('SES event handler: PutItem on the table, nothing else', () => {
    expect(grants(statementsOf(apiTemplate, roleOf(mail.sesEventsFunction)))).toEqual(
      grants([
        logsOf(mail.sesEventsFunction),
        { Action: 'dynamodb:PutItem', Effect: 'Allow', Resource: tableArn },
      ]),
    );
  });

  it('scheduler role: assumed by Scheduler for this schedule group only; invokes its three functions and feeds the DLQ', () => {
    const role = resources[logicalId(mail.schedulerRole)] as Resource;
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: {
            'aws:SourceAccount': { Ref: 'AWS::AccountId' },
            'aws:SourceArn': arnOf(mail.scheduleGroup),
          },
        },
      },
    ]);
    const statements = statementsOf(apiTemplate, logicalId(mail.schedulerRole));
    expect(grants(statements)).toEqual(
      grants([
        ...[mail.sweepFunction, mail.campaignFunction, mail.retentionFunction].map((fn) => ({
          Action: 'lambda:InvokeFunction',
          Effect: 'Allow',
          Resource: arnOf(fn),
        })),
        { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: arnOf(mail.sweepDeadLetters) },
      ]),
    );
  });

  it('no wildcard actions or resources, no Scan, no managed policies, only the roles above', () => {
    expect(allStatements.length).toBeGreaterThan(10);
    for (const statement of allStatements) {
      expect(statement.Effect).toBe('Allow');
      expect(actions(statement).every((action) => !action.includes('*'))).toBe(true);
      expect(actions(statement)).not.toContain('dynamodb:Scan');
      // The only wildcards: object keys under the exports and materials prefixes, which S3 can only grant by pattern.
      const resource = JSON.stringify(statement.Resource)
        .replace(`/${EXPORTS_PREFIX}*"`, '"')
        .replace(`/${MATERIALS_PREFIX}*"`, '"');
      expect(resource).not.toMatch(/"\*"|\/\*"|:\*"/);
    }
    const roles = Object.entries(apiTemplate.findResources('AWS::IAM::Role'));
    expect(roles.map(([id]) => id).sort()).toEqual(
      [...Object.values(functions).map(roleOf), logicalId(mail.schedulerRole)].sort(),
    );
    for (const [, role] of roles) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });
});

/** The event source mapping that invokes `fn`. */
const mappingOf = (fn: IConstruct) => {
  const found = (
    Object.values(apiTemplate.findResources('AWS::Lambda::EventSourceMapping')) as Resource[]
  ).filter((mapping) => JSON.stringify(mapping.Properties.FunctionName) === JSON.stringify(ref(fn)));
  expect(found).toHaveLength(1);
  return found[0] as Resource;
};

describe('outbox stream worker', () => {
  const mapping = mappingOf(mail.streamFunction);

  it('reads the table stream with batch item failures, bisecting, bounded retries and a dead-letter queue', () => {
    expect(mapping.Properties).toMatchObject({
      FunctionName: ref(mail.streamFunction),
      EventSourceArn: streamArn,
      StartingPosition: 'LATEST',
      BatchSize: OUTBOX_STREAM.batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: OUTBOX_STREAM.retryAttempts,
      MaximumRecordAgeInSeconds: OUTBOX_STREAM.maxRecordAge.toSeconds(),
      DestinationConfig: { OnFailure: { Destination: arnOf(mail.streamDeadLetters) } },
    });
  });

  it('is invoked only for pending email jobs', () => {
    const filters = mapping.Properties.FilterCriteria.Filters as { Pattern: string }[];
    expect(filters.map((filter) => JSON.parse(filter.Pattern))).toEqual([
      { dynamodb: { NewImage: { pk: { S: [{ prefix: 'OUTBOX#' }] }, status: { S: ['pending'] } } } },
    ]);
    const pattern = JSON.parse(filters[0]?.Pattern ?? '{}');
    const record = (pk: string, status?: string) => ({
      eventName: 'INSERT',
      dynamodb: { NewImage: { pk: { S: pk }, sk: { S: 'X' }, ...(status ? { status: { S: status } } : {}) } },
    });
    expect(matches(pattern, record('OUTBOX#01J', 'pending'))).toBe(true);
    expect(matches(pattern, record('OUTBOX#01J', 'sending'))).toBe(false);
    expect(matches(pattern, record('OUTBOX#01J', 'sent'))).toBe(false);
    expect(matches(pattern, record('REG#01J', 'pending'))).toBe(false);
    expect(matches(pattern, record('EVENT#01J'))).toBe(false);
    expect(
      matches(pattern, {
        eventName: 'REMOVE',
        dynamodb: { OldImage: record('OUTBOX#1', 'pending').dynamodb.NewImage },
      }),
    ).toBe(false);
  });
});

describe('coverage stream worker', () => {
  const mapping = mappingOf(api.coverage.streamFunction);
  const record = (eventName: string, pk: string, sk: string) => ({
    eventName,
    dynamodb: { Keys: { pk: { S: pk }, sk: { S: sk } } },
  });

  it('reads the table stream from its oldest record with batch item failures, bisecting, bounded retries and a dead-letter queue', () => {
    expect(mapping.Properties).toMatchObject({
      EventSourceArn: streamArn,
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: COVERAGE_STREAM.batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: COVERAGE_STREAM.retryAttempts,
      MaximumRecordAgeInSeconds: COVERAGE_STREAM.maxRecordAge.toSeconds(),
      DestinationConfig: { OnFailure: { Destination: arnOf(api.coverage.deadLetters) } },
    });
    expect(mapping.Properties.ParallelizationFactor ?? 1).toBe(1);
  });

  it('is invoked for registrations, check-ins recorded or undone, and sessions; nothing else', () => {
    const patterns = (mapping.Properties.FilterCriteria.Filters as { Pattern: string }[]).map((filter) =>
      JSON.parse(filter.Pattern),
    );
    const admitted = (value: unknown) => patterns.some((pattern) => matches(pattern, value));
    for (const eventName of ['INSERT', 'MODIFY', 'REMOVE'])
      expect(admitted(record(eventName, 'REG#01J', 'REG'))).toBe(true);
    expect(admitted(record('INSERT', 'EVENT#01J', 'CHECKIN#01K'))).toBe(true);
    expect(admitted(record('REMOVE', 'EVENT#01J', 'CHECKIN#01K'))).toBe(true);
    expect(admitted(record('MODIFY', 'EVENT#01J', 'CHECKIN#01K'))).toBe(false);
    expect(admitted(record('MODIFY', 'EVENT#01J', 'EVENT'))).toBe(true);
    expect(admitted(record('INSERT', 'OUTBOX#01J', 'OUTBOX'))).toBe(false);
    expect(admitted(record('INSERT', 'EVENT#01J', 'STATION#1'))).toBe(false);
    expect(admitted(record('INSERT', 'REG#01J', 'TICKET#1'))).toBe(false);
    expect(admitted(record('MODIFY', 'COVERAGE#NATION', 'COVERAGE'))).toBe(false);
    expect(admitted(record('INSERT', 'COVERMARK#62.02.01.2001', 'REG#01J'))).toBe(false);
  });

  it('raises an alarm on errors and on anything in its dead-letter queue', () => {
    const alarms = Object.values(apiTemplate.findResources('AWS::CloudWatch::Alarm')) as Resource[];
    const queueName = [
      { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(api.coverage.deadLetters), 'QueueName'] } },
    ];
    const fnName = [{ Name: 'FunctionName', Value: ref(api.coverage.streamFunction) }];
    const on = (metric: string, dimensions: unknown) =>
      alarms.filter(
        (alarm) =>
          alarm.Properties.MetricName === metric &&
          JSON.stringify(alarm.Properties.Dimensions) === JSON.stringify(dimensions),
      );
    expect(on('ApproximateNumberOfMessagesVisible', queueName)).toHaveLength(1);
    expect(on('Errors', fnName)).toHaveLength(1);
  });
});

describe('dead-letter queues', () => {
  const queues = [
    mail.streamDeadLetters,
    mail.sweepDeadLetters,
    mail.sesEventsDeadLetters,
    api.coverage.deadLetters,
  ];

  it('one per delivery path, encrypted, kept 14 days, TLS only', () => {
    apiTemplate.resourceCountIs('AWS::SQS::Queue', queues.length);
    for (const queue of queues) {
      expect(resources[logicalId(queue)]?.Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      const policy = Object.values(apiTemplate.findResources('AWS::SQS::QueuePolicy')).find(
        (candidate) => JSON.stringify(candidate.Properties.Queues) === JSON.stringify([ref(queue)]),
      );
      expect(policy?.Properties.PolicyDocument.Statement).toContainEqual({
        Action: 'sqs:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Resource: arnOf(queue),
      });
    }
  });

  it('lets EventBridge write SES events it could not deliver, from the SES rule only', () => {
    const policy = Object.values(apiTemplate.findResources('AWS::SQS::QueuePolicy')).find(
      (candidate) =>
        JSON.stringify(candidate.Properties.Queues) === JSON.stringify([ref(mail.sesEventsDeadLetters)]),
    );
    expect(policy?.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({
        Action: 'sqs:SendMessage',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Resource: arnOf(mail.sesEventsDeadLetters),
        Condition: { ArnEquals: { 'aws:SourceArn': arnOf(mail.sesEventsRule) } },
      }),
    );
  });
});

describe('scheduled work', () => {
  it('runs the sweep and the campaign tick every minute and the retention purge hourly, with retries and a DLQ', () => {
    const group = onlyResource(apiTemplate, 'AWS::Scheduler::ScheduleGroup');
    expect(group.Properties.Name).toMatch(/^hadirdevapi-Mail-Schedules-/);
    const schedules = Object.values(apiTemplate.findResources('AWS::Scheduler::Schedule'));
    const byTarget = (fn: IConstruct) =>
      schedules.find(
        (schedule) => JSON.stringify(schedule.Properties.Target.Arn) === JSON.stringify(arnOf(fn)),
      );
    for (const [fn, rate] of [
      [mail.sweepFunction, 'rate(1 minute)'],
      [mail.campaignFunction, 'rate(1 minute)'],
      [mail.retentionFunction, 'rate(1 hour)'],
    ] as const) {
      expect(byTarget(fn)?.Properties).toMatchObject({
        ScheduleExpression: rate,
        FlexibleTimeWindow: { Mode: 'OFF' },
        State: 'ENABLED',
        GroupName: group.Properties.Name,
        Target: {
          RoleArn: arnOf(mail.schedulerRole),
          DeadLetterConfig: { Arn: arnOf(mail.sweepDeadLetters) },
          RetryPolicy: {
            MaximumRetryAttempts: SWEEP_SCHEDULE.retryAttempts,
            MaximumEventAgeInSeconds: SWEEP_SCHEDULE.maxEventAge.toSeconds(),
          },
        },
      });
    }
    expect(schedules).toHaveLength(3);
  });

  it('Lambda never retries a scheduled run (it would overlap the next one) and sends a failed run to the DLQ', () => {
    const configs = Object.values(apiTemplate.findResources('AWS::Lambda::EventInvokeConfig'));
    const configOf = (fn: IConstruct) =>
      configs.find((config) => JSON.stringify(config.Properties.FunctionName) === JSON.stringify(ref(fn)));
    for (const [fn, age] of [
      [mail.sweepFunction, SCHEDULED_ASYNC.maxEventAge.sweep],
      [mail.campaignFunction, SCHEDULED_ASYNC.maxEventAge.campaigns],
      [mail.retentionFunction, SCHEDULED_ASYNC.maxEventAge.retention],
    ] as const) {
      expect(configOf(fn)?.Properties).toEqual({
        FunctionName: ref(fn),
        Qualifier: '$LATEST',
        MaximumRetryAttempts: 0,
        MaximumEventAgeInSeconds: age.toSeconds(),
        DestinationConfig: { OnFailure: { Destination: arnOf(mail.sweepDeadLetters) } },
      });
    }
    expect(configs).toHaveLength(3);
    expect(RETENTION_RATE.toHours()).toBe(1);
  });
});

describe('SES events', () => {
  it("routes bounces and complaints of hadir's configuration set to the handler, with retries and a DLQ", () => {
    expect(onlyResource(apiTemplate, 'AWS::Events::Rule').Properties).toMatchObject({
      State: 'ENABLED',
      EventPattern: {
        source: ['aws.ses'],
        'detail-type': SES_EVENT_DETAIL_TYPES,
        detail: { mail: { tags: { 'ses:configuration-set': [configurationSetName] } } },
      },
      Targets: [
        {
          Arn: arnOf(mail.sesEventsFunction),
          DeadLetterConfig: { Arn: arnOf(mail.sesEventsDeadLetters) },
          RetryPolicy: {
            MaximumRetryAttempts: SES_EVENTS_TARGET.retryAttempts,
            MaximumEventAgeInSeconds: SES_EVENTS_TARGET.maxEventAge.toSeconds(),
          },
        },
      ],
    });
    expect(SES_EVENT_DETAIL_TYPES).toEqual(['Email Bounced', 'Email Complaint Received']);
  });

  it('lets only that rule invoke the handler', () => {
    const permissions = Object.values(apiTemplate.findResources('AWS::Lambda::Permission')).filter(
      (permission) =>
        JSON.stringify(permission.Properties.FunctionName) === JSON.stringify(arnOf(mail.sesEventsFunction)),
    );
    expect(permissions.map((permission) => permission.Properties)).toEqual([
      {
        Action: 'lambda:InvokeFunction',
        FunctionName: arnOf(mail.sesEventsFunction),
        Principal: 'events.amazonaws.com',
        SourceArn: arnOf(mail.sesEventsRule),
      },
    ]);
  });
});

describe('rate limiter table', () => {
  it('has the key schema of the local table in functions/db/table.ts, TTL on expire, and goes with the stack', () => {
    const local = rateLimitTableDefinition('any');
    apiTemplate.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({
        KeySchema: local.KeySchema,
        AttributeDefinitions: local.AttributeDefinitions,
        BillingMode: local.BillingMode,
        TimeToLiveSpecification: { AttributeName: 'expire', Enabled: true },
        SSESpecification: { SSEEnabled: true },
      }),
    });
    apiTemplate.resourceCountIs('AWS::DynamoDB::Table', 1);
  });
});

describe('exports bucket', () => {
  it('is private, encrypted, TLS only, deletes files after a day and goes with the stack', () => {
    apiTemplate.resourceCountIs('AWS::S3::Bucket', 2);
    apiTemplate.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LifecycleConfiguration: {
          Rules: [
            {
              ExpirationInDays: 1,
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
              Status: 'Enabled',
            },
          ],
        },
      }),
    });
    const policies = Object.values(apiTemplate.findResources('AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(2);
    for (const policy of policies)
      expect(policy.Properties.PolicyDocument.Statement).toEqual([
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      ]);
  });
});

describe('materials bucket', () => {
  it('is private, encrypted, TLS only, keeps its files and stays when the stack goes', () => {
    const bucket = apiTemplate.findResources('AWS::S3::Bucket')[logicalId(api.materialsBucket)];
    expect(bucket?.DeletionPolicy).toBe('Retain');
    expect(bucket?.Properties.LifecycleConfiguration).toBeUndefined();
    expect(bucket?.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
  });
});

describe('http api', () => {
  it('sends the console paths to the console function and everything else to the public one, without CORS', () => {
    const routes = Object.values(apiTemplate.findResources('AWS::ApiGatewayV2::Route')).map(
      (route) => route.Properties.RouteKey as string,
    );
    expect(routes.sort()).toEqual(
      [
        '$default',
        ...consoleRoutePaths.map((path) => `ANY ${path}`),
        ...doorRoutePaths.map((path) => `ANY ${path}`),
        registrationRouteKey,
      ].sort(),
    );
    expect(routes).toContain('ANY /admin/{proxy+}');
    expect(routes).toContain('ANY /api/auth/{proxy+}');
    for (const fn of [apiFunction, api.consoleFunction]) {
      apiTemplate.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: arnOf(fn),
      });
    }
    expect(onlyResource(apiTemplate, 'AWS::ApiGatewayV2::Api').Properties.CorsConfiguration).toBeUndefined();
  });

  it('throttles the auto-deployed $default stage', () => {
    apiTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: API_THROTTLE.rateLimit,
        ThrottlingBurstLimit: API_THROTTLE.burstLimit,
      },
    });
  });

  it('gives the door, the registration form and the console limits of their own, so a rush never starves the door', () => {
    const settings = onlyResource(apiTemplate, 'AWS::ApiGatewayV2::Stage').Properties.RouteSettings as Record<
      string,
      { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
    >;
    const limits = (throttle: { rateLimit: number; burstLimit: number }) => ({
      ThrottlingRateLimit: throttle.rateLimit,
      ThrottlingBurstLimit: throttle.burstLimit,
    });
    for (const path of doorRoutePaths) expect(settings[`ANY ${path}`]).toEqual(limits(ROUTE_THROTTLES.door));
    expect(settings[registrationRouteKey]).toEqual(limits(ROUTE_THROTTLES.registration));
    for (const path of consoleRoutePaths)
      expect(settings[`ANY ${path}`]).toEqual(limits(ROUTE_THROTTLES.console));
    // Every route with its own limit exists, or API Gateway would refuse the stage.
    const routes = Object.values(apiTemplate.findResources('AWS::ApiGatewayV2::Route')).map(
      (route) => route.Properties.RouteKey as string,
    );
    expect(routes).toEqual(expect.arrayContaining(Object.keys(settings)));
    // The door's API and check-in pages, as the public app mounts them.
    expect(doorRoutePaths).toEqual(
      expect.arrayContaining([
        '/api/events/{eventId}/checkins',
        '/api/events/{eventId}/roster',
        '/checkin/{proxy+}',
      ]),
    );
  });

  it('writes JSON access logs without paths to a log group kept for a month', () => {
    const stage = onlyResource(apiTemplate, 'AWS::ApiGatewayV2::Stage');
    const settings = stage.Properties.AccessLogSettings as {
      DestinationArn: { 'Fn::GetAtt': [string, string] };
      Format: string;
    };
    const format = JSON.parse(settings.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
    expect(settings.Format).not.toMatch(/\$context\.(path|routeKey)/);
    const [logGroupId] = settings.DestinationArn['Fn::GetAtt'];
    expect(resources[logGroupId]).toMatchObject({ Properties: { RetentionInDays: 30 } });
  });

  it('has no custom domain without a certificate', () => {
    apiTemplate.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
    const domainOnly = build({ domainName: 'hadir.example.go.id' });
    const template = Template.fromStack(domainOnly.api);
    template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
    template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 0);
  });

  it('maps the custom domain (TLS 1.2, the given certificate) to the $default stage when both are in context', () => {
    expect(onlyResource(prodApiTemplate, 'AWS::ApiGatewayV2::DomainName').Properties).toMatchObject({
      DomainName: 'hadir.example.go.id',
      DomainNameConfigurations: [
        { CertificateArn: PROD_CONTEXT.certificateArn, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' },
      ],
    });
    expect(onlyResource(prodApiTemplate, 'AWS::ApiGatewayV2::ApiMapping').Properties).toEqual({
      ApiId: ref(prod.api.httpApi),
      DomainName: ref(prod.api.domain as IConstruct),
      Stage: '$default',
    });
    expect(Object.keys(prodApiTemplate.toJSON().Outputs)).toEqual(expect.arrayContaining(['DomainTarget']));
  });
});

describe('alarms', () => {
  const topicRef = ref(alarms.topic);
  const alarmList = Object.values(apiTemplate.findResources('AWS::CloudWatch::Alarm')) as Resource[];
  const metricAlarm = (namespace: string, metricName: string, dimensions?: unknown) =>
    alarmList.filter(
      (alarm) =>
        alarm.Properties.Namespace === namespace &&
        alarm.Properties.MetricName === metricName &&
        (dimensions === undefined ||
          JSON.stringify(alarm.Properties.Dimensions) === JSON.stringify(dimensions)),
    );

  it('publishes to a KMS-encrypted, TLS-only topic that CloudWatch may use', () => {
    const topic = resources[logicalId(alarms.topic)] as Resource;
    const keyId = topic.Properties.KmsMasterKeyId['Fn::GetAtt'][0];
    expect(resources[keyId]).toMatchObject({
      Type: 'AWS::KMS::Key',
      Properties: { EnableKeyRotation: true },
    });
    expect(resources[keyId]?.Properties.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      }),
    );
    const policy = onlyResource(apiTemplate, 'AWS::SNS::TopicPolicy');
    expect(policy.Properties.PolicyDocument.Statement).toEqual([
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'sns:Publish',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Resource: topicRef,
        Condition: expect.objectContaining({
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
        }),
      }),
    ]);
  });

  it('subscribes the operator by email only when alarmEmail is given', () => {
    apiTemplate.resourceCountIs('AWS::SNS::Subscription', 0);
    expect(onlyResource(prodApiTemplate, 'AWS::SNS::Subscription').Properties).toEqual({
      Protocol: 'email',
      Endpoint: 'ops@example.go.id',
      TopicArn: ref(prod.api.alarms.topic),
    });
  });

  it('every alarm notifies the topic on alarm and on recovery, and ignores missing data', () => {
    // API 5xx rate, errors and throttles of 8 functions, depth of 4 DLQs, SES bounce and complaint rates, refused
    // registrations, API 4xx rate and 429s, stream iterator age, table throttles, SES daily quota, WhatsApp sends
    // failed for good.
    expect(alarmList).toHaveLength(1 + 8 * 2 + 4 + 2 + 1 + 2 + 1 + 1 + 1 + 1);
    for (const alarm of alarmList) {
      expect(alarm.Properties).toMatchObject({
        AlarmActions: [topicRef],
        OKActions: [topicRef],
        TreatMissingData: 'notBreaching',
      });
    }
  });

  it('API: 5xx above 5% of requests in 2 of 3 five-minute periods, once there is traffic', () => {
    const [alarm] = alarmList.filter((candidate) => candidate.Properties.Metrics);
    const dimensions = [{ Name: 'ApiId', Value: ref(api.httpApi) }];
    expect(alarm?.Properties).toMatchObject({
      Threshold: ALARM_THRESHOLDS.api5xxPercent,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      Metrics: [
        { Expression: `IF(requests >= ${ALARM_THRESHOLDS.api5xxMinRequests}, 100 * errors / requests, 0)` },
        {
          Id: 'errors',
          MetricStat: {
            Metric: { Namespace: 'AWS/ApiGateway', MetricName: '5xx', Dimensions: dimensions },
            Stat: 'Sum',
          },
        },
        {
          Id: 'requests',
          MetricStat: {
            Metric: { Namespace: 'AWS/ApiGateway', MetricName: 'Count', Dimensions: dimensions },
            Stat: 'Sum',
          },
        },
      ],
    });
  });

  it.each(Object.entries(functions))('%s: any error or throttle in five minutes', (_, fn) => {
    const dimensions = [{ Name: 'FunctionName', Value: ref(fn) }];
    for (const metricName of ['Errors', 'Throttles']) {
      const found = metricAlarm('AWS/Lambda', metricName, dimensions);
      expect(found).toHaveLength(1);
      expect(found[0]?.Properties).toMatchObject({
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
  });

  it('each dead-letter queue: any message waiting', () => {
    for (const queue of [
      mail.streamDeadLetters,
      mail.sweepDeadLetters,
      mail.sesEventsDeadLetters,
      api.coverage.deadLetters,
    ]) {
      const dimensions = [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(queue), 'QueueName'] } }];
      const found = metricAlarm('AWS/SQS', 'ApproximateNumberOfMessagesVisible', dimensions);
      expect(found).toHaveLength(1);
      expect(found[0]?.Properties).toMatchObject({
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    }
  });

  it("SES: the account's bounce and complaint rates at half the levels where SES reviews accounts", () => {
    expect(metricAlarm('AWS/SES', 'Reputation.BounceRate')[0]?.Properties).toMatchObject({
      Threshold: 0.025,
      Statistic: 'Maximum',
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(metricAlarm('AWS/SES', 'Reputation.ComplaintRate')[0]?.Properties).toMatchObject({
      Threshold: 0.0005,
    });
  });

  it('SES: 80% of the daily sending quota (from context) sent in a day', () => {
    expect(metricAlarm('AWS/SES', 'Send')[0]?.Properties).toMatchObject({
      Threshold: 40_000,
      Statistic: 'Sum',
      Period: 86_400,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    const quota = Template.fromStack(build({ sesDailyQuota: '200000' }).api);
    quota.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Send', Threshold: 160_000 });
  });

  it('the outbox stream: records five minutes old (emails late)', () => {
    const dimensions = [{ Name: 'FunctionName', Value: ref(mail.streamFunction) }];
    expect(metricAlarm('AWS/Lambda', 'IteratorAge', dimensions)[0]?.Properties).toMatchObject({
      Statistic: 'Maximum',
      Threshold: ALARM_THRESHOLDS.streamIteratorAgeMs,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('DynamoDB: read and write throttle events of the table, and API 4xx share and 429s', () => {
    const byExpression = (expression: string) =>
      alarmList.find((alarm) =>
        (alarm.Properties.Metrics as { Expression?: string }[] | undefined)?.some((metric) =>
          metric.Expression?.startsWith(expression),
        ),
      );
    const throttles = byExpression('reads + writes');
    expect(throttles?.Properties.Threshold).toBe(ALARM_THRESHOLDS.tableThrottleEvents);
    const metricNames = (
      (throttles?.Properties.Metrics ?? []) as { MetricStat?: { Metric: { MetricName: string } } }[]
    )
      .flatMap((metric) => (metric.MetricStat ? [metric.MetricStat.Metric.MetricName] : []))
      .sort();
    expect(metricNames).toEqual(['ReadThrottleEvents', 'WriteThrottleEvents']);
    const refused = byExpression(`IF(requests >= ${ALARM_THRESHOLDS.api5xxMinRequests}, 100 * refused`);
    expect(refused?.Properties).toMatchObject({
      Threshold: ALARM_THRESHOLDS.api4xxPercent,
      DatapointsToAlarm: 2,
    });
    const [throttled] = metricAlarm('hadir/dev', 'ThrottledRequests');
    expect(throttled?.Properties).toMatchObject({
      Threshold: ALARM_THRESHOLDS.throttled429,
      Statistic: 'Sum',
    });
    // Counted from the access log, where API Gateway writes every 429 it answers.
    expect(onlyResource(apiTemplate, 'AWS::Logs::MetricFilter').Properties).toMatchObject({
      FilterPattern: '{ $.status = "429" }',
      MetricTransformations: [
        { MetricNamespace: 'hadir/dev', MetricName: 'ThrottledRequests', MetricValue: '1' },
      ],
    });
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing that is not acknowledged, with or without the optional context', () => {
    expect(new AwsSolutionsChecks().validateScope(app).violations).toEqual([]);
    expect(new AwsSolutionsChecks().validateScope(prod.app).violations).toEqual([]);
  });

  it('acknowledges only the reviewed rules, each with a reason', () => {
    const acknowledged = app.node
      .findAll()
      .flatMap((construct) => construct.node.metadata)
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>));
    const ids = acknowledged.map(([id]) => id.replace(/^annotation::/i, ''));
    const exportsBucketId = logicalId(api.exportsBucket);
    const materialsBucketId = logicalId(api.materialsBucket);
    expect([...new Set(ids)].sort()).toEqual([
      'AwsSolutions-APIG4',
      'AwsSolutions-DDB3',
      `AwsSolutions-IAM5[Resource::<${exportsBucketId}.Arn>/${EXPORTS_PREFIX}*]`,
      `AwsSolutions-IAM5[Resource::<${materialsBucketId}.Arn>/${MATERIALS_PREFIX}*]`,
      'AwsSolutions-L1',
      'AwsSolutions-S1',
      'AwsSolutions-SMG4',
      'AwsSolutions-SQS3',
    ]);
    // L1 on each of the 8 functions, SQS3 on each of the 4 dead-letter queues.
    expect(ids.filter((id) => id === 'AwsSolutions-L1')).toHaveLength(8);
    expect(ids.filter((id) => id === 'AwsSolutions-SQS3')).toHaveLength(4);
    for (const [, reason] of acknowledged) expect(reason.length).toBeGreaterThan(80);
  });
});

describe('where the stacks go', () => {
  it('pins every stack to Jakarta (ap-southeast-3) unless context names another region, whatever the CLI profile says', () => {
    const previous = process.env.AWS_REGION;
    process.env.AWS_REGION = 'us-east-1';
    try {
      for (const stack of [data, api]) expect(stack.region).toBe('ap-southeast-3');
      const other = build({ region: 'ap-southeast-1' });
      expect(other.data.region).toBe('ap-southeast-1');
      expect(build().api.region).toBe('ap-southeast-3');
    } finally {
      if (previous === undefined) delete process.env.AWS_REGION;
      else process.env.AWS_REGION = previous;
    }
    expect(prod.data.account).toBe('123456789012');
    expect(() => build({ region: 'Jakarta' })).toThrow(/region must be/);
    expect(() => build({ account: '1234' })).toThrow(/account must be/);
  });

  it('protects the prod stacks from termination, not dev', () => {
    for (const stack of [prod.data, prod.api]) expect(stack.terminationProtection).toBe(true);
    for (const stack of [data, api]) expect(stack.terminationProtection).toBe(false);
  });

  it('refuses to synth prod without a real sender, a domain with its certificate, an alarm address and its account', () => {
    const without = (key: keyof typeof PROD_CONTEXT) =>
      build(Object.fromEntries(Object.entries(PROD_CONTEXT).filter(([name]) => name !== key)));
    expect(() => without('senderEmail')).toThrow(/senderEmail/);
    expect(() =>
      build({ ...PROD_CONTEXT, senderEmail: 'noreply@example.org', emailDomain: 'example.org' }),
    ).toThrow(/senderEmail/);
    expect(() => without('domainName')).toThrow(/domainName/);
    expect(() => without('certificateArn')).toThrow(/prod refuses to synth without certificateArn/);
    expect(() => without('alarmEmail')).toThrow(/prod refuses to synth without alarmEmail/);
    expect(() => without('account')).toThrow(/prod refuses to synth without account/);
    // A certificate of another region cannot serve the API's domain.
    expect(() =>
      build({
        ...PROD_CONTEXT,
        certificateArn: PROD_CONTEXT.certificateArn.replace('ap-southeast-3', 'us-east-1'),
      }),
    ).toThrow(/certificate in ap-southeast-3/);
  });

  it('sets every feature flag CDK currently recommends, in cdk.json, and the tests synthesise with them', () => {
    const recommended = cxapi.CURRENTLY_RECOMMENDED_FLAGS as Record<string, unknown>;
    const context = projectContext();
    for (const [flag, value] of Object.entries(recommended))
      expect([flag, context[flag]]).toEqual([flag, value]);
    expect(app.node.tryGetContext('@aws-cdk/aws-iam:minimizePolicies')).toBe(true);
  });
});

describe('point-in-time restore', () => {
  it('the detach step drops only the table from the data stack: the secrets, ticket key and SES keep their ids', () => {
    const detached = buildDetachedDataApp({ 'aws:cdk:bundling-stacks': [], ...PROD_CONTEXT });
    const template = Template.fromStack(detached.data);
    template.resourceCountIs('AWS::DynamoDB::Table', 0);
    const full = Template.fromStack(prod.data).toJSON().Resources as Record<string, Resource>;
    const kept = template.toJSON().Resources as Record<string, Resource>;
    const tableIds = Object.keys(full).filter((id) => full[id]?.Type === 'AWS::DynamoDB::Table');
    expect(tableIds).toHaveLength(1);
    expect(Object.keys(kept).sort()).toEqual(
      Object.keys(full)
        .filter((id) => !tableIds.includes(id))
        .sort(),
    );
    for (const id of Object.keys(kept)) expect([id, kept[id]]).toEqual([id, full[id]]);
    expect(detached.data.terminationProtection).toBe(true);
    // The table that stays behind is retained, never deleted.
    expect(full[tableIds[0] as string]).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });
});

describe('optional CloudFront and WAF front (-c waf=true)', () => {
  const EDGE_CERTIFICATE =
    'arn:aws:acm:us-east-1:123456789012:certificate/7d6c1a2e-1111-2222-3333-444455556666';
  const waf = build({ ...PROD_CONTEXT, waf: 'true', edgeCertificateArn: EDGE_CERTIFICATE });
  const edgeTemplate = Template.fromStack(waf.edge as Stack);
  const wafApiTemplate = Template.fromStack(waf.api);

  it('is not there unless asked for', () => {
    expect(prod.edge).toBeUndefined();
    prodApiTemplate.resourceCountIs('AWS::CloudFront::Distribution', 0);
    expect(onlyResource(prodApiTemplate, 'AWS::ApiGatewayV2::Api').Properties.DisableExecuteApiEndpoint).toBe(
      false,
    );
  });

  it('puts a web ACL with per-IP rate rules in us-east-1 and leaves the door out of them', () => {
    expect(waf.edge?.region).toBe('us-east-1');
    const acl = onlyResource(edgeTemplate, 'AWS::WAFv2::WebACL').Properties;
    expect(acl.Scope).toBe('CLOUDFRONT');
    const rules = acl.Rules as { Name: string; Statement: Json }[];
    expect(rules.map((rule) => rule.Name)).toEqual(['RegistrationsPerIp', 'AllPathsPerIp', 'AwsCommonRules']);
    expect(rules[0]?.Statement.RateBasedStatement).toMatchObject({
      Limit: WAF_LIMITS.registrationsPerIp,
      AggregateKeyType: 'IP',
    });
    expect(rules[1]?.Statement.RateBasedStatement.ScopeDownStatement.NotStatement).toBeDefined();
    const pattern = new RegExp(
      onlyResource(edgeTemplate, 'AWS::WAFv2::RegexPatternSet').Properties.RegularExpressionList[0],
    );
    expect(pattern.test('/api/events/abc/checkins/batch')).toBe(true);
    expect(pattern.test('/checkin/abc')).toBe(true);
    expect(pattern.test('/api/events/abc/registrations')).toBe(false);
  });

  it('serves the domain through CloudFront with that web ACL and turns the execute-api endpoint off', () => {
    const distribution = onlyResource(wafApiTemplate, 'AWS::CloudFront::Distribution').Properties
      .DistributionConfig;
    expect(distribution).toMatchObject({
      Aliases: ['hadir.example.go.id'],
      ViewerCertificate: { AcmCertificateArn: EDGE_CERTIFICATE, MinimumProtocolVersion: 'TLSv1.2_2021' },
    });
    expect(JSON.stringify(distribution.WebACLId)).toMatch(/WebAcl|Fn::GetAtt|Ref|ImportValue|SSM|Custom/);
    expect(onlyResource(wafApiTemplate, 'AWS::ApiGatewayV2::Api').Properties.DisableExecuteApiEndpoint).toBe(
      true,
    );
    expect(() => build({ waf: 'true' })).toThrow(
      /waf=true needs domainName, certificateArn, edgeCertificateArn/,
    );
  });

  it('passes cdk-nag with only reviewed acknowledgements', () => {
    expect(new AwsSolutionsChecks().validateScope(waf.app).violations).toEqual([]);
  });
});

describe('cdk.json', () => {
  it('turns CLI telemetry, notices and version reporting (AWS::CDK::Metadata) off and runs the app with tsx', () => {
    const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'));
    expect(cdkJson.app).toBe('npx tsx infra/app.ts');
    expect(cdkJson.notices).toBe(false);
    expect(cdkJson.context['cli-telemetry']).toBe(false);
    expect(cdkJson.versionReporting).toBe(false);
  });
});

/**
 * The subset of Lambda's event filtering used here: nested objects, exact string values and `prefix`. A key the
 * pattern names must be present in the record.
 */
function matches(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) {
    return pattern.some((rule) =>
      typeof rule === 'object' && rule !== null && 'prefix' in rule
        ? typeof value === 'string' && value.startsWith(String(rule.prefix))
        : rule === value,
    );
  }
  if (typeof pattern !== 'object' || pattern === null || typeof value !== 'object' || value === null)
    return false;
  return Object.entries(pattern).every(
    ([key, sub]) => key in value && matches(sub, (value as Record<string, unknown>)[key]),
  );
}
