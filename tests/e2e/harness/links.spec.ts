import { METHOD_NAMES } from '../../../electron/api/channels';
import { expect, test } from '../fixtures';

test('clicking a link hands it to the system browser and the window stays on the app', async ({ app, listPage }) => {
  const before = app.page.url();
  await listPage.resource('Your Guide to the CPython Source Code').getByRole('link', { name: /Your Guide/ }).click();
  await listPage.resource('Python Documentation').getByRole('link', { name: /Python\/C API reference/ }).click();
  await expect.poll(() => app.opened).toEqual([
    'https://realpython.com/cpython-source-code-guide/',
    'https://docs.python.org/3.9/c-api/index.html',
  ]);
  expect(app.page.url()).toBe(before);
  expect(app.context.pages()).toHaveLength(1);
});

test('a lecture without its own link opens the playlist; lecture 1 opens its own video', async ({ app, listPage }) => {
  await listPage.page.getByRole('link', { name: /^Lecture 4 - PyObject/ }).click();
  await listPage.page.getByRole('link', { name: /^Lecture 1 - Interpreter/ }).click();
  await expect.poll(() => app.opened).toEqual([
    'https://www.youtube.com/playlist?list=PLzV58Zm8FuBL6OAv1Yu6AwXZrnsFbbR0S',
    'https://www.youtube.com/watch?v=LhadeL7_EIU&list=PLzV58Zm8FuBL6OAv1Yu6AwXZrnsFbbR0S',
  ]);
});

test('the page has a strict CSP: inline script is refused and nothing outside the app is fetched', async ({ app }) => {
  const response = await app.page.reload();
  const csp = response!.headers()['content-security-policy']!;
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  const { ran, violation } = await app.page.evaluate(async () => {
    const reported = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }),
    );
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    return { ran: (window as unknown as { __inline?: number }).__inline === 1, violation: await reported };
  });
  expect(ran).toBe(false);
  expect(violation).toMatch(/^script-src/);
  expect(app.blockedRequests).toEqual([]);
});

test('window.api is exactly the contract, frozen, and rejects bad arguments with a clear message', async ({ app }) => {
  const { keys, frozen, result } = await app.page.evaluate(async () => {
    const api = window.api as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    return {
      keys: Object.keys(api).sort(),
      frozen: Object.isFrozen(api),
      result: await api.setDone!('python-behind-the-scenes-resources/peps', 'yes'),
    };
  });
  expect(keys).toEqual([...METHOD_NAMES, 'on'].sort());
  expect(frozen).toBe(true);
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
});
