/** A camera reads the same ticket many times a second while it is held up: repeats within this window are one scan. */
export const CAMERA_REPEAT_MS = 4000;

/**
 * Remembers when each code was last scanned, and says whether a camera read is a repeat to ignore. Typed or
 * scanner input is never ignored (the volunteer meant it), but it counts as the last time the code was seen.
 */
export function createRepeatFilter(windowMs = CAMERA_REPEAT_MS) {
  const recent = new Map<string, number>();
  return {
    isRepeat(code: string, fromCamera: boolean, now: number): boolean {
      const before = recent.get(code);
      if (fromCamera && before !== undefined && now - before < windowMs) return true;
      recent.set(code, now);
      return false;
    },
  };
}
