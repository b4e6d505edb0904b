import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildClientScripts, CLIENT_SCRIPTS, type ClientScriptName, scriptPath } from './client-build';

export type ClientAsset = { path: string; body: string; type: string };

/**
 * A script shipped next to the Lambda bundle (infra/constructs/bundle.ts), or undefined under tsx and vitest. This
 * module lands in index.mjs or, once a page loaded on first use shares it, in a chunk one folder down
 * (`chunks/`): the shipped files sit beside index.mjs either way.
 */
function readShipped(name: ClientScriptName): string | undefined {
  for (const folder of ['./', '../']) {
    try {
      return readFileSync(
        fileURLToPath(new URL(`${folder}${CLIENT_SCRIPTS[name].file}`, import.meta.url)),
        'utf8',
      );
    } catch {}
  }
  return undefined;
}

/**
 * The browser scripts, each read (or, without shipped files, built) the first time it is asked for: none is
 * part of a cold start, and the door script, which no other page or API call needs, is read only at the door.
 * `pageAssets` gives the door page's stylesheets, which the service worker precaches.
 */
export function createClientScripts(pageAssets: () => readonly string[]) {
  let built: Record<ClientScriptName, string> | undefined;
  const loaded = new Map<ClientScriptName, ClientAsset>();
  return {
    asset(name: ClientScriptName): ClientAsset {
      let asset = loaded.get(name);
      if (!asset) {
        let body = readShipped(name);
        if (body === undefined) {
          built ??= buildClientScripts(pageAssets());
          body = built[name];
        }
        const path = CLIENT_SCRIPTS[name].asset ? scriptPath(name, body) : '';
        asset = { path, body, type: 'text/javascript; charset=utf-8' };
        loaded.set(name, asset);
      }
      return asset;
    },
    /** Every script built afresh, as files to ship next to a bundle. */
    files(): { name: string; contents: string }[] {
      const scripts = buildClientScripts(pageAssets());
      return (Object.keys(CLIENT_SCRIPTS) as ClientScriptName[]).map((name) => ({
        name: CLIENT_SCRIPTS[name].file,
        contents: scripts[name],
      }));
    },
  };
}
