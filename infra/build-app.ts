import { readFileSync } from 'node:fs';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from './api-stack';
import { readConfig } from './config';
import { DataStack } from './data-stack';
import { EdgeStack } from './edge-stack';

/**
 * The context of cdk.json (the recommended feature flags among it), so the tests synthesise what `cdk synth`
 * does. Context given to `buildApp` (or with `cdk -c`) wins.
 */
export const projectContext = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')).context;

/**
 * The first step of a point-in-time restore (docs/deploy.md), with `HADIR_DETACH_TABLE=1`: only the data stack,
 * without its table. CloudFormation then lets go of the old table (retained, never deleted) so the restored one can
 * be imported in its place; the secrets, the ticket key above all, and the SES identity stay as they are.
 */
export function buildDetachedDataApp(context: Record<string, unknown> = {}) {
  const app = new App({ context: { ...projectContext(), ...context } });
  const config = readConfig(app);
  Tags.of(app).add('project', 'hadir');
  Tags.of(app).add('stage', config.stage);
  const data = new DataStack(app, `hadir-${config.stage}-data`, {
    description: `hadir ${config.stage}: DynamoDB table (retained), session secret, ticket key (retained), SES identity and configuration set`,
    env: { account: config.account, region: config.region },
    terminationProtection: config.terminationProtection,
    config,
    withoutTable: true,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, config, data };
}

/** The whole app, for `cdk` (infra/app.ts) and the tests alike; context as with `cdk -c key=value`. */
export function buildApp(context: Record<string, unknown> = {}) {
  const app = new App({ context: { ...projectContext(), ...context } });
  const config = readConfig(app);
  Tags.of(app).add('project', 'hadir');
  Tags.of(app).add('stage', config.stage);
  const env = { account: config.account, region: config.region };
  const terminationProtection = config.terminationProtection;

  const data = new DataStack(app, `hadir-${config.stage}-data`, {
    description: `hadir ${config.stage}: DynamoDB table (retained), session secret, ticket key (retained), SES identity and configuration set`,
    env,
    terminationProtection,
    config,
  });
  // CloudFront only accepts a web ACL made in us-east-1: its own small stack there, when the operator wants one.
  const edge = config.waf
    ? new EdgeStack(app, `hadir-${config.stage}-edge`, {
        description: `hadir ${config.stage}: AWS WAF web ACL for the CloudFront front (us-east-1, as CloudFront requires)`,
        env: { account: config.account, region: 'us-east-1' },
        terminationProtection,
        crossRegionReferences: true,
        stage: config.stage,
      })
    : undefined;
  const api = new ApiStack(app, `hadir-${config.stage}-api`, {
    description: `hadir ${config.stage}: functions, HTTP API, queues, schedule and alarms (stateless)`,
    env,
    terminationProtection,
    crossRegionReferences: !!edge,
    config,
    table: data.table,
    sessionSecret: data.sessionSecret,
    ticketKey: data.ticketKey,
    emailIdentityArn: data.emailIdentity.emailIdentityArn,
    configurationSetName: data.configurationSet.configurationSetName,
    configurationSetArn: data.configurationSetArn,
    webAclArn: edge?.webAcl.attrArn,
  });

  // Findings fail synth; acknowledgements sit next to the resource they concern, each with its reason.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, config, data, api, edge };
}
