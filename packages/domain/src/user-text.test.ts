import { describe, expect, it } from 'vitest';
import * as domain from './index.ts';
import { FIELD_LABELS, MESSAGES } from './messages.ts';

/*
 * Rule ids from DOMAIN.md (R1.5, R2.4b …) belong in tests, code comments and commit messages,
 * never in what users read. The server translates every error with MESSAGES, so no message in
 * any language may carry one; neither may any other text the domain exports for display.
 */
const RULE_ID = /(?<![A-Za-z0-9])R\d+\.\d+[a-z]?/;

/**
 * Fields that record which rule a transition or a deadline follows, for tests, the audit trail and
 * docs/workflow.md. They are traceability data, not text the UI shows.
 */
const TRACEABILITY_KEYS = new Set(['rule', 'basis']);

/** Every string reachable from `value`, with its path; functions and traceability fields skipped. */
function strings(value: unknown, path: string, out: [string, string][] = [], seen = new WeakSet<object>()) {
  if (typeof value === 'string') out.push([path, value]);
  else if (value && typeof value === 'object') {
    if (seen.has(value)) return out;
    seen.add(value);
    for (const [k, v] of Object.entries(value)) if (!TRACEABILITY_KEYS.has(k)) strings(v, `${path}.${k}`, out, seen);
  }
  return out;
}

const offenders = (entries: [string, string][]) => entries.filter(([, text]) => RULE_ID.test(text));

describe('no rule id in user-facing text', () => {
  it('the pattern finds R1.5, R2.4b and R1.16–R1.18 but not ordinary text', () => {
    for (const t of ['（R1.5）', '(R2.4b)', 'R1.16–R1.18', 'see R4.4;']) expect(RULE_ID.test(t)).toBe(true);
    for (const t of ['2026-01-31', 'HR1.5', '第 1.5 日', 'R 1.5', 'version 1.2']) expect(RULE_ID.test(t)).toBe(false);
  });

  it('no error message, in any language, cites a rule id', () => {
    const all = Object.entries(MESSAGES).flatMap(([code, langs]) =>
      Object.entries(langs).map(([lang, text]) => [`${code} ${lang}`, text] as [string, string]),
    );
    expect(all.length).toBeGreaterThan(100);
    expect(offenders(all)).toEqual([]);
  });

  it('no field label cites a rule id', () => {
    expect(offenders(strings(FIELD_LABELS, 'FIELD_LABELS'))).toEqual([]);
  });

  it('no other text the domain exports (labels of states, actions, deadlines …) cites a rule id', () => {
    const all = Object.entries(domain).flatMap(([name, v]) => strings(v, name));
    expect(all.length).toBeGreaterThan(100);
    expect(offenders(all)).toEqual([]);
  });
});
