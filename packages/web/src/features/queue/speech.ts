/**
 * Voice announcements on the display board (issue 4): the browser's speech synthesis, Mandarin,
 * configurable per board (on/off, repeats, rate) and kept in the board's localStorage. Every call
 * is guarded: a browser without speech synthesis shows the board silently and never fails.
 */
import { z } from 'zod';

export const VoiceSettings = z.object({
  enabled: z.boolean(),
  repeat: z.number().int().min(1).max(3),
  rate: z.number().min(0.5).max(1.5),
});
export type VoiceSettings = z.infer<typeof VoiceSettings>;

export const DEFAULT_VOICE: VoiceSettings = { enabled: true, repeat: 2, rate: 0.9 };
const STORAGE_KEY = 'hall.board.voice';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** The stored settings, or the defaults when absent or unreadable. */
export function loadVoiceSettings(store: Store | undefined): VoiceSettings {
  try {
    const raw = store?.getItem(STORAGE_KEY);
    if (!raw) return DEFAULT_VOICE;
    const parsed = VoiceSettings.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_VOICE;
  } catch {
    return DEFAULT_VOICE;
  }
}

export function saveVoiceSettings(store: Store | undefined, s: VoiceSettings): void {
  try {
    store?.setItem(STORAGE_KEY, JSON.stringify(s));
  } catch {
    // Private mode or a full storage: the settings last until the page reloads.
  }
}

export const browserStore = (): Store | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

export function speechAvailable(): boolean {
  return (
    typeof window !== 'undefined' &&
    'speechSynthesis' in window &&
    typeof window.SpeechSynthesisUtterance === 'function'
  );
}

function mandarinVoice(): SpeechSynthesisVoice | undefined {
  const voices = window.speechSynthesis.getVoices();
  return (
    voices.find((v) => v.lang === 'zh-CN') ??
    voices.find((v) => v.lang.toLowerCase().startsWith('zh-cn')) ??
    voices.find((v) => v.lang.toLowerCase().startsWith('zh'))
  );
}

/** Reads `text` aloud `repeat` times; returns false when the browser cannot speak. */
export function speak(text: string, s: Pick<VoiceSettings, 'repeat' | 'rate'>, lang = 'zh-CN'): boolean {
  if (!speechAvailable()) return false;
  try {
    const voice = lang === 'zh-CN' ? mandarinVoice() : undefined;
    for (let i = 0; i < s.repeat; i++) {
      const u = new window.SpeechSynthesisUtterance(text);
      u.lang = lang;
      u.rate = s.rate;
      if (voice) u.voice = voice;
      window.speechSynthesis.speak(u);
    }
    return true;
  } catch {
    return false;
  }
}

/** Browsers speak only after a user gesture: called from the board's "enable" button. */
export function unlockSpeech(): boolean {
  if (!speechAvailable()) return false;
  try {
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(new window.SpeechSynthesisUtterance(''));
    return true;
  } catch {
    return false;
  }
}
