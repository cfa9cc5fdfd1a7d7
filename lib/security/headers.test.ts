import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, originOf, securityHeaders } from './headers';

const base = { mediaOrigins: ['https://media.example.com'], streamOrigins: ['https://stream.example.com'], https: true };

describe('security headers', () => {
  it('locks the page down: no plugins, no framing, forms and base to ourselves', () => {
    const csp = contentSecurityPolicy(base);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("default-src 'self'");
  });

  it('allows images from the media host and streams from the stream host only', () => {
    const csp = contentSecurityPolicy(base);
    expect(csp).toMatch(/img-src 'self' data: blob: https:\/\/media\.example\.com(;|$)/);
    expect(csp).toMatch(/media-src 'self' blob: https:\/\/stream\.example\.com(;|$)/);
    expect(csp).toMatch(/connect-src 'self' https:\/\/stream\.example\.com(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*(media|stream)\.example\.com/);
  });

  it('adds HSTS and upgrade-insecure-requests only over HTTPS', () => {
    const names = (https: boolean) => securityHeaders({ ...base, https }).map((header) => header.key);
    expect(names(true)).toContain('Strict-Transport-Security');
    expect(names(false)).not.toContain('Strict-Transport-Security');
    expect(contentSecurityPolicy({ ...base, https: false })).not.toContain('upgrade-insecure-requests');
  });

  it('takes origins only from absolute http(s) URLs', () => {
    expect(originOf('https://cdn.example.com/media/x.png')).toBe('https://cdn.example.com');
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('/media')).toBeNull();
    expect(originOf(undefined)).toBeNull();
  });
});
