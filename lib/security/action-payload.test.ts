import { describe, expect, it } from 'vitest';
import { malformedActionPayload } from './action-payload';

const post = (body: BodyInit, headers: Record<string, string> = { 'content-type': 'text/plain;charset=UTF-8' }) =>
  new Request('http://localhost/admin/channels', { method: 'POST', headers: { 'next-action': 'abc', ...headers }, body });

function multipart(fields: Record<string, string>): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return new Request('http://localhost/admin/channels', { method: 'POST', headers: { 'next-action': 'abc' }, body: form });
}

describe('malformedActionPayload', () => {
  it('lets through what React’s client sends: JSON argument lists, inline values, FormData arguments', async () => {
    expect(await malformedActionPayload(post('[]'))).toBeNull();
    expect(await malformedActionPayload(post('[{"ok":true},{"id":"x","startsAt":"2026-11-21T10:00:00Z"}]'))).toBeNull();
    expect(await malformedActionPayload(post('["$$1 escaped dollar","$undefined","$D2026-11-21T10:00:00.000Z","$n12","$NaN","$-0"]'))).toBeNull();
    expect(await malformedActionPayload(multipart({ '0': '[{"ok":false},"$K1"]', '1_name': 'News', '1_number': '7' }))).toBeNull();
    expect(await malformedActionPayload(multipart({ '0': '["$@1"]', '1': '{"a":"$Q2"}', '2': '[["k","v"]]' }))).toBeNull();
  });

  it('refuses bodies React’s decoder cannot read, with a sentence', async () => {
    for (const body of ['', '[', 'x'.repeat(1_000), '{}', '"$Q1"', '42', 'null']) {
      expect(await malformedActionPayload(post(body)), JSON.stringify(body.slice(0, 20))).toMatch(/\w+/);
    }
  });

  it('refuses references to parts the request does not carry, however deep', async () => {
    expect(await malformedActionPayload(post('["$@1"]'))).toMatch(/does not carry/);
    expect(await malformedActionPayload(post('[{"a":["$1"]}]'))).toMatch(/does not carry/);
    expect(await malformedActionPayload(post('["$F1"]'))).toMatch(/unknown reference/);
    expect(await malformedActionPayload(multipart({ '0': '["$@1"]', '1': '["$Q9"]' }))).toMatch(/does not carry/);
    expect(await malformedActionPayload(multipart({ '0': '["$@1"]', '1': 'not json' }))).toMatch(/not JSON/);
    expect(await malformedActionPayload(multipart({ '1_name': 'x' }))).toMatch(/missing/);
    expect(await malformedActionPayload(post('--x\r\n', { 'content-type': 'multipart/form-data; boundary=' }))).toMatch(/cannot be read/);
  });

  it('survives self-referring parts', async () => {
    expect(await malformedActionPayload(multipart({ '0': '["$@1"]', '1': '["$@1","$@0"]' }))).toBeNull();
  });
});
