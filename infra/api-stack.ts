import { fileURLToPath } from 'node:url';
import {
  CfnOutput,
  CrossStackReferences,
  ReferenceStrength,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { HadirConfig } from './config';
import { HadirFunction } from './constructs/hadir-function';

export interface ApiStackProps extends StackProps {
  readonly config: HadirConfig;
  readonly table: dynamodb.ITable;
}

/**
 * Sized for a briefing's opening rush (hundreds of registrations a minute) with ample headroom, while capping what
 * a flood can cost us.
 */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

/** Stateless compute: the HTTP API and the function behind it. */
export class ApiStack extends Stack {
  readonly apiFunction: HadirFunction;
  readonly url: string;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    // Strong (exports): CloudFormation refuses to delete the data stack while this stack uses its table.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);
    const { config, table } = props;

    this.apiFunction = new HadirFunction(this, 'ApiFunction', {
      entry: fileURLToPath(new URL('../functions/handlers/api.ts', import.meta.url)),
      description: `hadir ${config.stage}: HTTP API and pages`,
      environment: {
        HADIR_STAGE: config.stage,
        PUBLIC_BASE_URL: config.domainName ? `https://${config.domainName}` : '',
      },
    }).bindTable(table);

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const api = new apigwv2.HttpApi(this, 'HttpApi', {
      apiName: `hadir-${config.stage}`,
      // Hono routes every path itself, so API Gateway needs just the catch-all $default route.
      defaultIntegration: new HttpLambdaIntegration('ApiIntegration', this.apiFunction),
      createDefaultStage: false,
    });
    const stage = api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        // JSON for Logs Insights. No path: ticket and manage links carry bearer codes, and access logs are read more
        // widely than the data; `lambdaRequestId` leads to the function's log lines, which know the route.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            lambdaRequestId: '$context.integration.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            method: '$context.httpMethod',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    this.url = stage.url;

    Validations.of(api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Registration, ticket and check-in pages are public and used without an AWS identity; the application ' +
        'authorizes in code: staff and check-in stations by bearer secrets (sign-in links, station tokens), ' +
        'participants by unguessable ticket codes and manage links.',
    });
    new CfnOutput(this, 'ApiUrl', { value: this.url });
  }
}
