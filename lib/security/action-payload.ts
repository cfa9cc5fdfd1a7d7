// A structural check of server-action request bodies, run by proxy.ts before Next decodes
// them. Next answers a body that React's reply decoder cannot read (not JSON, no argument
// list, a reference to a part the request does not carry) with a 500, for every action,
// before any of our code runs; hostile-writes.spec.ts found that. This refuses such bodies
// with a 400 instead. It checks only the wire format React's client produces (never the
// arguments' meaning: each action validates those with zod):
//   - text/plain: the JSON argument list, no outlined parts;
//   - multipart/form-data: part "0" holds the JSON argument list; "$<hex>", "$@<hex>",
//     "$Q<hex>", ... refer to other parts, "$K<hex>" to the fields of a FormData argument.
// Server references passed as arguments ("$F...") are refused: no client of ours sends one.
// Pure (a Request in, a sentence or null out), so unit tests cover it without a server.

/** Next's default server-action body limit; larger bodies are left to Next, which refuses them. */
const MAX_CHECKED_BYTES = 1024 * 1024;

/** Inline values the reply format writes as "$..." strings without referring to another part. */
const INLINE = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$|K[0-9a-f]+$|T)/;
/** A reference to another part: "$<hex>" or "$<tag><hex>" (promise, map, set, iterator, blob, typed array, stream). */
const PART_REFERENCE = /^\$([@QWiBRrXxAOoUSsLlGgMmV]?)([0-9a-f]+)$/;
/** Parts whose content is itself JSON in the reply format (the others are blobs or byte streams). */
const JSON_PART_TAGS = new Set(['', '@', 'Q', 'W', 'i', 'X', 'x', 'R']);

type Parts = (key: string) => FormDataEntryValue | null;

/** Why the body of this server-action request cannot be a React reply, or null when it can. */
export async function malformedActionPayload(request: Request): Promise<string | null> {
  const length = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(length) && length > MAX_CHECKED_BYTES) return null;
  const type = request.headers.get('content-type') ?? '';
  let parts: Parts;
  let root: string;
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return 'The form data cannot be read.';
    }
    const first = form.get('0');
    if (typeof first !== 'string') return 'The action’s arguments are missing.';
    parts = (key) => form.get(key);
    root = first;
  } else {
    root = await request.clone().text();
    parts = () => null;
  }
  const args = parseJson(root);
  if (!Array.isArray(args)) return 'The action’s arguments must be a list.';
  return unresolvedReference(args, parts, new Set(['0']));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The first "$..." string that names a part the request does not carry (or names it wrongly). */
function unresolvedReference(value: unknown, parts: Parts, visited: Set<string>): string | null {
  if (typeof value === 'string') {
    if (!value.startsWith('$') || INLINE.test(value)) return null;
    const reference = PART_REFERENCE.exec(value);
    if (!reference) return `The action’s arguments contain an unknown reference (${value.slice(0, 20)}).`;
    const [, tag = '', hex = ''] = reference;
    const key = String(Number.parseInt(hex, 16));
    const part = parts(key);
    if (part === null) return `The action’s arguments refer to a part the request does not carry (${value.slice(0, 20)}).`;
    if (visited.has(key) || !JSON_PART_TAGS.has(tag)) return null;
    visited.add(key);
    if (typeof part !== 'string') return `Part ${key} of the action’s arguments is not text.`;
    const parsed = parseJson(part);
    if (parsed === undefined) return `Part ${key} of the action’s arguments is not JSON.`;
    return unresolvedReference(parsed, parts, visited);
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = unresolvedReference(item, parts, visited);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) return unresolvedReference(Object.values(value), parts, visited);
  return null;
}
