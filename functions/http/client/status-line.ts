import type { DoorText } from './door-types';
import { fill } from './fill';

/** The status bar's sentence: refused, offline with the queue's length, sending it, or online with the roster. */
export function statusLine(
  text: DoorText,
  state: { deviceRefused: boolean; online: boolean; queued: number; rosterSize: number; rosterTime: string },
): string {
  if (state.deviceRefused) return text.deviceRefused;
  if (!state.online) return fill(text.offline, { n: state.queued });
  if (state.queued) return fill(text.syncing, { n: state.queued });
  return fill(text.online, { n: state.rosterSize, time: state.rosterTime });
}
