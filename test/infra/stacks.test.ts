import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../../functions/db/table';
import { API_THROTTLE } from '../../infra/api-stack';
import { buildApp } from '../../infra/build-app';
import { INDEXES } from '../../infra/data-stack';

/** Without bundling: esbuild would add seconds per build and test nothing about the templates. */
const build = (context: Record<string, unknown> = {}) =>
  buildApp({ 'aws:cdk:bundling-stacks': [], ...context });

const { app, data, api } = build();
const dataTemplate = Template.fromStack(data);
const apiTemplate = Template.fromStack(api);

const onlyResource = (template: Template, type: string) => {
  const resources = Object.values(template.findResources(type));
  expect(resources).toHaveLength(1);
  return resources[0] as { Properties: Record<string, unknown> };
};
const logicalId = (construct: IConstruct) =>
  Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);

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
});

describe('api function', () => {
  const functionId = logicalId(api.apiFunction);
  const fn = apiTemplate.toJSON().Resources[functionId];

  it('runs Node 22 on arm64 with 512 MB and a 10 s timeout', () => {
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 10,
      Handler: 'index.handler',
    });
  });

  it('gets the table name, public base URL, stage and source maps from its environment', () => {
    expect(fn.Properties.Environment.Variables).toEqual({
      TABLE_NAME: { 'Fn::ImportValue': exportOf({ Ref: logicalId(data.table) }) },
      PUBLIC_BASE_URL: '',
      HADIR_STAGE: 'dev',
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it('logs JSON to its own log group kept for a month', () => {
    const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref;
    expect(fn.Properties.LoggingConfig.LogFormat).toBe('JSON');
    expect(apiTemplate.toJSON().Resources[logGroupId]).toMatchObject({
      Type: 'AWS::Logs::LogGroup',
      Properties: { RetentionInDays: 30 },
    });
  });

  it('builds PUBLIC_BASE_URL and HADIR_STAGE from context', () => {
    const prod = build({ stage: 'prod', domainName: 'hadir.example.go.id' });
    expect(prod.data.stackName).toBe('hadir-prod-data');
    Template.fromStack(prod.api).hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ PUBLIC_BASE_URL: 'https://hadir.example.go.id', HADIR_STAGE: 'prod' }),
      },
    });
  });

  it('refuses a stage that cannot name resources', () => {
    expect(() => build({ stage: 'Prod Stage' })).toThrow(/stage must be/);
  });
});

describe('api function permissions', () => {
  type Statement = { Action: string | string[]; Resource: unknown };
  const statements: Statement[] = Object.values(apiTemplate.findResources('AWS::IAM::Policy')).flatMap(
    (policy) => policy.Properties.PolicyDocument.Statement,
  );
  const actions = (statement: Statement) => [statement.Action].flat();

  it('uses DynamoDB only on the table and its named indexes, without Scan', () => {
    const tableArn = { 'Fn::ImportValue': exportOf({ 'Fn::GetAtt': [logicalId(data.table), 'Arn'] }) };
    const dynamo = statements.filter((s) => actions(s).some((action) => action.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    const [statement] = dynamo as [Statement];
    expect(actions(statement)).not.toContain('dynamodb:Scan');
    expect(statement.Resource).toEqual([
      tableArn,
      ...INDEXES.map((index) => ({ 'Fn::Join': ['', [tableArn, `/index/${index.name}`]] })),
    ]);
  });

  it('has no wildcard actions or resources and no managed policies', () => {
    for (const statement of statements) {
      expect(actions(statement).every((action) => !action.includes('*'))).toBe(true);
      expect(JSON.stringify(statement.Resource)).not.toMatch(/"\*"|\/\*"/);
    }
    for (const role of Object.values(apiTemplate.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('http api', () => {
  it('sends every request to the function through the $default route', () => {
    apiTemplate.resourceCountIs('AWS::ApiGatewayV2::Route', 1);
    apiTemplate.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    apiTemplate.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [logicalId(api.apiFunction), 'Arn'] },
    });
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
    expect(apiTemplate.toJSON().Resources[logGroupId]).toMatchObject({ Properties: { RetentionInDays: 30 } });
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing that is not acknowledged', () => {
    expect(new AwsSolutionsChecks().validateScope(app).violations).toEqual([]);
  });

  it('acknowledges only the reviewed rules, each with a reason', () => {
    const acknowledged = app.node
      .findAll()
      .flatMap((construct) => construct.node.metadata)
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>));
    expect(acknowledged.map(([id]) => id.replace(/^annotation::/i, '')).sort()).toEqual([
      'AwsSolutions-APIG4',
      'AwsSolutions-L1',
    ]);
    for (const [, reason] of acknowledged) expect(reason.length).toBeGreaterThan(40);
  });
});

/** The name under which the data stack exports a value, as the API stack imports it. */
function exportOf(value: unknown): string {
  const outputs = Object.values(dataTemplate.toJSON().Outputs ?? {}) as {
    Value: unknown;
    Export: { Name: string };
  }[];
  const output = outputs.find((candidate) => JSON.stringify(candidate.Value) === JSON.stringify(value));
  if (!output) throw new Error(`data stack exports no ${JSON.stringify(value)}`);
  return output.Export.Name;
}
