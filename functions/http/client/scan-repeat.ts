/**
 * A camera reads a ticket five times a second for as long as it is held up, and a volunteer may leave it in view
 * while talking to the officer. Sightings closer together than this are one scan: the window runs from the last
 * sighting, so a QR code that never leaves the frame is checked in once, while the next person's ticket, or the
 * same ticket shown again after a pause, is read at once.
 */
export const CAMERA_REPEAT_MS = 6000;

/**
 * Remembers when each code (or unreadable text) was last seen, and says whether a camera read is a repeat to
 * ignore. Typed or scanner input is never ignored (the volunteer meant it), but it counts as a sighting.
 */
export function createRepeatFilter(windowMs = CAMERA_REPEAT_MS) {
  const recent = new Map<string, number>();
  return {
    isRepeat(code: string, fromCamera: boolean, now: number): boolean {
      const before = recent.get(code);
      recent.set(code, now);
      // A long door day sees thousands of tickets: forget those out of the window so the map stays small.
      if (recent.size > 200) {
        for (const [key, at] of recent) if (now - at >= windowMs) recent.delete(key);
      }
      return fromCamera && before !== undefined && now - before < windowMs;
    },
  };
}
