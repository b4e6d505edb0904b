import type { Construct } from 'constructs';

export interface HadirConfig {
  /** Names stacks and resources, so several stages can share one account. */
  stage: string;
  /** Public host name, e.g. `hadir.example.go.id`; links in emails and tickets are built from it. */
  domainName?: string;
  /**
   * ARN of an ACM certificate for `domainName`, in the stack's region. With both, the HTTP API gets that custom
   * domain; with `domainName` alone, links use it and the domain is assumed to be served by something else.
   */
  certificateArn?: string;
  /** From address of hadir's emails (a bare address); the only address the mail functions may send from. */
  senderEmail: string;
  /** Display name in the From header. */
  senderName: string;
  /** The SES identity (a domain) that is verified for sending; defaults to the sender address's domain. */
  emailDomain: string;
  /** Where operational alarms go; no subscription when unset. */
  alarmEmail?: string;
}

const EMAIL = /^[^\s@<>"]+@([a-z0-9-]+(\.[a-z0-9-]+)+)$/i;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/**
 * Reads the config from CDK context (`cdk synth -c stage=prod` or `context` in cdk.json), failing early on values
 * that could not work in AWS.
 */
export function readConfig(scope: Construct): HadirConfig {
  const text = (key: string) => {
    const value: unknown = scope.node.tryGetContext(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const senderEmail = text('senderEmail') ?? 'noreply@example.org';
  const senderDomain = EMAIL.exec(senderEmail)?.[1]?.toLowerCase();
  if (!senderDomain)
    throw new Error(`senderEmail must be a bare address like noreply@example.go.id (got "${senderEmail}")`);
  const config: HadirConfig = {
    stage: text('stage') ?? 'dev',
    domainName: text('domainName')?.toLowerCase(),
    certificateArn: text('certificateArn'),
    senderEmail,
    senderName: text('senderName') ?? 'hadir',
    emailDomain: (text('emailDomain') ?? senderDomain).toLowerCase(),
    alarmEmail: text('alarmEmail'),
  };
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(config.stage)) {
    throw new Error(`stage must be lowercase letters, digits and dashes (got "${config.stage}")`);
  }
  if (config.domainName && !DOMAIN.test(config.domainName)) {
    throw new Error(`domainName must be a host name like hadir.example.go.id (got "${config.domainName}")`);
  }
  if (/[<>"\r\n]/.test(config.senderName)) {
    throw new Error(
      `senderName must be a plain display name without <>" or line breaks (got "${config.senderName}")`,
    );
  }
  if (!DOMAIN.test(config.emailDomain))
    throw new Error(`emailDomain must be a domain (got "${config.emailDomain}")`);
  // SES lets a verified domain send from its own addresses and its subdomains' addresses, nothing else.
  if (senderDomain !== config.emailDomain && !senderDomain.endsWith(`.${config.emailDomain}`)) {
    throw new Error(`senderEmail ${senderEmail} is not an address of the SES domain ${config.emailDomain}`);
  }
  if (config.certificateArn && !config.domainName) {
    throw new Error('certificateArn needs domainName: the certificate is for the custom domain');
  }
  if (
    config.certificateArn &&
    !/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[\w-]+$/.test(config.certificateArn)
  ) {
    throw new Error(`certificateArn must be an ACM certificate ARN (got "${config.certificateArn}")`);
  }
  if (config.alarmEmail && !EMAIL.test(config.alarmEmail)) {
    throw new Error(`alarmEmail must be an email address (got "${config.alarmEmail}")`);
  }
  return config;
}

/** The From header of hadir's emails. */
export const mailFrom = (config: HadirConfig) => `${config.senderName} <${config.senderEmail}>`;

/** Where links in emails point: the custom domain when there is one, else the given URL (the API's own). */
export const publicBaseUrl = (config: HadirConfig, fallback: string) =>
  config.domainName ? `https://${config.domainName}` : fallback;
