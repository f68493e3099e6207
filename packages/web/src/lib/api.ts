/**
 * The one fetch wrapper: JSON in and out, the session cookie, the UI language, and errors as
 * ApiError carrying the server's code, translated message and field messages.
 */
import i18n from './i18n';

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const currentLang = () => (i18n.language === 'en' ? 'en' : 'zh-CN');

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

interface ErrorShape {
  error?: string;
  message?: string;
  fields?: FieldError[];
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        'Accept-Language': currentLang(),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    // The network failed: nothing is known about the outcome (status 0).
    throw new ApiError(0, 'network', i18n.t('common:error.network'));
  }
  const text = await res.text();
  const data = parseBody(text);
  if (!res.ok) {
    const e = (data ?? {}) as ErrorShape;
    const fallback =
      res.status >= 500 ? i18n.t('common:error.server') : res.statusText || i18n.t('common:error.server');
    throw new ApiError(
      res.status,
      e.error ?? 'internal',
      e.message ?? fallback,
      Array.isArray(e.fields) ? e.fields : [],
    );
  }
  return data as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
  api<T>('POST', path, body ?? {}, headers);
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body ?? {});

export const qs = (params: Record<string, string | number | undefined | null>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

/** The message to show for any error thrown by a query or mutation. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

/** An ApiError that the server refused for good (4xx): nothing was changed. */
export const isClientError = (err: unknown) => err instanceof ApiError && err.status >= 400 && err.status < 500;
