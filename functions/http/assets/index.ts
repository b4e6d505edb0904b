import { createHash } from 'node:crypto';
import { checkinScript } from './checkin-script';
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
  checkinJs: {
    path: `/assets/checkin.${fingerprint(checkinScript)}.js`,
    body: checkinScript,
    type: 'text/javascript; charset=utf-8',
  },
};
