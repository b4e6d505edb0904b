import { createDocumentClient } from '../functions/db/client';

/**
 * The least a function that uses the table loads: the DynamoDB document client, created as the handlers create it.
 * `npm run bench` bundles this like a function to show the floor under the cold-start budgets.
 */
export const client = createDocumentClient({ tableName: process.env.TABLE_NAME ?? 'hadir' });
