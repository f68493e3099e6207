/**
 * The channel sentence of a not-accept notice (R1.5b, R4.2). The receptionist picks a suggested
 * channel and may add the body after it, e.g. "仲裁（市劳动人事争议仲裁委员会）".
 */
export const CHANNEL_KEYS = ['litigation', 'arbitration', 'reconsideration', 'other'] as const;
export type ChannelKey = (typeof CHANNEL_KEYS)[number];

/** The suggestion labels in both languages, so a notice reads a channel typed in either. */
const LABELS: Record<ChannelKey, string[]> = {
  litigation: ['诉讼', 'Litigation'],
  arbitration: ['仲裁', 'Arbitration'],
  reconsideration: ['行政复议', 'Administrative reconsideration'],
  other: ['其他有权机关', 'Other competent authority'],
};

export interface ParsedChannel {
  key: ChannelKey;
  /** The body named after the channel, if any. */
  body: string | null;
}

/** Reads "仲裁（某仲裁委）", "仲裁：某仲裁委", "行政复议" …; anything else is a body of its own. */
export function parseChannel(channel: string): ParsedChannel {
  const c = channel.trim();
  for (const key of CHANNEL_KEYS) {
    for (const label of LABELS[key]) {
      if (c.toLowerCase() === label.toLowerCase()) return { key, body: null };
      if (c.toLowerCase().startsWith(label.toLowerCase())) {
        const rest = c
          .slice(label.length)
          .replace(/^[\s:：,，、(（-]+/, '')
          .replace(/[)）\s]+$/, '')
          .trim();
        if (rest && c.length > label.length && /^[\s:：,，、(（-]/.test(c.slice(label.length)))
          return { key, body: rest };
      }
    }
  }
  return { key: 'other', body: c || null };
}
