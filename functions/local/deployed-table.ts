import { existsSync, readFileSync } from 'node:fs';

/**
 * The deployed table's name for the operator's commands (admin, smoke): TABLE_NAME, else the TableName output of
 * hadir-<stage>-data in the file `cdk deploy --outputs-file` wrote.
 */
export function deployedTableName(
  env: NodeJS.ProcessEnv,
  outputsFile: string,
  stage: string,
): string | undefined {
  if (env.TABLE_NAME) return env.TABLE_NAME;
  if (!outputsFile || !existsSync(outputsFile)) return undefined;
  const outputs = JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Record<string, string>>;
  return outputs[`hadir-${stage}-data`]?.TableName;
}
