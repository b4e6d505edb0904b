import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

export type ParameterReader = Pick<SSMClient, 'send'>;

/**
 * One decrypted Parameter Store value. A module of its own that session-secret-aws.ts imports on first use: the
 * named imports let the bundler keep only these two of the SSM client's commands, where `import('@aws-sdk/client-ssm')`
 * would take the whole client (over 200 KiB).
 */
export async function readDecryptedParameter(
  name: string,
  client: ParameterReader = new SSMClient({}),
): Promise<string | undefined> {
  const { Parameter } = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  return Parameter?.Value;
}
