export const toJson = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));
export const fromJson = <T>(v: string | null | undefined, fallback: T): T => (v ? (JSON.parse(v) as T) : fallback);
export const bool = (v: number | boolean | null | undefined) => v === 1 || v === true;
export const int = (v: boolean) => (v ? 1 : 0);
