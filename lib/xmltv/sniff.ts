// Whether a file starts like an XML document, from its first bytes: shared by the upload
// form (a wrong file is refused before it is sent) and the upload handler (which decides).
// Works on plain byte arrays so it runs in the browser too.

/** Enough leading bytes to tell XML from anything else (BOM, blanks, `<`). */
export const SNIFF_BYTES = 64;

/**
 * Null when `head` can start an XML document (after an optional UTF-8 BOM and blanks, a `<`
 * followed by `?`, `!` or a name); otherwise why not. UTF-16 is refused here too: XMLTV
 * files are UTF-8 and the parser reads nothing else.
 */
export function notXmlReason(head: Uint8Array): string | null {
  let start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (head[start] === 0xfe || head[start] === 0xff) return 'The file is UTF-16; XMLTV files must be UTF-8.';
  while (start < head.length && [0x20, 0x09, 0x0a, 0x0d].includes(head[start] ?? 0)) start += 1;
  if (start === head.length) return head.length >= SNIFF_BYTES ? 'The file starts with blank space only; it is not XML.' : 'The file is empty.';
  const first = head[start] ?? 0;
  const second = String.fromCharCode(head[start + 1] ?? 0);
  if (first === 0x3c && /[?!A-Za-z_:]/.test(second)) return null;
  return 'The file is not XML (an XMLTV file starts with "<?xml" or "<tv").';
}
