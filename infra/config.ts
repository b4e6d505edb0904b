import type { Construct } from 'constructs';

export interface HadirConfig {
  /** Names stacks and resources, so several stages can share one account. */
  stage: string;
  /** Public host name, e.g. `hadir.example.go.id`; links in emails and tickets are built from it. */
  domainName?: string;
  /** From address of hadir's emails; read here so a deploy fails early, consumed by the mail worker's stack. */
  senderEmail: string;
  /** Where operational alarms go; no subscription when unset. */
  alarmEmail?: string;
}

/** Reads the config from CDK context (`cdk synth -c stage=prod`), failing early on a stage that cannot name resources. */
export function readConfig(scope: Construct): HadirConfig {
  const text = (key: string) => {
    const value: unknown = scope.node.tryGetContext(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const config: HadirConfig = {
    stage: text('stage') ?? 'dev',
    domainName: text('domainName'),
    senderEmail: text('senderEmail') ?? 'noreply@example.org',
    alarmEmail: text('alarmEmail'),
  };
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(config.stage)) {
    throw new Error(`stage must be lowercase letters, digits and dashes (got "${config.stage}")`);
  }
  return config;
}
