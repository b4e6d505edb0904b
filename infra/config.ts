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
  /**
   * Where the stacks go. The region is hadir's own choice, never the operator's CLI profile: personal data stays
   * in Indonesia (ap-southeast-3, Jakarta) unless context says otherwise. The account comes from context, else the
   * credentials the CLI runs with; prod needs it in context, so a prod deploy never lands in a dev account.
   */
  account?: string;
  region: string;
  /** Deleting the stacks needs termination protection switched off first (prod). */
  terminationProtection: boolean;
  /** CloudFront with AWS WAF in front of the API (`-c waf=true`); needs the domain and both certificates. */
  waf: boolean;
  /** ACM certificate for `domainName` in us-east-1, which CloudFront requires (with `waf`). */
  edgeCertificateArn?: string;
  /** Emails a day SES allows the account (production access starts at 50,000 in most regions). */
  sesDailyQuota: number;
}

/** Jakarta: the AWS region in Indonesia. */
export const DEFAULT_REGION = 'ap-southeast-3';

/** The sender address a synth falls back to when none is given: fine for a dev synth, never for prod. */
export const PLACEHOLDER_SENDER = 'noreply@example.org';

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
  const senderEmail = text('senderEmail') ?? PLACEHOLDER_SENDER;
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
    account: text('account') ?? process.env.CDK_DEFAULT_ACCOUNT,
    region: text('region') ?? DEFAULT_REGION,
    terminationProtection: false,
    waf: text('waf') === 'true' || scope.node.tryGetContext('waf') === true,
    edgeCertificateArn: text('edgeCertificateArn'),
    sesDailyQuota: Number(text('sesDailyQuota') ?? scope.node.tryGetContext('sesDailyQuota') ?? 50_000),
  };
  config.terminationProtection = config.stage === 'prod';
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
  if (!Number.isInteger(config.sesDailyQuota) || config.sesDailyQuota < 200) {
    throw new Error(
      `sesDailyQuota must be the whole number of emails SES allows a day (got "${config.sesDailyQuota}")`,
    );
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(config.region)) {
    throw new Error(`region must be an AWS region like ${DEFAULT_REGION} (got "${config.region}")`);
  }
  if (config.account && !/^\d{12}$/.test(config.account)) {
    throw new Error(`account must be a 12-digit AWS account id (got "${config.account}")`);
  }
  const arnOf = (value: string | undefined, region?: string) =>
    !!value &&
    new RegExp(`^arn:aws[a-z-]*:acm:${region ?? '[a-z0-9-]+'}:\\d{12}:certificate/[\\w-]+$`).test(value);
  if (config.certificateArn && config.certificateArn.split(':')[3] !== config.region) {
    throw new Error(`certificateArn must be a certificate in ${config.region}, the stacks' region`);
  }
  if (config.waf) {
    const missing = [
      !config.domainName && 'domainName',
      !config.certificateArn && 'certificateArn',
      !arnOf(config.edgeCertificateArn, 'us-east-1') &&
        'edgeCertificateArn (an ACM certificate in us-east-1)',
    ].filter(Boolean);
    if (missing.length) throw new Error(`waf=true needs ${missing.join(', ')}`);
  }
  if (config.stage === 'prod') {
    // What a prod synth without them would deploy: mail from a domain nobody owns, links that point nowhere,
    // alarms nobody reads, in whatever account the shell happens to use.
    const missing = [
      (!text('senderEmail') || senderEmail === PLACEHOLDER_SENDER) && 'senderEmail (a real sender address)',
      !config.domainName && 'domainName',
      !config.certificateArn && 'certificateArn (links in emails need the domain served over TLS)',
      !config.alarmEmail && 'alarmEmail',
      !text('account') && 'account (prod deploys only to the account named for it)',
    ].filter(Boolean);
    if (missing.length) throw new Error(`stage prod refuses to synth without ${missing.join(', ')}`);
  }
  return config;
}

/** The From header of hadir's emails. */
export const mailFrom = (config: HadirConfig) => `${config.senderName} <${config.senderEmail}>`;

/** Where links in emails point: the custom domain when there is one, else the given URL (the API's own). */
export const publicBaseUrl = (config: HadirConfig, fallback: string) =>
  config.domainName ? `https://${config.domainName}` : fallback;
