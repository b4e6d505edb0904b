/// <reference lib="dom" />
import { find } from './dom';
import type { DoorText } from './door-types';
import { fill } from './fill';
import { type FrameDecoder, makeDecoder } from './qr-decoder';

/** Between two frames: fast enough for a queue of people, slow enough for a cheap phone's battery. */
const FRAME_MS = 200;

/**
 * The camera button: opens the back camera, reads frames until stopped, and hands every code found to `onCode`.
 * The volunteer can always fall back to the scanner field or the search.
 */
export function setUpCamera(options: {
  root: HTMLElement;
  text: DoorText;
  jsQrPath: string;
  unlockAudio: () => void;
  onCode: (value: string) => Promise<void>;
}) {
  const { root, text } = options;
  const button = find<HTMLButtonElement>(root, '[data-camera]');
  const video = find<HTMLVideoElement>(root, '[data-video]');
  const message = find(root, '[data-camera-msg]');
  const box = find(root, '[data-camera-box]');
  let stream: MediaStream | null = null;
  let detect: FrameDecoder | null = null;

  const stop = () => {
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
    video.hidden = true;
    video.srcObject = null;
    button.textContent = text.cameraStart;
    root.removeAttribute('data-camera-on');
  };

  const loop = async () => {
    if (!stream || !detect) return;
    try {
      const value = await detect();
      if (value) await options.onCode(value);
    } catch {
      // a frame that could not be read
    }
    setTimeout(loop, FRAME_MS);
  };

  button.addEventListener('click', async () => {
    options.unlockAudio();
    if (stream) return stop();
    message.textContent = '';
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment', width: { ideal: 1280 } },
        audio: false,
      });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      detect = detect || (await makeDecoder(video, options.jsQrPath, root));
      button.textContent = text.cameraStop;
      root.setAttribute('data-camera-on', '');
      // The preview and the answer above it take the top of the screen, where the phone's holder looks.
      box.scrollIntoView({ block: 'start' });
      void loop();
    } catch (error) {
      stop();
      const reason = (error as { name?: string } | null)?.name || String(error);
      message.textContent = fill(text.cameraFailed, { reason });
    }
  });
}
