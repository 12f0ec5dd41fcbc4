// Prints why each skipped test was skipped (vitest, which runs last in `npm run check`, prints the closing count).
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'passed') this.passed++;
    else if (result.status === 'skipped') {
      const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
      this.skipped.push(`${test.titlePath().slice(1).join(' › ')}: ${reason}`);
    } else this.failed++;
  }

  onEnd(_result: FullResult): void {
    for (const line of this.skipped) process.stdout.write(`skipped — ${line}\n`);
    process.stdout.write(`playwright: ${this.passed} passed, ${this.failed} failed, ${this.skipped.length} skipped (browser and Electron tests)\n`);
  }
}
