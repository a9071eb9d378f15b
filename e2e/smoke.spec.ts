// Smoke: the sandbox serves the built app, deep links fall back to it, and it starts
// without a single script error.
import { test, expect } from './fixtures';

test('the app loads from the sandbox without script errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/My Tasks/);
  // The wasm module has mounted once the app (or the sign-in page it sends us to) shows.
  await expect(page.locator('body')).toContainText(/My Tasks|Sign in/);
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});

test('a deep link to an app route is answered with the app, an unknown API path is not', async ({ request }) => {
  const deep = await request.get('/tasks/completed?page=2');
  expect(deep.status()).toBe(200);
  expect(await deep.text()).toContain('<html');
  const api = await request.get('/v2024/no-such-thing');
  expect(api.status()).not.toBe(200);
});
