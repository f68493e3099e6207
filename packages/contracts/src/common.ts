import { z } from 'zod';

/**
 * The largest value of an `integer` column on PostgreSQL (ids, versions, counters). A bigger number
 * would fail the statement ("out of range for type integer"); it is refused here with a 400.
 */
export const INT_MAX = 2_147_483_647;

export const Id = z.coerce.number().int().positive().max(INT_MAX);
export const IdParam = z.object({ id: Id });
/** The version the user saw (optimistic locking). */
export const Version = z.number().int().min(0).max(INT_MAX);
/** A whole number stored in an `integer` column. */
export const Int = z.number().int().min(-INT_MAX).max(INT_MAX);

/**
 * Characters no text field takes: NUL and the other C0 controls (PostgreSQL cannot store NUL; the
 * others are invisible and break documents and exports), DEL and the C1 controls, the
 * noncharacters U+FFFE / U+FFFF, and lone surrogates (not Unicode text: they cannot be encoded in
 * UTF-8). Multi-line text also takes tab, line feed and carriage return. Marks such as RTL marks,
 * combining marks and emoji are ordinary text (names in Arabic script, for instance) and pass.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BAD_IN_LINE = /[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/u;
// eslint-disable-next-line no-control-regex -- as above
const BAD_IN_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/u;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Refuses the characters above with `validation.badCharacter` (the field is named by the error handler). */
const noBadCharacters = (bad: RegExp) => (value: string, ctx: z.RefinementCtx) => {
  const m = bad.exec(value);
  if (m) ctx.addIssue({ code: 'custom', message: 'validation.badCharacter', params: { char: codePoint(m[0]) } });
};

export interface TextOptions {
  /** Free text typed in a text area: keeps tab, line feed and carriage return. */
  multiline?: boolean;
}

/**
 * The one text schema of every request: NFC-normalised (the same name typed on two keyboards is one
 * name for look-ups and hashes), trimmed, free of the characters above, at most `max` characters.
 */
const textBase = (max: number, o: TextOptions = {}) =>
  z
    .string()
    .normalize('NFC')
    .trim()
    // In the OpenAPI document; zod measures the value before NFC here, so it is measured again below.
    .max(max, { abort: true })
    .superRefine(noBadCharacters(o.multiline ? BAD_IN_MULTILINE : BAD_IN_LINE))
    // NFC can lengthen a string (U+1D15E becomes two characters): what is stored must fit.
    .superRefine((value, ctx) => {
      if (value.length > max) {
        ctx.addIssue({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, input: value });
      }
    });

export const Text = (max = 200, o: TextOptions = {}) => textBase(max, o);
export const Required = (max = 200, o: TextOptions = {}) => textBase(max, o).min(1);
export const Optional = (max = 200, o: TextOptions = {}) => textBase(max, o).nullish();
/** Free text of a text area (notes, reasons, summaries): `Text` that keeps line breaks. */
export const LongText = (max = 2000) => Text(max, { multiline: true });

/**
 * Passwords are taken as typed: not trimmed, not normalised (a changed rule would lock out who set
 * one before), only refused when they hold NUL, a control character or a lone surrogate — a lone
 * surrogate would be hashed as U+FFFD, so two different passwords would be one.
 */
export const Password = z.string().min(1).max(200).superRefine(noBadCharacters(BAD_IN_LINE));

/** An `Idempotency-Key` header: 8–100 visible ASCII characters (a UUID, a counter with a prefix). */
export const IdempotencyKey = z.string().regex(/^[\x21-\x7E]{8,100}$/);

/** The dates Hall accepts: far enough back for earlier handling, up to the last year the calendar computes. */
export const DATE_RANGE = { min: '1900-01-01', max: '2099-12-31' } as const;

/**
 * The one date schema: a real calendar day written YYYY-MM-DD (2026-02-30 and 2026-13-01 are
 * refused, 2024-02-29 is a day), inside DATE_RANGE.
 */
export const IsoDate = z.iso
  // abort: an impossible day is only that, not also out of range.
  .date({ abort: true })
  .refine((v) => v >= DATE_RANGE.min && v <= DATE_RANGE.max, {
    message: 'validation.dateOutOfRange',
    params: DATE_RANGE,
  });

/** A real instant with its offset (2026-11-30T10:00:00+08:00), inside DATE_RANGE. */
export const IsoDateTime = z.iso.datetime({ offset: true, abort: true }).refine(
  (v) => {
    const t = Date.parse(v);
    return Number.isFinite(t) && t >= Date.UTC(1900, 0, 1) && t < Date.UTC(2100, 0, 1);
  },
  { message: 'validation.dateOutOfRange', params: DATE_RANGE },
);

export const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });
