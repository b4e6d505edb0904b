import { handle } from 'hono/aws-lambda';
import { consoleSurface } from '../http/console-surface';
import { createHttpApp } from '../http/http-app';
import { createS3MaterialFiles } from '../reports/material-files-s3';
import { createS3ExportFiles } from '../reports/s3-export-files';
import { httpDepsFromEnv } from './http-deps';

/** The console Lambda: organizers, reports, campaigns, certificates. Built once per instance. */
const deps = await httpDepsFromEnv();
const bucket = process.env.EXPORT_BUCKET;
const materialsBucket = process.env.MATERIALS_BUCKET;
export const handler = handle(
  createHttpApp(
    {
      ...deps,
      exportFiles: bucket ? createS3ExportFiles({ bucket }) : undefined,
      materialFiles: materialsBucket ? createS3MaterialFiles({ bucket: materialsBucket }) : undefined,
    },
    [consoleSurface],
  ),
);
