import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The pinned SDK supports Node 20 (see package.json); its notice about releases after January 2027 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Everything the local runtime keeps lives here (gitignored): DynamoDB Local's data and the endpoint file. */
export const DATA_DIR = process.env.HADIR_DATA_DIR ?? join(process.cwd(), '.data');
export const TABLE_NAME = process.env.TABLE_NAME ?? 'hadir';
const ENDPOINT_FILE = join(DATA_DIR, 'dynamodb-endpoint');

/** `npm start` records where its DynamoDB Local listens so `npm run seed` can reach the same database. */
export const rememberEndpoint = (endpoint: string) => writeFileSync(ENDPOINT_FILE, endpoint);
export const rememberedEndpoint = () =>
  existsSync(ENDPOINT_FILE) ? readFileSync(ENDPOINT_FILE, 'utf8').trim() : '';
