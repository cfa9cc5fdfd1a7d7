import { describe, expect, it } from 'vitest';
import { viewAsCookieName, viewAsCookieOptions } from './cookie';

describe('the view-as cookie', () => {
  it('over HTTPS is a __Host- cookie: Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain', () => {
    const options = viewAsCookieOptions(3_600, 'https://tv.example.com');
    expect(options).toEqual({ name: '__Host-primetime-view-as', httpOnly: true, sameSite: 'lax', secure: true, path: '/', maxAge: 3_600 });
    expect(options).not.toHaveProperty('domain');
    expect(viewAsCookieName('https://tv.example.com')).toBe(options.name);
  });

  it('on a plain-HTTP site (local runs) keeps its plain name, which a browser would refuse with the prefix', () => {
    expect(viewAsCookieOptions(0, 'http://localhost:3000')).toMatchObject({ name: 'primetime-view-as', httpOnly: true, sameSite: 'lax', secure: false, path: '/' });
  });
});
