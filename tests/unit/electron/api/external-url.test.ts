import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../../../electron/api/external-url';

describe('isSafeExternalUrl', () => {
  it.each([
    'https://docs.python.org/3.9/',
    'http://stupidpythonideas.blogspot.com/',
    'https://www.youtube.com/playlist?list=PLzV58Zm8FuBL6OAv1Yu6AwXZrnsFbbR0S',
    'https://docs.python.org/3.9/extending/index.html#extending-index',
    'HTTPS://EXAMPLE.COM/',
  ])('lets %s through', (url) => expect(isSafeExternalUrl(url)).toBe(true));

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: with spaces and case', ' JaVaScRiPt:alert(1)'],
    ['javascript: with a tab', 'java\tscript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['file: on Windows', 'file:///C:/Windows/System32/calc.exe'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['UNC path', '\\\\attacker\\share\\payload.exe'],
    ['UNC as URL', 'file://attacker/share/payload.exe'],
    ['backslashes after the scheme', 'https:\\\\evil.example\\'],
    ['smb:', 'smb://attacker/share'],
    ['custom protocol handler', 'ms-msdt:/id PCWDiagnostic'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['app origin', 'app://studyshelf/index.html'],
    ['relative path', '/etc/passwd'],
    ['scheme-relative', '//evil.example/'],
    ['no host', 'https://'],
    ['one slash', 'https:/evil.example'],
    ['credentials', 'https://user:pass@evil.example/'],
    ['newline injection', 'https://example.com/\nfile:///etc/passwd'],
    ['NUL', 'https://example.com/\0'],
    ['empty', ''],
    ['malformed', 'http://[::1'],
    ['too long', `https://example.com/${'a'.repeat(5000)}`],
  ])('refuses %s', (_name, url) => expect(isSafeExternalUrl(url)).toBe(false));

  it.each([null, undefined, 42, {}, ['https://example.com'], { toString: () => 'https://example.com' }])(
    'refuses a non-string (%s)',
    (value) => expect(isSafeExternalUrl(value)).toBe(false),
  );

  it('never lets through anything whose scheme is not http or https', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.anything()), (value) => {
        if (isSafeExternalUrl(value)) expect(new URL(value).protocol).toMatch(/^https?:$/);
      }),
      { numRuns: 2000 },
    );
  });
});
