/// <reference lib="dom" />

/** Reads one video frame; resolves to the QR code's text, or null when there is none in it. */
export type FrameDecoder = () => Promise<string | null>;

type BarcodeDetectorLike = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
type DecoderWindow = Window & {
  BarcodeDetector?: {
    new (options: { formats: string[] }): BarcodeDetectorLike;
    getSupportedFormats(): Promise<string[]>;
  };
  jsQR?: (
    data: Uint8ClampedArray,
    width: number,
    height: number,
    options: { inversionAttempts: string },
  ) => { data: string } | null;
};

const decoderWindow = window as DecoderWindow;

/** Android Chrome decodes QR codes natively; others need the jsQR fallback. */
export async function hasBarcodeDetector(): Promise<boolean> {
  const Detector = decoderWindow.BarcodeDetector;
  if (!Detector) return false;
  try {
    return (await Detector.getSupportedFormats()).includes('qr_code');
  } catch {
    return false;
  }
}

const loadScript = (src: string) =>
  new Promise<void>((resolve, reject) => {
    if (decoderWindow.jsQR) return resolve();
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('decoder'));
    document.head.append(script);
  });

/**
 * A decoder for the camera's frames: BarcodeDetector where the phone has it, else jsQR (250 KiB, loaded only
 * then) on a frame scaled down to at most 640 pixels wide. Reports which one on `root` for the tests.
 */
export async function makeDecoder(
  video: HTMLVideoElement,
  jsQrPath: string,
  root: Element,
): Promise<FrameDecoder> {
  const Detector = decoderWindow.BarcodeDetector;
  if (Detector && (await hasBarcodeDetector())) {
    root.setAttribute('data-decoder', 'barcode-detector');
    const detector = new Detector({ formats: ['qr_code'] });
    return async () => {
      const codes = await detector.detect(video);
      return codes[0]?.rawValue ?? null;
    };
  }
  await loadScript(jsQrPath);
  root.setAttribute('data-decoder', 'jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async () => {
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!width || !height || !context || !decoderWindow.jsQR) return null;
    const scale = Math.min(1, 640 / width);
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    const found = decoderWindow.jsQR(image.data, image.width, image.height, {
      inversionAttempts: 'dontInvert',
    });
    return found ? found.data : null;
  };
}
