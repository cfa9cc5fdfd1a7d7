import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';
import { fieldErrors, signInSchema, signUpSchema } from './schemas';

describe('signUpSchema', () => {
  const valid = { email: '  New.Viewer@Example.COM ', password: 'correct-horse-7', confirmPassword: 'correct-horse-7' };

  it('normalises the email to trimmed lower case', () => {
    expect(signUpSchema.parse(valid).email).toBe('new.viewer@example.com');
  });

  it.each([
    [{ email: 'not-an-email' }, 'email', 'Enter a valid email address, like name@example.com.'],
    [{ email: '' }, 'email', 'Enter your email address.'],
    [{ password: 'short7', confirmPassword: 'short7' }, 'password', 'Use at least 10 characters.'],
    [{ password: 'onlylettershere', confirmPassword: 'onlylettershere' }, 'password', 'Mix letters with digits or symbols.'],
    [{ password: ' padded-pass-1 ', confirmPassword: ' padded-pass-1 ' }, 'password', 'Remove spaces at the start or end.'],
    [{ password: `a1${'x'.repeat(127)}`, confirmPassword: `a1${'x'.repeat(127)}` }, 'password', 'Use at most 128 characters.'],
    [{ confirmPassword: 'something-else-1' }, 'confirmPassword', 'The passwords do not match.'],
  ])('explains %j', (change, field, message) => {
    const result = signUpSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors<string>(result.error)[field]).toBe(message);
  });
});

describe('signInSchema', () => {
  it('asks for both fields', () => {
    const result = signInSchema.safeParse({ email: '', password: '' });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors<string>(result.error)).toEqual({ email: 'Enter your email address.', password: 'Enter your password.' });
    }
  });
});

describe('safeReturnPath', () => {
  it.each([
    ['/account', '/account'],
    ['/guide?day=2026-12-31', '/guide?day=2026-12-31'],
    ['//evil.example/x', '/account'],
    ['/\\evil.example', '/account'],
    ['https://evil.example/', '/account'],
    ['javascript:alert(1)', '/account'],
    ['/a\nb', '/account'],
    [null, '/account'],
  ])('%j -> %s', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
