import { fileURLToPath } from 'node:url';
import {
  CfnOutput,
  CrossStackReferences,
  Duration,
  ReferenceStrength,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { consoleRoutePrefixes, consoleTicketPaths } from '../functions/http/console-paths';
import { EXPORTS_PREFIX } from '../functions/reports/export-files';
import { MATERIALS_PREFIX } from '../functions/reports/material-files';
import { type HadirConfig, publicBaseUrl } from './config';
import { CoverageWorker } from './constructs/coverage-worker';
import { HadirFunction, secretParameterName } from './constructs/hadir-function';
import { MailWorkers } from './constructs/mail-workers';
import { OperatorAlarms } from './constructs/operator-alarms';
import { WhatsAppChannel } from './constructs/whatsapp-channel';

export interface ApiStackProps extends StackProps {
  readonly config: HadirConfig;
  readonly table: dynamodb.ITable;
  readonly sessionSecret: secretsmanager.ISecret;
  readonly ticketKey: secretsmanager.ISecret;
  readonly emailIdentityArn: string;
  readonly configurationSetName: string;
  readonly configurationSetArn: string;
  /** The web ACL of the edge stack (`-c waf=true`): the API is then served through CloudFront only. */
  readonly webAclArn?: string;
}

/** The rate limiter's counters table (functions/db/table.ts has the local twin). */
export const RATE_LIMIT_TABLE_KEY = 'key';
export const RATE_LIMIT_TTL_ATTRIBUTE = 'expire';

/** Where the HTTP functions read the session-signing secret (the same reference as every other secret). */
export const sessionSecretParameterName = secretParameterName;

/**
 * Sized for a briefing's opening rush (hundreds of registrations a minute) with ample headroom, while capping what
 * a flood can cost us.
 */
/** API Gateway paths of the console Lambda, from the console surface's prefixes (functions/http/console-surface.ts). */
export const consoleRoutePaths = [
  ...consoleRoutePrefixes.flatMap((prefix) =>
    prefix.includes('.') ? [prefix] : [prefix, `${prefix}/{proxy+}`],
  ),
  ...consoleTicketPaths,
];

type FunctionSize = { memorySize: number; timeout: Duration };

export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

/**
 * The door's routes (check-in page and its API), each with limits of its own: API Gateway counts every route
 * apart, so a registration rush or a noisy client on other routes never makes the door phones wait.
 */
export const doorRoutePaths = [
  '/checkin',
  '/checkin/{proxy+}',
  '/api/events/{eventId}/checkins',
  '/api/events/{eventId}/checkins/{proxy+}',
  '/api/events/{eventId}/walk-ins',
  '/api/events/{eventId}/substitutes',
  '/api/events/{eventId}/attendance',
  '/api/events/{eventId}/roster',
];
/** The registration form's submissions: the rush, limited apart from the pages people read meanwhile. */
export const registrationRouteKey = 'POST /api/events/{eventId}/registrations';

/** Per-route limits (requests per second, burst); every other route has API_THROTTLE. */
export const ROUTE_THROTTLES = {
  door: { rateLimit: 100, burstLimit: 200 },
  registration: { rateLimit: 50, burstLimit: 100 },
  console: { rateLimit: 25, burstLimit: 50 },
} as const;

/**
 * Everything stateless: the functions, the HTTP API (and its optional custom domain), the dead-letter queues, the
 * sweep's schedule and the alarms. It can be destroyed and redeployed at will; the data stack keeps the state.
 */
export class ApiStack extends Stack {
  readonly apiFunction: HadirFunction;
  readonly consoleFunction: HadirFunction;
  readonly rateLimitTable: dynamodb.Table;
  readonly exportsBucket: s3.Bucket;
  readonly materialsBucket: s3.Bucket;
  readonly httpApi: apigwv2.HttpApi;
  readonly domain?: apigwv2.DomainName;
  readonly mail: MailWorkers;
  readonly alarms: OperatorAlarms;
  readonly coverage: CoverageWorker;
  readonly url: string;
  readonly throttledRequests: cloudwatch.IMetric;
  readonly distribution?: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    // Strong (exports): CloudFormation refuses to delete the data stack while this stack uses its table.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);
    const { config, table, sessionSecret, ticketKey } = props;

    // Counters of the rate limiter (functions/http/rate-limit.ts): minutes-long, expired by TTL, worthless after a
    // redeploy, so they live here and go with this stack.
    this.rateLimitTable = new dynamodb.Table(this, 'RateLimitTable', {
      partitionKey: { name: RATE_LIMIT_TABLE_KEY, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: RATE_LIMIT_TTL_ATTRIBUTE,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.rateLimitTable).acknowledge({
      id: 'AwsSolutions-DDB3',
      reason:
        'The rate limiter table holds only counters that expire within 15 minutes; there is nothing to restore, ' +
        'and a restored table would only re-impose stale limits. The data of record is in the data stack (PITR on).',
    });

    /** Both HTTP functions serve the same app shell (functions/http/http-app.tsx), each with its own routes. */
    const httpFunction = (
      id: string,
      handler: string,
      description: string,
      size: Partial<FunctionSize> = {},
    ) => {
      const fn = new HadirFunction(this, id, {
        entry: fileURLToPath(new URL(`../functions/handlers/${handler}`, import.meta.url)),
        description,
        ...size,
        environment: {
          HADIR_STAGE: config.stage,
          // Empty: links are built from the request's own origin.
          PUBLIC_BASE_URL: publicBaseUrl(config, ''),
          RATE_LIMIT_TABLE: this.rateLimitTable.tableName,
        },
      }).bindTable(table);
      // The limiter only counts: one conditional UpdateItem per hit (functions/db/rate-limits-repo.ts).
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['dynamodb:UpdateItem'],
          resources: [this.rateLimitTable.tableArn],
        }),
      );
      // Cookies are signed with the one, ticket codes derived with the other (pages, API, check-in, certificates).
      return fn
        .bindSecret(sessionSecret, 'SESSION_SECRET_PARAMETER')
        .bindSecret(ticketKey, 'TICKET_KEY_PARAMETER');
    };
    this.apiFunction = httpFunction(
      'ApiFunction',
      'api.ts',
      `hadir ${config.stage}: public pages, registration, check-in`,
    );
    // The console carries PDF, XLSX, email previews and OpenAPI; keeping it apart keeps the public cold start small.
    // Exports and PDFs of a large session need more room and time than a page: just under API Gateway's 30 s.
    this.consoleFunction = httpFunction(
      'ConsoleFunction',
      'console.ts',
      `hadir ${config.stage}: organizer console`,
      {
        memorySize: 1024,
        timeout: Duration.seconds(29),
      },
    );

    // A response leaves a Lambda whole and API Gateway refuses more than 6 MB, so the console writes CSV/XLSX exports
    // here and answers with a five-minute presigned link (functions/reports/s3-export-files.ts). The files are
    // personal data relayed for minutes: private, encrypted, TLS only, deleted after a day, gone with the stack.
    this.exportsBucket = new s3.Bucket(this, 'ExportsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        { expiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.exportsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        "Every export is already in hadir's audit log (who, which session, which file, when); the bucket only relays " +
        'a file for the five minutes its presigned link lives and deletes it within a day, so access logs would ' +
        'record nothing the audit log lacks, in a second bucket of their own.',
    });
    this.consoleFunction.addEnvironment('EXPORT_BUCKET', this.exportsBucket.bucketName);
    // Multipart upload (PutObject covers create, part and complete), abort on failure, and GetObject so the
    // function's presigned links are valid: under the exports prefix only.
    this.consoleFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:GetObject'],
        resources: [this.exportsBucket.arnForObjects(`${EXPORTS_PREFIX}*`)],
      }),
    );
    const bucketId = this.getLogicalId(this.exportsBucket.node.defaultChild as s3.CfnBucket);
    Validations.of(this.consoleFunction.role as iam.IRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${EXPORTS_PREFIX}*]`,
      reason:
        'Each export is a new object with a random key (the session id, a UUID, the file name), so S3 can only ' +
        'grant it by pattern; the pattern is this one bucket and its exports prefix, and the actions are the three ' +
        'an upload and its presigned download need.',
    });

    // Speakers' slides and papers of each session (functions/reports/material-files-s3.ts): the console stores them
    // and answers a download with a five-minute presigned link. Kept when the stack goes: participants download them
    // long after the session, and they are the Dinas's documents, not data the stack can recreate.
    this.materialsBucket = new s3.Bucket(this, 'MaterialsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.materialsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        "Every upload and removal of a material is already in hadir's audit log (who, which session, which file, " +
        'when), and downloads are of documents meant for every participant; access logs would need a second bucket ' +
        'to record nothing the audit log lacks.',
    });
    this.consoleFunction.addEnvironment('MATERIALS_BUCKET', this.materialsBucket.bucketName);
    // Store, read (the presigned download) and remove materials: under the materials prefix only.
    this.consoleFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
        resources: [this.materialsBucket.arnForObjects(`${MATERIALS_PREFIX}*`)],
      }),
    );
    const materialsBucketId = this.getLogicalId(this.materialsBucket.node.defaultChild as s3.CfnBucket);
    Validations.of(this.consoleFunction.role as iam.IRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${materialsBucketId}.Arn>/${MATERIALS_PREFIX}*]`,
      reason:
        'Each material is a new object keyed by its session, its id and its file name, so S3 can only grant it by ' +
        'pattern; the pattern is this one bucket and its materials prefix, and the actions are the three that ' +
        'storing, the presigned download and removal need.',
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const api = new apigwv2.HttpApi(this, 'HttpApi', {
      apiName: `hadir-${config.stage}`,
      // The public function takes the catch-all $default route; the console's paths are routed to it below. No
      // CORS: the pages and the JSON API share one origin, and static assets (/assets/*, fingerprinted, cached a
      // year) come from the app itself.
      defaultIntegration: new HttpLambdaIntegration('ApiIntegration', this.apiFunction),
      createDefaultStage: false,
      // Behind CloudFront and WAF, only through them: the execute-api address would bypass the web ACL.
      disableExecuteApiEndpoint: !!props.webAclArn,
    });
    this.httpApi = api;
    const consoleIntegration = new HttpLambdaIntegration('ConsoleIntegration', this.consoleFunction);
    for (const path of consoleRoutePaths) {
      api.addRoutes({ path, methods: [apigwv2.HttpMethod.ANY], integration: consoleIntegration });
    }
    // Routes of the public function that get limits of their own (the public function still answers them).
    const publicIntegration = new HttpLambdaIntegration('DoorIntegration', this.apiFunction);
    for (const path of doorRoutePaths) {
      api.addRoutes({ path, methods: [apigwv2.HttpMethod.ANY], integration: publicIntegration });
    }
    api.addRoutes({
      path: registrationRouteKey.split(' ')[1] as string,
      methods: [apigwv2.HttpMethod.POST],
      integration: publicIntegration,
    });
    // A custom domain only with a certificate for it; without one, the API keeps its execute-api URL.
    if (config.domainName && config.certificateArn) {
      this.domain = new apigwv2.DomainName(this, 'Domain', {
        domainName: config.domainName,
        certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn),
        securityPolicy: apigwv2.SecurityPolicy.TLS_1_2,
      });
      new CfnOutput(this, 'DomainTarget', {
        description: `Point ${config.domainName} here (CNAME, or Route 53 alias with the hosted zone id below)`,
        value: this.domain.regionalDomainName,
      });
      new CfnOutput(this, 'DomainHostedZoneId', { value: this.domain.regionalHostedZoneId });
    }
    const stage = api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      domainMapping: this.domain ? { domainName: this.domain } : undefined,
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
    // Behind CloudFront the API has no address of its own (the execute-api endpoint is off).
    this.url = props.webAclArn ? `https://${config.domainName}/` : stage.url;
    // RouteSettings is untyped JSON in the L1: CloudFormation's own property names.
    const limits = (throttle: { rateLimit: number; burstLimit: number }) => ({
      ThrottlingRateLimit: throttle.rateLimit,
      ThrottlingBurstLimit: throttle.burstLimit,
    });
    (stage.node.defaultChild as apigwv2.CfnStage).routeSettings = Object.fromEntries([
      ...doorRoutePaths.map((path) => [`ANY ${path}`, limits(ROUTE_THROTTLES.door)]),
      [registrationRouteKey, limits(ROUTE_THROTTLES.registration)],
      ...consoleRoutePaths.map((path) => [`ANY ${path}`, limits(ROUTE_THROTTLES.console)]),
    ]);
    // Requests API Gateway refused for a limit (429): its metrics have no such count, the access log has.
    this.throttledRequests = new logs.MetricFilter(this, 'ThrottledRequests', {
      logGroup: accessLogs,
      filterPattern: logs.FilterPattern.stringValue('$.status', '=', '429'),
      metricNamespace: `hadir/${config.stage}`,
      metricName: 'ThrottledRequests',
      metricValue: '1',
      defaultValue: 0,
    }).metric({ statistic: 'Sum', period: Duration.minutes(5) });

    Validations.of(api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Registration, ticket and check-in pages are public and used without an AWS identity; the application ' +
        'authorizes in code: staff and check-in stations by bearer secrets (sign-in links, station tokens), ' +
        'participants by unguessable ticket codes and manage links.',
    });
    new CfnOutput(this, 'ApiUrl', { value: this.url });

    if (props.webAclArn && this.domain) {
      this.distribution = this.edgeFront(config, this.domain, props.webAclArn);
    }

    this.mail = new MailWorkers(this, 'Mail', {
      config,
      table,
      ticketKey,
      emailIdentityArn: props.emailIdentityArn,
      configurationSetName: props.configurationSetName,
      configurationSetArn: props.configurationSetArn,
      // Emails need absolute links: the custom domain, or else this API's own URL.
      publicBaseUrl: publicBaseUrl(config, props.webAclArn ? '' : api.apiEndpoint),
    });

    this.alarms = new OperatorAlarms(this, 'Alarms', { stage: config.stage, alarmEmail: config.alarmEmail });
    this.alarms.watchHttpApi('Api', api);
    this.alarms.watchFunction('ApiFunction', this.apiFunction);
    this.alarms.watchFunction('ConsoleFunction', this.consoleFunction);
    this.alarms.watchFunction('OutboxStreamFunction', this.mail.streamFunction);
    this.alarms.watchFunction('OutboxSweepFunction', this.mail.sweepFunction);
    this.alarms.watchFunction('SesEventsFunction', this.mail.sesEventsFunction);
    this.alarms.watchFunction('CampaignRunnerFunction', this.mail.campaignFunction);
    this.alarms.watchFunction('RetentionFunction', this.mail.retentionFunction);
    this.alarms.watchDeadLetters('OutboxStreamDeadLetters', this.mail.streamDeadLetters);
    this.alarms.watchDeadLetters('OutboxSweepDeadLetters', this.mail.sweepDeadLetters);
    this.alarms.watchDeadLetters('SesEventsDeadLetters', this.mail.sesEventsDeadLetters);
    this.alarms.watchSesReputation();
    this.alarms.watchHttpApi4xx('Api', api, this.throttledRequests);
    this.alarms.watchStream('OutboxStream', this.mail.streamFunction);
    this.alarms.watchTableThrottles('Table', table);
    this.alarms.watchSesQuota(config.sesDailyQuota);
    this.alarms.watchRefusedRegistrations(config.stage);
    // The province and national dashboards' counters, from the table's stream.
    this.coverage = new CoverageWorker(this, 'Coverage', {
      config,
      table,
      ticketKey,
      ticketKeyVariable: 'TICKET_KEY_PARAMETER',
    });
    this.alarms.watchFunction('CoverageStreamFunction', this.coverage.streamFunction);
    this.alarms.watchDeadLetters('CoverageStreamDeadLetters', this.coverage.deadLetters);
    // The second channel (functions/whatsapp): secrets, webhook and sending workers, alarm on failed sends.
    const whatsapp = new WhatsAppChannel(this, 'WhatsApp', {
      stage: config.stage,
      phoneNumberId: this.node.tryGetContext('whatsappPhoneNumberId'),
      alarmTopic: this.alarms.topic,
    });
    whatsapp.bindWebhook(this.apiFunction);
    whatsapp.bindSender(this.mail.streamFunction);
    whatsapp.bindSender(this.mail.sweepFunction);
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
  }

  /**
   * CloudFront in front of the API's custom domain, with the edge stack's web ACL: per-IP rate rules and AWS's
   * common rule set before a request reaches API Gateway. Nothing is cached (every answer is dynamic or already
   * fingerprinted by the app), and the viewer's Host goes to the origin, which is how API Gateway finds the domain.
   */
  private edgeFront(
    config: HadirConfig,
    domain: apigwv2.DomainName,
    webAclArn: string,
  ): cloudfront.Distribution {
    const distribution = new cloudfront.Distribution(this, 'Front', {
      comment: `hadir ${config.stage}`,
      domainNames: [config.domainName as string],
      certificate: acm.Certificate.fromCertificateArn(
        this,
        'EdgeCertificate',
        config.edgeCertificateArn as string,
      ),
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      webAclId: webAclArn,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: new origins.HttpOrigin(domain.regionalDomainName, {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER,
      },
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR3',
      reason:
        "CloudFront standard logs need an S3 bucket with ACLs enabled; API Gateway's JSON access log already " +
        'records every request that passes the web ACL, and WAF samples and counts the ones it blocks.',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'hadir serves the cooperatives of Indonesia; a geo restriction would also lock out officers travelling ' +
        'or on roaming numbers, and the per-IP rate rules of the web ACL already limit abuse from anywhere.',
    });
    new CfnOutput(this, 'FrontTarget', {
      description: `Point ${config.domainName} here (CNAME, or Route 53 alias) instead of the API's domain`,
      value: distribution.distributionDomainName,
    });
    return distribution;
  }
}
