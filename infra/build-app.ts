import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from './api-stack';
import { readConfig } from './config';
import { DataStack } from './data-stack';

/** The whole app, for `cdk` (infra/app.ts) and the tests alike; context as with `cdk -c key=value`. */
export function buildApp(context: Record<string, unknown> = {}) {
  const app = new App({ context });
  const config = readConfig(app);
  Tags.of(app).add('project', 'hadir');
  Tags.of(app).add('stage', config.stage);

  const data = new DataStack(app, `hadir-${config.stage}-data`, {
    description: `hadir ${config.stage}: DynamoDB table (retained), session secret, ticket key (retained), SES identity and configuration set`,
    config,
  });
  const api = new ApiStack(app, `hadir-${config.stage}-api`, {
    description: `hadir ${config.stage}: functions, HTTP API, queues, schedule and alarms (stateless)`,
    config,
    table: data.table,
    sessionSecret: data.sessionSecret,
    ticketKey: data.ticketKey,
    emailIdentityArn: data.emailIdentity.emailIdentityArn,
    configurationSetName: data.configurationSet.configurationSetName,
    configurationSetArn: data.configurationSetArn,
  });

  // Findings fail synth; acknowledgements sit next to the resource they concern, each with its reason.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, config, data, api };
}
