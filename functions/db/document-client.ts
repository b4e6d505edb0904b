import { randomUUID } from 'node:crypto';
import type {
  BatchGetCommandInput,
  BatchGetCommandOutput,
  BatchWriteCommandInput,
  BatchWriteCommandOutput,
  DeleteCommandInput,
  DeleteCommandOutput,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  PutCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  ScanCommandInput,
  ScanCommandOutput,
  TransactWriteCommandInput,
  TransactWriteCommandOutput,
  UpdateCommandInput,
  UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { DynamoDbError, type DynamoHttp } from './dynamo-http';

/**
 * Commands with plain JavaScript values, named and shaped as the SDK's DocumentClient commands (their types are
 * the SDK's), so the data layer reads as SDK code while it runs on dynamo-http.ts. Values are converted to and
 * from DynamoDB's attribute values by the SDK's own util-dynamodb.
 */
export abstract class DocumentCommand<Input extends object, Output extends object> {
  abstract readonly operation: string;
  declare readonly _output: Output;
  constructor(readonly input: Input) {}
}

export class GetCommand extends DocumentCommand<GetCommandInput, GetCommandOutput> {
  readonly operation = 'GetItem';
}
export class PutCommand extends DocumentCommand<PutCommandInput, PutCommandOutput> {
  readonly operation = 'PutItem';
}
export class UpdateCommand extends DocumentCommand<UpdateCommandInput, UpdateCommandOutput> {
  readonly operation = 'UpdateItem';
}
export class DeleteCommand extends DocumentCommand<DeleteCommandInput, DeleteCommandOutput> {
  readonly operation = 'DeleteItem';
}
export class QueryCommand extends DocumentCommand<QueryCommandInput, QueryCommandOutput> {
  readonly operation = 'Query';
}
/** Only for tests and the bench, which read whole tables: no request path scans (test/infra/no-scan.test.ts). */
export class ScanCommand extends DocumentCommand<ScanCommandInput, ScanCommandOutput> {
  readonly operation = 'Scan';
}
export class BatchGetCommand extends DocumentCommand<BatchGetCommandInput, BatchGetCommandOutput> {
  readonly operation = 'BatchGetItem';
}
export class BatchWriteCommand extends DocumentCommand<BatchWriteCommandInput, BatchWriteCommandOutput> {
  readonly operation = 'BatchWriteItem';
}
export class TransactWriteCommand extends DocumentCommand<
  TransactWriteCommandInput,
  TransactWriteCommandOutput
> {
  readonly operation = 'TransactWriteItems';
}

type Item = Record<string, unknown>;
type Wire = Record<string, unknown>;
type AnyCommand = DocumentCommand<object, object>;

/** Sees every command on its way out and its output on the way back (the bench meters capacity with one). */
export type Middleware = (command: AnyCommand, next: (command: AnyCommand) => Promise<Wire>) => Promise<Wire>;

const toAttributes = (values: unknown) => marshall(values as Item, { removeUndefinedValues: true });
const fromAttributes = (attributes: unknown) => unmarshall(attributes as Parameters<typeof unmarshall>[0]);

function toWire(input: Wire): Wire {
  const wire: Wire = { ...input };
  for (const field of ['Item', 'Key', 'ExpressionAttributeValues', 'ExclusiveStartKey']) {
    if (wire[field]) wire[field] = toAttributes(wire[field]);
  }
  if (Array.isArray(wire.TransactItems)) {
    wire.TransactItems = wire.TransactItems.map((item: Record<string, Wire>) =>
      Object.fromEntries(Object.entries(item).map(([action, request]) => [action, toWire(request)])),
    );
  }
  if (wire.RequestItems) {
    wire.RequestItems = Object.fromEntries(
      Object.entries(wire.RequestItems as Record<string, unknown>).map(([table, requests]) => [
        table,
        Array.isArray(requests)
          ? requests.map((request: Record<string, Wire>) =>
              Object.fromEntries(Object.entries(request).map(([kind, body]) => [kind, toWire(body)])),
            )
          : { ...(requests as Wire), Keys: ((requests as Wire).Keys as Item[]).map(toAttributes) },
      ]),
    );
  }
  return wire;
}

function fromWire(output: Wire): Wire {
  const plain: Wire = { ...output };
  for (const field of ['Item', 'Attributes', 'LastEvaluatedKey']) {
    if (plain[field]) plain[field] = fromAttributes(plain[field]);
  }
  if (Array.isArray(plain.Items)) plain.Items = plain.Items.map(fromAttributes);
  if (plain.Responses && !Array.isArray(plain.Responses)) {
    plain.Responses = Object.fromEntries(
      Object.entries(plain.Responses as Record<string, unknown[]>).map(([table, items]) => [
        table,
        items.map(fromAttributes),
      ]),
    );
  }
  if (plain.UnprocessedKeys) {
    plain.UnprocessedKeys = Object.fromEntries(
      Object.entries(plain.UnprocessedKeys as Record<string, Wire>).map(([table, request]) => [
        table,
        { ...request, Keys: (request.Keys as Wire[]).map(fromAttributes) },
      ]),
    );
  }
  if (plain.UnprocessedItems) {
    plain.UnprocessedItems = Object.fromEntries(
      Object.entries(plain.UnprocessedItems as Record<string, Record<string, Wire>[]>).map(
        ([table, requests]) => [
          table,
          requests.map((request) =>
            Object.fromEntries(Object.entries(request).map(([kind, body]) => [kind, fromWire(body)])),
          ),
        ],
      ),
    );
  }
  return plain;
}

/** A failed condition's item (ALL_OLD) and a cancelled transaction's items come back as plain values too. */
function plainError(error: unknown): unknown {
  if (!(error instanceof DynamoDbError)) return error;
  if (error.Item) error.Item = fromAttributes(error.Item);
  for (const reason of error.CancellationReasons ?? []) {
    if (reason.Item) reason.Item = fromAttributes(reason.Item);
  }
  return error;
}

export type DocumentClient = {
  send<Input extends object, Output extends object>(command: DocumentCommand<Input, Output>): Promise<Output>;
  /** An operation in DynamoDB's own format, without conversion (table administration, the rate limiter). */
  call: DynamoHttp['call'];
  /** Adds a middleware; returns what removes it. */
  use(middleware: Middleware): () => void;
  destroy(): void;
};

export function createDocumentClientOver(http: DynamoHttp): DocumentClient {
  const middlewares: Middleware[] = [];
  const dispatch = (index: number, command: AnyCommand): Promise<Wire> => {
    const middleware = middlewares[index];
    if (middleware) return middleware(command, (next) => dispatch(index + 1, next));
    const input = toWire(command.input as Wire);
    // The SDK fills this idempotency token itself: a transaction retried after a lost answer is applied once.
    if (command.operation === 'TransactWriteItems') input.ClientRequestToken ??= randomUUID();
    return http.call(command.operation, input).then(fromWire, (error) => Promise.reject(plainError(error)));
  };
  return {
    send: (command) => dispatch(0, command) as never,
    call: http.call,
    use(middleware) {
      middlewares.push(middleware);
      return () => {
        const index = middlewares.indexOf(middleware);
        if (index >= 0) middlewares.splice(index, 1);
      };
    },
    destroy: http.close,
  };
}

export type { BatchGetCommandOutput, TransactWriteCommandInput };
