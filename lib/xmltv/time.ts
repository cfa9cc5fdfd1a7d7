// XMLTV times: "YYYYMMDDhhmmss +HHMM", truncatable to the minute; no zone means UTC.
const XMLTV_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?\s*(?:([+-])(\d{2})(\d{2})|Z|UTC|GMT)?$/;

/** The instant an XMLTV time names, or null when it is not a valid time. */
export function parseXmltvTime(text: string): Date | null {
  const match = XMLTV_TIME.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '00', sign, offsetHours, offsetMinutes] = match;
  const fields = [year, month, day, hour, minute, second].map(Number);
  const [y, mo, d, h, mi, s] = fields as [number, number, number, number, number, number];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  const check = new Date(0);
  check.setUTCFullYear(y, mo - 1, d);
  check.setUTCHours(h, mi, s, 0);
  const utc = check.getTime();
  // Dates roll 31 February over into March: refuse it rather than move the programme.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  const offsetMs = sign ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000 : 0;
  return new Date(utc - offsetMs);
}

/** An instant as an XMLTV time in UTC ("20231124010000 +0000"). */
export function formatXmltvTime(instant: Date): string {
  const iso = instant.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)} +0000`;
}
