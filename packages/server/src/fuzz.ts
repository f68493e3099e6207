/**
 * Property-based fuzzing of the whole HTTP API (issue 8 §5: bad input never gives a 5xx).
 *
 * Every operation of the OpenAPI document (`GET /api/openapi.json`) is fuzzed from its own JSON
 * schemas (path, query, headers, body), so a new route is fuzzed without a line here. Requests mix
 * values the schema accepts (to reach the services and the database) with wrong types, odd and
 * huge strings (NUL, lone surrogates, RTL marks, emoji, combining marks, 1 MB), impossible dates,
 * numbers out of range, odd ids, `__proto__` / `constructor` keys, missing and extra fields, broken
 * JSON and other content types. They are sent anonymously and signed in as demo accounts, weighted
 * towards the accounts that get past the route's permission check (learnt per operation by a probe,
 * whatever the order of authentication and validation).
 *
 * The property: no answer is a 5xx, and every 4xx carries the `{ error, message }` body.
 * Used by fuzz.db.test.ts (a bounded number per operation) and `npm run fuzz` (many more).
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { SESSION_COOKIE } from '@hall/contracts';
import { demoRegistration, type TestApp } from './testing.ts';

// ---------------------------------------------------------------------------------------------
// The OpenAPI document, as @fastify/swagger writes it from the zod schemas (OpenAPI 3.0 flavour).

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
  $ref?: string;
}

interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: OpenApiParameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }
    >
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Operation {
  /** `POST /api/floor/visits` */
  id: string;
  method: string;
  /** OpenAPI path with `{name}` placeholders. */
  path: string;
  params: OpenApiParameter[];
  body: JsonSchema | null;
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const resolve = (s: JsonSchema | undefined, depth = 0): JsonSchema | undefined => {
    if (!s || depth > 20) return s;
    if (s.$ref) {
      const name = s.$ref.split('/').pop()!;
      return resolve(doc.components?.schemas?.[name], depth + 1);
    }
    const out: JsonSchema = { ...s };
    if (s.properties)
      out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, resolve(v, depth + 1)!]));
    if (s.items) out.items = resolve(s.items, depth + 1);
    for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (s[k]) out[k] = s[k]!.map((x) => resolve(x, depth + 1)!);
    return out;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []).map((p) => ({ ...p, schema: resolve(p.schema) }));
      const body = resolve(op.requestBody?.content?.['application/json']?.schema) ?? null;
      ops.push({ id: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, params, body });
    }
  }
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Odd values.

const MB = 1024 * 1024;
/** 1 MB of text: over the body limit once inside JSON (413), or over every field's maximum. */
const ONE_MB = 'a'.repeat(MB);
const NEARLY_ONE_MB = '测'.repeat(300_000);

export const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  '   \t  ',
  '\u0000',
  'a\u0000b',
  '张三\u0000',
  '\uD800',
  'x\uDC00y',
  '\uDBFF\uDBFF',
  '\uDFFF\uD800',
  '\u200F\u202Eabc\u202C',
  '\u061C\u2066مرحبا\u2069',
  '👨‍👩‍👧‍👦',
  '🇨🇳🏳️‍🌈',
  'e\u0301\u0301\u0301\u0301',
  'Z̷̡̛͉̘a̸̢̛l̵̨g̶o̷',
  '\uFEFFbom',
  '\r\n',
  'line1\nline2',
  '\u001B[31mred',
  '\u007F',
  '\u0085',
  '\uFFFE\uFFFF',
  '\u2028\u2029',
  '\u00A0\u3000',
  '﷽',
  '𠀀𪚥𰻝',
  '１２３４５６',
  '２０２６-１１-３０',
  "' OR 1=1 --",
  "'; DROP TABLE matter; --",
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '%00',
  '%',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  '__proto__',
  'constructor',
  'toString',
  '0',
  '-1',
  '1.5',
  '1e309',
  '0x1F',
  '99999999999999999999',
  '2147483648',
  '2026-13-01',
  '2026-02-30',
  '2026-02-29',
  '9999-99-99',
  '0000-00-00',
  '1899-12-31',
  '2100-01-01',
  '0001-01-01',
  '+275760-09-13',
  '2026-11-30T25:61:00Z',
  '2026-11-30T10:00:00',
  '2026-11-30T10:00:00+24:00',
  '9999-12-31T23:59:59Z',
  '11010519491231002X',
  'A001',
  'SZ',
];

export const ODD_NUMBERS: readonly number[] = [
  -1,
  0,
  -0,
  0.5,
  1.5,
  -2_147_483_649,
  2_147_483_647,
  2_147_483_648,
  4_294_967_296,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e308,
  -1e308,
  Number.MIN_VALUE,
  1e-7,
];

const deepArray = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

const WRONG_TYPES: readonly unknown[] = [
  null,
  true,
  false,
  [],
  {},
  [null],
  { a: 1 },
  '1',
  1,
  [1, 2, 3],
  ['a'],
  deepArray(2000),
];

/** A value of the JSON model with an own `__proto__` key (as JSON.parse would make it). */
function withOwnKey(obj: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...obj };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const EXTRA_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  'extra',
  '$where',
  'id',
  'hall_id',
  'isAdmin',
];
const PROTO_VALUES: readonly unknown[] = [{ isAdmin: true }, { prototype: { isAdmin: true } }, null, 'x', 1, []];

/** Code units 0–FFFF one by one: lone surrogates and controls included. */
const codeUnitString = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength });

/** Dates of plausible years with any month and day: 2026-13-01, 2026-02-30, 2018-87-75… */
const oddDateArb = fc
  .tuple(
    fc.integer({ min: 1900, max: 2099 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.boolean(),
  )
  .map(
    ([y, m, d, withTime]) =>
      `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${withTime ? 'T10:00:00+08:00' : ''}`,
  );

const oddStringArb = (s: JsonSchema): fc.Arbitrary<string> => {
  const over = (s.maxLength ?? 200) + 1;
  return fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...ODD_STRINGS) },
    { weight: 2, arbitrary: oddDateArb },
    { weight: 3, arbitrary: codeUnitString(30) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 2, arbitrary: fc.constant('x'.repeat(over)) },
    { weight: 1, arbitrary: fc.constant('测'.repeat(over)) },
    { weight: 1, arbitrary: fc.constantFrom(ONE_MB, NEARLY_ONE_MB) },
  );
};

const oddNumberArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...ODD_NUMBERS) },
  { weight: 2, arbitrary: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

/** Anything at all, of the wrong type more often than not. */
const oddAnyArb = (s: JsonSchema): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: oddStringArb(s) },
    { weight: 3, arbitrary: oddNumberArb },
    { weight: 3, arbitrary: fc.constantFrom(...WRONG_TYPES) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('__proto__', 'constructor'), fc.constantFrom(...PROTO_VALUES))
        .map(([k, v]) => withOwnKey({}, k, v)),
    },
  );

// ---------------------------------------------------------------------------------------------
// Values the schema accepts (mostly): what reaches the services.

/** Values of the demo hall that reach further than random ones, by field name. */
const KNOWN: Record<string, readonly unknown[]> = {
  hallCode: ['SZ', 'sz', 'NOPE'],
  /** Sign-in is fuzzed with a demo account that the fuzz never signs in with (its lockout may trip). */
  username: ['reception2', 'nobody.here'],
  idNumber: ['11010519491231002X', '320506198001011235', '320583199003150041', '110105194912310038', 'E12345678'],
  code: ['320500', '320506', 'SZ', 'reg'],
  localityCode: ['320500', '320506', '320583'],
  divisionCode: ['320500', '320506'],
  parentCode: ['320500', '320000'],
  number: ['A001', 'A002', 'B001', 'G010'],
  priority: ['normal', 'elderly', 'disabled', 'appointment'],
  field: ['idNumber', 'phone', 'address'],
  year: [2024, 2025, 2026, 2027, 2030, 2099, 2100, 1999],
  /** Booleans in a query string (z.stringbool: a plain string in the schema). */
  all: ['true', 'false', '1', '0', 'yes', 'off'],
  byHour: ['true', 'false', '1', '0'],
};

const WORDS = [
  '张三',
  '李四',
  '苏州市',
  '吴中区',
  '拖欠工资',
  '信访',
  '测试',
  'abc',
  'Zhang San',
  '王芳',
  '123',
  '—',
  '·',
  '（一）',
];

const cap = (v: string, s: JsonSchema) => {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 200;
  let out = v.length > max ? v.slice(0, max) : v;
  while (out.length < min) out += '测';
  return out;
};

const dayArb = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const DAY = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const validDateArb = fc.oneof(
  { weight: 5, arbitrary: dayArb(DAY('2026-10-15'), DAY('2026-12-31')) },
  { weight: 2, arbitrary: dayArb(DAY('2025-01-01'), DAY('2027-12-31')) },
  { weight: 1, arbitrary: dayArb(DAY('1900-01-01'), DAY('2099-12-31')) },
  { weight: 1, arbitrary: fc.constantFrom('2026-11-30', '2024-02-29', '1900-01-01', '2099-12-31') },
);
const validDateTimeArb = fc
  .tuple(validDateArb, fc.integer({ min: 0, max: 86_399 }), fc.constantFrom('Z', '+08:00', '-05:00', '+14:00'))
  .map(
    ([d, s, z]) =>
      `${d}T${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}${z}`,
  );

function validStringArb(s: JsonSchema, name: string): fc.Arbitrary<string> {
  if (s.format === 'date') return validDateArb;
  if (s.format === 'date-time') return validDateTimeArb;
  const known = (KNOWN[name] ?? []).filter((v): v is string => typeof v === 'string');
  const options: fc.WeightedArbitrary<string>[] = [];
  if (s.pattern) {
    try {
      options.push({
        weight: 6,
        arbitrary: fc.stringMatching(new RegExp(s.pattern)).map((v) => v.slice(0, s.maxLength ?? 200)),
      });
    } catch {
      // A pattern fast-check cannot invert: plain strings below.
    }
  }
  if (known.length) options.push({ weight: 4, arbitrary: fc.constantFrom(...known) });
  if (!s.pattern) {
    options.push({
      weight: 4,
      arbitrary: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => cap(w.join(''), s)),
    });
    options.push({
      weight: 2,
      arbitrary: fc.string({
        unit: 'grapheme',
        minLength: s.minLength ?? 0,
        maxLength: Math.min(s.maxLength ?? 40, 40),
      }),
    });
  }
  if (!options.length) options.push({ weight: 1, arbitrary: fc.string({ maxLength: 10 }) });
  return fc.oneof(...options);
}

function validNumberArb(s: JsonSchema, name: string, integer: boolean): fc.Arbitrary<number> {
  const exclusiveMin = s.exclusiveMinimum === true;
  const exclusiveMax = s.exclusiveMaximum === true;
  let min = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : s.minimum;
  let max = typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : s.maximum;
  if (integer) {
    min =
      min === undefined
        ? -1000
        : exclusiveMin || typeof s.exclusiveMinimum === 'number'
          ? Math.floor(min) + 1
          : Math.ceil(min);
    max =
      max === undefined
        ? 1000
        : exclusiveMax || typeof s.exclusiveMaximum === 'number'
          ? Math.ceil(max) - 1
          : Math.floor(max);
    min = Math.max(min, Number.MIN_SAFE_INTEGER);
    max = Math.min(max, Number.MAX_SAFE_INTEGER);
    const lo = min;
    const hi = max;
    // Small numbers are the ids the seeded data has (seedFuzzData), and the versions it is at.
    const from = Math.max(lo, name === 'version' ? 0 : 1);
    const few = from <= hi ? fc.integer({ min: from, max: Math.min(hi, from + 6) }) : fc.constant(lo);
    const some = from <= hi ? fc.integer({ min: from, max: Math.min(hi, from + 40) }) : fc.constant(lo);
    return fc.oneof(
      { weight: 6, arbitrary: few },
      { weight: 2, arbitrary: some },
      { weight: 2, arbitrary: fc.integer({ min: lo, max: hi }) },
      { weight: 1, arbitrary: fc.constantFrom(lo, hi) },
    );
  }
  return fc.double({
    min: min ?? -1000,
    max: max ?? 1000,
    noNaN: true,
    noDefaultInfinity: true,
    minExcluded: exclusiveMin,
    maxExcluded: exclusiveMax,
  });
}

const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/**
 * A value for the schema. `odd` is the weight (out of 100) with which a leaf is replaced by an odd
 * value, an optional key left out or kept, a required key dropped and an extra key added.
 */
export function valueArb(s: JsonSchema, odd: number, name = '', depth = 0): fc.Arbitrary<unknown> {
  const valid = validArb(s, odd, name, depth);
  if (odd <= 0) return valid;
  return fc.oneof({ weight: 100 - odd, arbitrary: valid }, { weight: odd, arbitrary: oddAnyArb(s) });
}

function validArb(s: JsonSchema, odd: number, name: string, depth: number): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  if (s.allOf?.length) return validArb(Object.assign({}, ...s.allOf), odd, name, depth);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) {
    const alts = alternatives.map((x) => validArb(x, odd, name, depth + 1));
    return s.nullable ? fc.oneof(...alts, fc.constant(null)) : fc.oneof(...alts);
  }
  let arb: fc.Arbitrary<unknown>;
  const known = KNOWN[name];
  if (s.enum?.length) arb = fc.constantFrom(...s.enum);
  else if (s.const !== undefined) arb = fc.constant(s.const);
  else {
    const types = typesOf(s);
    const t = types.find((x) => x !== 'null') ?? (s.properties ? 'object' : s.items ? 'array' : 'string');
    switch (t) {
      case 'string':
        arb = validStringArb(s, name);
        break;
      case 'integer':
      case 'number':
        arb = validNumberArb(s, name, t === 'integer');
        break;
      case 'boolean':
        arb = fc.boolean();
        break;
      case 'array':
        arb = fc.array(valueArb(s.items ?? {}, odd, name, depth + 1), {
          minLength: s.minItems ?? 0,
          maxLength: Math.min(s.maxItems ?? 3, Math.max(s.minItems ?? 0, 3)),
        });
        break;
      case 'object':
        arb = objectArb(s, odd, depth);
        break;
      default:
        arb = fc.jsonValue({ maxDepth: 2 });
    }
    if (known && t !== 'object' && t !== 'array') arb = fc.oneof(arb, fc.constantFrom(...known));
  }
  if (s.nullable || typesOf(s).includes('null'))
    arb = fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });
  return arb;
}

const ABSENT = Symbol('absent');

function objectArb(s: JsonSchema, odd: number, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(s.properties ?? {});
  const required = new Set(s.required ?? []);
  const entries = props.map(([key, ps]) => {
    const value = valueArb(ps, odd, key, depth + 1);
    // Optional keys: present or not; required keys: dropped now and then when being odd.
    const dropWeight = required.has(key) ? Math.ceil(odd / 4) : 30;
    const arb =
      dropWeight > 0
        ? fc.oneof({ weight: 100, arbitrary: value }, { weight: dropWeight, arbitrary: fc.constant(ABSENT) })
        : value;
    return fc.tuple(fc.constant(key), arb);
  });
  const extras =
    odd > 0
      ? fc.oneof(
          { weight: 100 - odd, arbitrary: fc.constant([] as [string, unknown][]) },
          {
            weight: odd,
            arbitrary: fc.array(
              fc.tuple(
                fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 8 })),
                fc.oneof(fc.constantFrom(...PROTO_VALUES), oddAnyArb({})),
              ),
              { minLength: 1, maxLength: 2 },
            ),
          },
        )
      : fc.constant([] as [string, unknown][]);
  return fc.tuple(fc.tuple(...entries), extras).map(([kv, extra]) => {
    let out: Record<string, unknown> = {};
    for (const [k, v] of kv) if (v !== ABSENT) out[k] = v;
    for (const [k, v] of extra) out = withOwnKey(out, k, v);
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// Requests.

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** Index into the session list (0 = anonymous). */
  session: number;
}

/** Percent-encodes any string, lone surrogates included (as the bytes a WTF-8 client would send). */
export function encodePart(s: string): string {
  let out = '';
  for (const ch of s) {
    try {
      out += encodeURIComponent(ch);
    } catch {
      const c = ch.charCodeAt(0);
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
  }
  return out;
}

/** Raw pieces of a URL that no encoder produces. */
const RAW_URL_PIECES = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%FF',
  '%C0%AE%C0%AE',
  '%2e%2e%2f',
  '..',
  '%00',
  '%ED%A0%80',
  '%F0%9F%98',
  '+',
  '%20',
  '',
];

const scalarText = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined ? '' : (JSON.stringify(v) ?? '');

/** A path or query value: valid for its schema, odd, or raw URL bytes. */
function urlValueArb(p: OpenApiParameter, odd: number): fc.Arbitrary<string> {
  const schema = p.schema ?? { type: 'string' };
  return fc.oneof(
    { weight: 100 - odd, arbitrary: validArb(schema, 0, p.name, 0).map((v) => encodePart(scalarText(v))) },
    { weight: odd, arbitrary: oddAnyArb(schema).map((v) => encodePart(scalarText(v))) },
    { weight: Math.ceil(odd / 4), arbitrary: fc.constantFrom(...RAW_URL_PIECES) },
    { weight: Math.ceil(odd / 8), arbitrary: fc.constant('x'.repeat(200)) },
  );
}

/** Header values can only carry visible Latin-1: anything else is what a client cannot send. */
const headerSafe = (v: string) => v.replace(/[^\u0020-\u007E\u00A0-\u00FF]/g, '?');

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=iso-8859-1',
];
const BROKEN_JSON = [
  '{',
  '{"a":}',
  '[',
  'nul',
  '\u0000',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"a":1,"a":2}',
  '1e999',
  '""',
  '[]',
  'null',
  '"\uD800"',
  '{"x":"\\ud800"}',
  '{"x":"\\u0000"}',
  `"${ONE_MB}"`,
  `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`,
];

export function requestArb(
  op: Operation,
  sessionWeights: number[],
  oddLevels: number[] = [0, 5, 15, 40],
): fc.Arbitrary<FuzzRequest> {
  const oddness = fc.constantFrom(...oddLevels);
  return oddness.chain((odd) => {
    const pathParams = op.params.filter((p) => p.in === 'path');
    const queryParams = op.params.filter((p) => p.in === 'query');
    const headerParams = op.params.filter((p) => p.in === 'header');
    const path = fc.tuple(...pathParams.map((p) => urlValueArb(p, Math.max(odd, 5)))).map((values) => {
      let url = op.path;
      pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, values[i]!)));
      return url;
    });
    const queryParts = fc.tuple(
      ...queryParams.map((p) =>
        fc.oneof(
          { weight: p.required ? Math.ceil(odd / 4) + 1 : 40, arbitrary: fc.constant<string[]>([]) },
          { weight: 100, arbitrary: urlValueArb(p, odd).map((v) => [`${p.name}=${v}`]) },
          {
            weight: Math.ceil(odd / 5) + 1,
            arbitrary: fc
              .tuple(urlValueArb(p, odd), urlValueArb(p, odd))
              .map(([a, b]) => [`${p.name}=${a}`, `${p.name}=${b}`]),
          },
        ),
      ),
    );
    const extraQuery =
      odd > 0
        ? fc.oneof(
            { weight: 100 - odd, arbitrary: fc.constant<string[]>([]) },
            {
              weight: odd,
              arbitrary: fc
                .tuple(fc.constantFrom(...EXTRA_KEYS), fc.constantFrom(...ODD_STRINGS.slice(0, 20)))
                .map(([k, v]) => [`${encodePart(k)}=${encodePart(v)}`]),
            },
          )
        : fc.constant<string[]>([]);
    const headers = fc.tuple(
      ...headerParams.map((p) =>
        fc.oneof(
          { weight: 30, arbitrary: fc.constant<[string, string] | null>(null) },
          {
            weight: 70,
            arbitrary: valueArb(p.schema ?? { type: 'string' }, odd, p.name).map(
              (v) => [p.name, headerSafe(scalarText(v))] as [string, string],
            ),
          },
        ),
      ),
    );
    const body: fc.Arbitrary<{ payload?: string; contentType?: string }> = op.body
      ? fc.oneof(
          {
            weight: 80,
            arbitrary: valueArb(op.body, odd).map((v) => ({
              payload: JSON.stringify(v) ?? 'null',
              contentType: 'application/json',
            })),
          },
          {
            weight: Math.ceil(odd / 4) + 1,
            arbitrary: fc.constantFrom(...BROKEN_JSON).map((payload) => ({ payload, contentType: 'application/json' })),
          },
          { weight: Math.ceil(odd / 4) + 1, arbitrary: fc.constant({}) },
          {
            weight: Math.ceil(odd / 8) + 1,
            arbitrary: fc
              .tuple(valueArb(op.body, odd), fc.constantFrom(...CONTENT_TYPES))
              .map(([v, contentType]) => ({ payload: JSON.stringify(v) ?? '', contentType })),
          },
        )
      : op.method === 'GET' || op.method === 'DELETE'
        ? fc.constant({})
        : fc.oneof(
            { weight: 90, arbitrary: fc.constant({}) },
            {
              weight: 10,
              arbitrary: fc
                .oneof(
                  oddAnyArb({}).map((v) => JSON.stringify(v) ?? 'null'),
                  fc.constantFrom(...BROKEN_JSON),
                )
                .map((payload) => ({ payload, contentType: 'application/json' })),
            },
          );
    const session = fc.oneof(
      ...sessionWeights.map((w, i) => ({ weight: w, arbitrary: fc.constant(i) })).filter((x) => x.weight > 0),
    );
    return fc.record({ path, queryParts, extraQuery, headers, body, session }).map((r) => {
      const query = [...r.queryParts.flat(), ...r.extraQuery];
      const h: Record<string, string> = {};
      for (const kv of r.headers) if (kv) h[kv[0]] = kv[1];
      if (r.body.contentType) h['content-type'] = r.body.contentType;
      return {
        method: op.method,
        url: query.length ? `${r.path}?${query.join('&')}` : r.path,
        headers: h,
        payload: r.body.payload,
        session: r.session,
      };
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Running.

export interface FuzzAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** Sends one request; an event stream is cut after its head (the board's stream never ends by itself). */
export async function send(
  t: TestApp,
  req: FuzzRequest,
  cookie: string | null,
  remoteAddress?: string,
): Promise<FuzzAnswer & { res: LightMyRequestResponse }> {
  const res = await t.app.inject({
    method: req.method as 'GET',
    url: req.url,
    headers: { ...req.headers, ...(cookie ? { cookie } : {}) },
    ...(req.payload !== undefined ? { payload: req.payload } : {}),
    ...(remoteAddress ? { remoteAddress } : {}),
    payloadAsStream: true,
  });
  const contentType = String(res.headers['content-type'] ?? '');
  const stream = res.stream();
  if (contentType.startsWith('text/event-stream')) {
    stream.destroy();
    return { status: res.statusCode, contentType, body: '', res };
  }
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return { status: res.statusCode, contentType, body: Buffer.concat(chunks).toString('utf8'), res };
}

/** What is wrong with an answer, or null: no 5xx, and every 4xx says `{ error, message }`. */
export function problemOf(a: FuzzAnswer): string | null {
  if (a.status >= 500) return `status ${a.status}: ${a.body.slice(0, 500)}`;
  if (a.status >= 400) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(a.body);
    } catch {
      return `status ${a.status} without a JSON body: ${a.body.slice(0, 200)}`;
    }
    const b = parsed as { error?: unknown; message?: unknown };
    if (typeof b?.error !== 'string' || typeof b?.message !== 'string' || !b.message)
      return `status ${a.status} without { error, message }: ${a.body.slice(0, 200)}`;
  }
  return null;
}

export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx';
export type Counts = Record<StatusClass, number>;
const emptyCounts = (): Counts => ({ '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 });
const classOf = (status: number): StatusClass =>
  status >= 500 ? '5xx' : status >= 400 ? '4xx' : status >= 300 ? '3xx' : '2xx';

export interface FuzzReport {
  perOperation: Map<string, { counts: Counts; statuses: Map<number, number> }>;
  total: Counts;
  problems: { op: string; request: FuzzRequest; problem: string }[];
}

/** The demo accounts the fuzz signs in with (index + 1 in the session list; 0 is anonymous). */
export const FUZZ_ACCOUNTS = [
  'admin',
  'director',
  'deputy',
  'office',
  'reception1',
  'registrar',
  'guide',
  'security',
  'lead1',
  'handler1',
  'head1',
  'inquiry',
];
/** Sign-in requests come from another address, so that its limits never stop the accounts above. */
const LOGIN_FUZZ_ADDRESS = '198.51.100.23';

/**
 * Signs in the accounts and keeps their sessions: a fuzzed request that signs out, rotates the
 * session, disables or locks an account, or changes its roles is undone before the next operation.
 */
export class Sessions {
  readonly cookies: (string | null)[] = [null];
  private snapshot: { users: Record<string, unknown>[]; roles: Record<string, unknown>[] } | null = null;

  constructor(
    private readonly t: TestApp,
    readonly accounts: string[] = FUZZ_ACCOUNTS,
  ) {}

  async start() {
    const db = this.t.database.db;
    const users = await db.selectFrom('staff_user').selectAll().where('username', 'in', this.accounts).execute();
    const ids = users.map((u) => u.id);
    const roles = await db.selectFrom('staff_role').selectAll().where('staff_id', 'in', ids).execute();
    this.snapshot = { users: users as Record<string, unknown>[], roles: roles as Record<string, unknown>[] };
    for (const a of this.accounts) this.cookies.push(await this.t.login(a));
  }

  /** Follows what the answer did to the session cookie. */
  observe(session: number, res: LightMyRequestResponse) {
    if (session === 0) return;
    const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
    if (!c) return;
    this.cookies[session] = c.value ? `${SESSION_COOKIE}=${c.value}` : null;
  }

  /** Puts the accounts back as they were and signs in again where a session was lost. */
  async repair() {
    const db = this.t.database.db;
    const snap = this.snapshot!;
    for (const [i, account] of this.accounts.entries()) {
      const cookie = this.cookies[i + 1];
      const me = cookie ? await this.t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } }) : null;
      const user = snap.users.find((u) => u.username === account)!;
      const roles = snap.roles.filter((r) => r.staff_id === user.id);
      const current = await db
        .selectFrom('staff_role')
        .select('role')
        .where('staff_id', '=', user.id as number)
        .execute();
      const sameRoles =
        current
          .map((r) => r.role)
          .sort()
          .join() ===
        roles
          .map((r) => String(r.role))
          .sort()
          .join();
      if (me?.statusCode === 200 && sameRoles) continue;
      const { id, ...columns } = user;
      await db
        .updateTable('staff_user')
        .set(columns)
        .where('id', '=', id as number)
        .execute();
      await db
        .deleteFrom('staff_role')
        .where('staff_id', '=', id as number)
        .execute();
      if (roles.length)
        await db
          .insertInto('staff_role')
          .values(roles as never)
          .execute();
      this.cookies[i + 1] = await this.t.login(account);
    }
  }
}

/**
 * Data for the services to work on: registrations (matters, petitioners, tickets), an accepted
 * matter, a visit at the guide desk, a disorder entry and a kiosk ticket, made through the API.
 */
export async function seedFuzzData(t: TestApp): Promise<void> {
  const registrar = await t.login('registrar');
  const post = async (cookie: string | null, url: string, payload: unknown) => {
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: cookie ? { cookie } : {},
      payload: payload as object,
    });
    if (res.statusCode >= 300) throw new Error(`fuzz seed ${url}: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body) as Record<string, unknown>;
  };
  const people: [string, string][] = [
    ['张三', '11010519491231002X'],
    ['李四', '320506198001011235'],
    ['王五', '320583199003150041'],
  ];
  const matters: number[] = [];
  for (const [name, idNumber] of people) {
    const base = await demoRegistration(t);
    const r = await post(registrar, '/api/registrations', {
      ...base,
      petitioner: { ...base.petitioner, name, idNumber },
      issueTicket: true,
    });
    matters.push(r.matterId as number);
  }
  const reception = await t.login('reception1');
  await post(reception, `/api/matters/${matters[0]}/actions/accept`, { reason: '符合受理条件', version: 1 }).catch(
    () => {},
  );
  const guide = await t.login('guide');
  await post(guide, '/api/floor/disorder/incidents', {
    personName: '王五',
    idType: 'resident',
    idNumber: '320583199003150041',
    occurredAt: t.clock.now.toISOString(),
    kind: 'blockingWindow',
    description: '堵塞窗口',
    informed: ['dutyBailiff'],
  }).catch(() => {});
  await post(guide, '/api/floor/visits', { personName: '赵六', securityCheck: 'passed', purpose: '咨询' }).catch(
    () => {},
  );
  const kiosk = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/public/halls/SZ/kiosk' })).body) as {
    services?: { id: number }[];
  };
  if (kiosk.services?.[0])
    await post(null, '/api/public/halls/SZ/tickets', { serviceId: kiosk.services[0].id }).catch(() => {});
}

export interface FuzzOptions {
  runs: number;
  seed?: number;
  /** Called after each operation (progress for the script). */
  onOperation?: (op: Operation, counts: Counts) => void;
  /** Only operations whose id matches. */
  filter?: RegExp;
}

export async function fuzzApi(t: TestApp, opts: FuzzOptions): Promise<FuzzReport> {
  const doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).body) as OpenApiDoc;
  // The administrator's edits of the organisation (halls, windows, staff…) go last: a hall renamed
  // or a window closed early would leave the other operations little to work on.
  const late = (o: Operation) => (o.path.startsWith('/api/admin/') && o.method !== 'GET' ? 1 : 0);
  const ops = operationsOf(doc)
    .filter((o) => !opts.filter || opts.filter.test(o.id))
    .sort((a, b) => late(a) - late(b));
  const sessions = new Sessions(t);
  await sessions.start();
  const report: FuzzReport = { perOperation: new Map(), total: emptyCounts(), problems: [] };

  for (const op of ops) {
    const entry = { counts: emptyCounts(), statuses: new Map<number, number>() };
    report.perOperation.set(op.id, entry);
    const isLogin = op.method === 'POST' && op.path.endsWith('/auth/login');
    let lastFailure: { request: FuzzRequest; problem: string } | null = null;
    const run = async (req: FuzzRequest) => {
      const cookie = sessions.cookies[req.session] ?? null;
      const a = await send(t, req, cookie, isLogin ? LOGIN_FUZZ_ADDRESS : undefined);
      sessions.observe(req.session, a.res);
      entry.counts[classOf(a.status)]++;
      report.total[classOf(a.status)]++;
      entry.statuses.set(a.status, (entry.statuses.get(a.status) ?? 0) + 1);
      const problem = problemOf(a);
      if (problem) lastFailure = { request: { ...req, payload: req.payload?.slice(0, 2000) }, problem };
      return { status: a.status, problem };
    };

    // Probe: one schema-valid request per session. Sessions answered 401/403 are weighted down,
    // the others (past the permission check, or validated first) up.
    const probe = fc.sample(requestArb(op, [1], [0]), { numRuns: 1, seed: 42 })[0]!;
    const weights: number[] = [];
    for (let s = 0; s < sessions.cookies.length; s++) {
      const { status, problem } = await run({ ...probe, session: s });
      if (problem) report.problems.push({ op: op.id, request: { ...probe, session: s }, problem });
      weights.push(status === 401 || status === 403 ? 1 : 25);
    }
    // Sign-in: anonymous only (a signed-in caller adds nothing, and its limits are per address).
    if (isLogin) weights.forEach((_, i) => (weights[i] = i === 0 ? 1 : 0));
    else weights[0] = Math.max(weights[0]!, 2);

    lastFailure = null;
    await fc
      .assert(
        fc.asyncProperty(requestArb(op, weights), async (req) => {
          const { problem } = await run(req);
          if (problem) throw new Error(`${op.id}: ${problem}`);
        }),
        // No shrinking (endOnFailure): the first failing request is reported, with the seed and
        // path that replay it (FUZZ_SEED, and fast-check's `path`), and the next operation goes on.
        { numRuns: opts.runs, seed: opts.seed, endOnFailure: true },
      )
      .catch((err: Error) => {
        const replay = /seed: (-?\d+), path: "([^"]*)"/.exec(err.message);
        const failure = lastFailure as { request: FuzzRequest; problem: string } | null;
        report.problems.push({
          op: op.id,
          request: failure?.request ?? probe,
          problem: `${failure?.problem ?? err.message.slice(0, 1000)}${replay ? ` (seed ${replay[1]}, path ${replay[2]})` : ''}`,
        });
      });
    await sessions.repair();
    opts.onOperation?.(op, entry.counts);
  }
  return report;
}

export function formatReport(report: FuzzReport): string {
  const rows = [...report.perOperation].map(([op, e]) => {
    const statuses = [...e.statuses]
      .sort((a, b) => a[0] - b[0])
      .map(([s, n]) => `${s}:${n}`)
      .join(' ');
    return `${op.padEnd(58)} ${String(e.counts['2xx']).padStart(6)} ${String(e.counts['3xx']).padStart(5)} ${String(e.counts['4xx']).padStart(6)} ${String(e.counts['5xx']).padStart(5)}   ${statuses}`;
  });
  const t = report.total;
  const all = t['2xx'] + t['3xx'] + t['4xx'] + t['5xx'];
  return [
    `${'operation'.padEnd(58)} ${'2xx'.padStart(6)} ${'3xx'.padStart(5)} ${'4xx'.padStart(6)} ${'5xx'.padStart(5)}   statuses`,
    ...rows,
    `${`total (${report.perOperation.size} operations, ${all} requests)`.padEnd(58)} ${String(t['2xx']).padStart(6)} ${String(t['3xx']).padStart(5)} ${String(t['4xx']).padStart(6)} ${String(t['5xx']).padStart(5)}`,
  ].join('\n');
}
