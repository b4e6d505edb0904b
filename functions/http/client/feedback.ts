/// <reference lib="dom" />

export type ResultKind = 'ok' | 'warn' | 'bad';

type AudioWindow = Window & { webkitAudioContext?: typeof AudioContext };

/**
 * A tone and a vibration per result, so a volunteer need not read the screen at a busy door. Browsers allow sound
 * only after a gesture, so the first tap or key press unlocks it.
 */
export function createFeedback() {
  let audio: AudioContext | null = null;

  const unlock = () => {
    try {
      const Context = window.AudioContext || (window as AudioWindow).webkitAudioContext;
      if (!audio && Context) audio = new Context();
      if (audio && audio.state === 'suspended') void audio.resume();
    } catch {
      audio = null;
    }
  };
  document.addEventListener('pointerdown', unlock, { once: true });
  document.addEventListener('keydown', unlock, { once: true });

  const signal = (kind: ResultKind) => {
    try {
      if (audio) {
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = kind === 'ok' ? 880 : kind === 'warn' ? 520 : 220;
        gain.gain.value = 0.2;
        tone.connect(gain).connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + (kind === 'ok' ? 0.12 : 0.4));
      }
    } catch {
      // no sound on this phone
    }
    if (navigator.vibrate) navigator.vibrate(kind === 'ok' ? 80 : [150, 80, 150]);
  };

  return { unlock, signal };
}
