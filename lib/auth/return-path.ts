// Where to go after signing in: only a path on this site, never another origin
// ("//evil.example", "/\\evil.example" and absolute URLs fall back to the account page).
export const DEFAULT_RETURN_PATH = '/account';

export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2_000) return DEFAULT_RETURN_PATH;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return DEFAULT_RETURN_PATH;
  if (/[\u0000-\u001f]/.test(value)) return DEFAULT_RETURN_PATH;
  return value;
}
