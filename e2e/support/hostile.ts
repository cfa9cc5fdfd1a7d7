// Hostile values and the checks every hostile-input probe makes, shared by the specs that
// throw them at public routes (hostile-input.spec.ts) and at server actions, uploads and
// headers (hostile-writes.spec.ts).
import { expect, type APIRequestContext } from '@playwright/test';
import fc from 'fast-check';

/** Values people and scripts actually send where an id, date, zone, cursor or query belongs. */
export const NASTY = [
  '',
  ' ',
  '..',
  '../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  'null',
  'undefined',
  '-1',
  '0',
  '1e309',
  'NaN',
  '9999-99-99',
  '2026-02-30',
  '2026-11-21T25:61:00Z',
  'Europe/Atlantis',
  "'; DROP TABLE channels; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${process.exit(1)}',
  '\u0000\u0001\u001f',
  '\uFFFF\uD800',
  '🦄📺🔥',
  'ｆｕｌｌｗｉｄｔｈ',
  'x'.repeat(5_000),
  '00000000-0000-0000-0000-000000000000',
  'WzAsIjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMCJd',
  'eyJhIjoxfQ',
];

/** Keys that reach Object.prototype when a parser copies them naively. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** One string where a URL segment, an id, a date, a zone, a cursor or a search belongs. */
export const hostileSegment = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.uuid(),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.integer().map(String),
);

/** Any value a JSON body can carry where a field belongs: wrong types, huge strings, deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileSegment,
  fc.constantFrom(null, true, false, 0, -1, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, -0.5, [], {}, 'x'.repeat(200_000)),
  fc.array(hostileSegment, { maxLength: 5 }),
  fc.dictionary(fc.constantFrom(...PROTOTYPE_KEYS, 'id', 'name'), hostileSegment, { maxKeys: 3 }),
  fc.double(),
);

/** A stack frame, a source or install path, or an error class name in a response body. */
export const STACK_TRACE = /\n\s+at [^\n]+:\d+:\d+|node_modules\/|\/work\/|webpack-internal:|TypeError:|ReferenceError:|SyntaxError:|PrismaClient\w*Error|\bat async\b/;

/** Fails when a response is a 5xx or shows internals. */
export function expectNoLeak(what: string, status: number, body: string): void {
  expect(status, `${what} answered ${status}: ${body.slice(0, 300)}`).toBeLessThan(500);
  expect(STACK_TRACE.test(body), `${what} leaked internals: ${body.match(STACK_TRACE)?.[0]}`).toBe(false);
}

export async function expectSafe(request: APIRequestContext, method: 'GET' | 'POST' | 'DELETE', url: string, data?: string): Promise<void> {
  const response = await request.fetch(url, { method, data, headers: data ? { 'content-type': 'application/json' } : undefined, maxRedirects: 0, failOnStatusCode: false });
  expectNoLeak(`${method} ${url.slice(0, 200)}`, response.status(), await response.text());
}
