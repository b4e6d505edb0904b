// The two classes of rate-limiter-flexible that hadir uses, imported from their own files: the package's index
// loads every store (Redis, Mongo, MySQL, Postgres, SQLite, Drizzle, …), 70 KiB the public Lambda never runs.
declare module 'rate-limiter-flexible/lib/RateLimiterDynamo.js' {
  import type { RateLimiterDynamo } from 'rate-limiter-flexible';

  const Dynamo: typeof RateLimiterDynamo;
  export default Dynamo;
}

declare module 'rate-limiter-flexible/lib/RateLimiterRes.js' {
  import type { RateLimiterRes } from 'rate-limiter-flexible';

  const Res: typeof RateLimiterRes;
  export default Res;
}
