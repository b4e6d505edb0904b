import { createHash } from 'node:crypto';
import { checkinStyles } from './checkin-styles';
import { registerScript } from './register-script';
import { styles } from './styles';

const fingerprint = (content: string) => createHash('sha256').update(content).digest('hex').slice(0, 10);

/** Fingerprinted names let browsers cache assets for a year; a change gets a new name. */
export const assets = {
  css: { path: `/assets/app.${fingerprint(styles)}.css`, body: styles, type: 'text/css; charset=utf-8' },
  registerJs: {
    path: `/assets/register.${fingerprint(registerScript)}.js`,
    body: registerScript,
    type: 'text/javascript; charset=utf-8',
  },
  // The door page (issue 5). Its QR decoder, loaded only on phones without BarcodeDetector, is read from disk when
  // first needed: ./checkin-jsqr.ts.
  checkinCss: {
    path: `/assets/checkin.${fingerprint(checkinStyles)}.css`,
    body: checkinStyles,
    type: 'text/css; charset=utf-8',
  },
};

export type Asset = { path: string; body: string; type: string };

let checkinJs: Promise<Asset> | undefined;

/**
 * The door page's script, imported on first use: 33 KiB that no other page or API call needs, kept out of the
 * public function's cold start. Served at CHECKIN_SCRIPT_ROUTE.
 */
export function checkinScriptAsset(): Promise<Asset> {
  checkinJs ??= import('./checkin-script').then(({ checkinScript }) => ({
    path: `/assets/checkin.${fingerprint(checkinScript)}.js`,
    body: checkinScript,
    type: 'text/javascript; charset=utf-8',
  }));
  return checkinJs;
}

/** Any fingerprint matches the pattern; only the current one answers. */
export const CHECKIN_SCRIPT_ROUTE = '/assets/:file{checkin\\.[0-9a-f]{10}\\.js}';
