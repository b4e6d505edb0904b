import { checkinStyles } from './checkin-styles';
import { createClientScripts } from './client-scripts';
import { faviconSvg } from './favicon';
import { fingerprint } from './fingerprint';
import { styles } from './styles';

/** Fingerprinted names let browsers cache assets for a year; a change gets a new name. */
export const assets = {
  css: { path: `/assets/app.${fingerprint(styles)}.css`, body: styles, type: 'text/css; charset=utf-8' },
  // The door page. Its QR decoder, loaded only on phones without BarcodeDetector, is read from disk when
  // first needed: ./checkin-jsqr.ts.
  checkinCss: {
    path: `/assets/checkin.${fingerprint(checkinStyles)}.css`,
    body: checkinStyles,
    type: 'text/css; charset=utf-8',
  },
  favicon: {
    path: `/assets/favicon.${fingerprint(faviconSvg)}.svg`,
    body: faviconSvg,
    type: 'image/svg+xml',
  },
};

export type Asset = { path: string; body: string; type: string };

/** The browser scripts (functions/http/client/), each read on first use. */
export const clientScripts = createClientScripts(() => [assets.css.path, assets.checkinCss.path]);

/** The registration form's script. Served at REGISTER_SCRIPT_ROUTE. */
export const registerScriptAsset = (): Asset => clientScripts.asset('register');

/**
 * The door page's script: 30 KiB that no other page or API call needs, kept out of the public function's cold
 * start. Served at CHECKIN_SCRIPT_ROUTE.
 */
export const checkinScriptAsset = (): Asset => clientScripts.asset('door');

/** The door page's service worker, which precaches the door's stylesheets and script. */
export const checkinServiceWorkerAsset = (): Asset => clientScripts.asset('checkinSw');

/** The tanya jawab pages' script (the phone's ask page and the projector). Served at QUESTIONS_SCRIPT_ROUTE. */
export const questionsScriptAsset = (): Asset => clientScripts.asset('questions');

/** Any fingerprint matches the pattern; only the current one answers. */
export const QUESTIONS_SCRIPT_ROUTE = '/assets/:file{questions\\.[0-9a-f]{10}\\.js}';
export const REGISTER_SCRIPT_ROUTE = '/assets/:file{register\\.[0-9a-f]{10}\\.js}';
export const CHECKIN_SCRIPT_ROUTE = '/assets/:file{checkin\\.[0-9a-f]{10}\\.js}';
