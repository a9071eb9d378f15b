// The axe-core audit the accessibility journeys share (a11y.spec.ts, i18n.spec.ts): WCAG 2.0
// and 2.1, A and AA; a serious or critical violation is recorded softly, so every screen of
// a journey is audited before the test fails, and the failure names the rule, the elements
// and how to fix them.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

/** Runs axe on the page as it is now; records (softly) every serious or critical violation. */
export async function audit(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => [
      `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
      ...v.nodes.map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s*\n\s*/g, ' ')}`),
    ].join('\n'));
  // Named from what the page itself sees, so the message cannot claim a mode that is not on.
  const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  expect.soft(found, `axe violations on ${screen} (${dark ? 'dark' : 'light'} mode)`).toEqual([]);
}

