import { buildApp, buildDetachedDataApp } from './build-app';

// A point-in-time restore's first step (docs/deploy.md) deploys the data stack without its table.
if (process.env.HADIR_DETACH_TABLE === '1') buildDetachedDataApp();
else buildApp();
