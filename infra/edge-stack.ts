import { Stack, type StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/**
 * Per-IP limits of the web ACL, requests per five minutes. A venue's door phones share one Wi-Fi address, so the
 * door's paths are left out of the per-IP rules (API Gateway's own route limits still cover them); the
 * registration form gets the strictest rule, since that is where a script would hammer.
 */
export const WAF_LIMITS = { perIp: 2_000, registrationsPerIp: 100 } as const;

/** Paths the door uses (check-in page and its API): never counted against one address. */
const DOOR_PATH = /^\/(checkin\/|api\/events\/[^/]+\/(checkins|walk-ins|substitutes|attendance|roster))/;
export const DOOR_PATH_REGEX = DOOR_PATH.source;

export interface EdgeStackProps extends StackProps {
  readonly stage: string;
}

/** AWS WAF for the optional CloudFront front (`-c waf=true`), in us-east-1 as CloudFront requires. */
export class EdgeStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const visibility = (name: string) => ({
      cloudWatchMetricsEnabled: true,
      metricName: `hadir-${props.stage}-${name}`,
      sampledRequestsEnabled: true,
    });
    const doorPaths = new wafv2.CfnRegexPatternSet(this, 'DoorPaths', {
      scope: 'CLOUDFRONT',
      regularExpressionList: [DOOR_PATH_REGEX],
      description: `hadir ${props.stage} door paths, exempt from per-IP limits`,
    });
    const notDoor = {
      notStatement: {
        statement: {
          regexPatternSetReferenceStatement: {
            arn: doorPaths.attrArn,
            fieldToMatch: { uriPath: {} },
            textTransformations: [{ priority: 0, type: 'NONE' }],
          },
        },
      },
    };
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('web-acl'),
      rules: [
        {
          name: 'RegistrationsPerIp',
          priority: 0,
          action: { block: {} },
          visibilityConfig: visibility('registrations-per-ip'),
          statement: {
            rateBasedStatement: {
              limit: WAF_LIMITS.registrationsPerIp,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                andStatement: {
                  statements: [
                    {
                      byteMatchStatement: {
                        fieldToMatch: { method: {} },
                        positionalConstraint: 'EXACTLY',
                        searchString: 'POST',
                        textTransformations: [{ priority: 0, type: 'NONE' }],
                      },
                    },
                    {
                      byteMatchStatement: {
                        fieldToMatch: { uriPath: {} },
                        positionalConstraint: 'ENDS_WITH',
                        searchString: '/registrations',
                        textTransformations: [{ priority: 0, type: 'NONE' }],
                      },
                    },
                  ],
                },
              },
            },
          },
        },
        {
          name: 'AllPathsPerIp',
          priority: 1,
          action: { block: {} },
          visibilityConfig: visibility('per-ip'),
          statement: {
            rateBasedStatement: {
              limit: WAF_LIMITS.perIp,
              aggregateKeyType: 'IP',
              scopeDownStatement: notDoor,
            },
          },
        },
        {
          name: 'AwsCommonRules',
          priority: 2,
          overrideAction: { none: {} },
          visibilityConfig: visibility('common-rules'),
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              // Contact lists (CSV, XLSX) are uploaded to the console: bodies over 8 KB are normal here.
              ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
            },
          },
        },
      ],
    });
  }
}
