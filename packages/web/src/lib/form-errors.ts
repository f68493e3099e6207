/** Puts the server's field errors (ApiError.fields, paths like 'petitioner.idNumber') on antd form fields. */
import type { FormInstance } from 'antd';
import { ApiError } from './api';

export type NamePath = (string | number)[];

export function toNamePath(path: string): NamePath {
  return path
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Sets each field error on the form; returns the paths that were applied. `rename` maps a
 * server path onto the form's own field (or undefined to skip it).
 */
export function applyServerErrors(
  form: FormInstance,
  err: unknown,
  rename: (path: string) => string | undefined = (p) => p,
): string[] {
  if (!(err instanceof ApiError) || err.fields.length === 0) return [];
  const byPath = new Map<string, string[]>();
  for (const f of err.fields) {
    const p = rename(f.path);
    if (!p) continue;
    byPath.set(p, [...(byPath.get(p) ?? []), f.message]);
  }
  const entries = [...byPath.entries()];
  if (entries.length === 0) return [];
  form.setFields(entries.map(([p, errors]) => ({ name: toNamePath(p), errors })));
  try {
    form.scrollToField(toNamePath(entries[0][0]), { block: 'center' });
  } catch {
    // the field may not be rendered (a path the form does not show): the alert still says it
  }
  return entries.map(([p]) => p);
}
