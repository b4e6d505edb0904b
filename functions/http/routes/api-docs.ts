import { html } from 'hono/html';
import { SWAGGER_UI_ROUTE, swaggerUi } from '../assets/swagger-ui';
import { consoleFactory } from '../console/kit';

/**
 * `/api/docs`: Swagger UI over /api/openapi.json, from pinned files the console serves itself (assets/swagger-ui.ts)
 * under the app's one Content-Security-Policy: every script and stylesheet is a same-origin file.
 */
export const apiDocsRoutes = consoleFactory
  .createApp()
  .get('/api/docs', async (c) => {
    const ui = await swaggerUi();
    return c.html(
      html`<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>hadir API</title>
    <link rel="stylesheet" href="${ui.styles.path}" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${ui.script.path}"></script>
    <script src="${ui.starter.path}"></script>
  </body>
</html>`,
    );
  })
  .get(SWAGGER_UI_ROUTE, async (c) => {
    const ui = await swaggerUi();
    const asset = [ui.script, ui.styles, ui.starter].find((file) => file.path === c.req.path);
    if (!asset) return c.notFound();
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(asset.body, 200, { 'Content-Type': asset.type });
  });
