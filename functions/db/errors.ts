import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/**
 * DynamoDB's answers that the repositories turn into domain outcomes, recognised by the SDK error's name (an
 * `instanceof` would fail for an error built by another copy of the SDK, as in a test's own client).
 */
export const isDynamoError = (error: unknown, name: string): error is Error =>
  error instanceof Error && error.name === name;

export const isConditionFailure = (error: unknown): error is Error =>
  isDynamoError(error, 'ConditionalCheckFailedException');

export const isTransactionCancelled = (error: unknown): error is TransactionCanceledException =>
  isDynamoError(error, 'TransactionCanceledException');
