import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  rule: string;
  impact: string | null;
  help: string;
  /** The elements, as CSS selectors, each with axe's summary of what is wrong. */
  nodes: string[];
}

/**
 * The accessibility violations axe-core finds on the page as it is now, with axe's default rules (every
 * WCAG A/AA rule and best practice it enables by default). axe-core runs in the page itself: injected
 * once per document, then `axe.run(document)`. (@axe-core/playwright did the same work, but re-injected
 * its 650 KB source twice per call and finished each run in a new blank page: 5–18 s a call on the
 * 2-core machine against 1–3 s here. The harness window has no frames, which is all it added.)
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe;
    return axe.run(document);
  });
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? null,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
  }));
}
