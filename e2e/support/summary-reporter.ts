// One line per project at the end of a run, e.g. `editor: 12 passed, 0 failed, 0 flaky (41 s)`,
// so a QA engineer sees at a glance which role's suite broke. A test counts once, by its
// final outcome (with --repeat-each, each repetition is a test).
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

interface Tally {
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
  started: number;
  ended: number;
}

export default class SummaryReporter implements Reporter {
  private readonly projects = new Map<string, Tally>();

  onTestBegin(test: TestCase, result: TestResult): void {
    const tally = this.tally(test);
    const at = result.startTime.getTime();
    if (!tally.started || at < tally.started) tally.started = at;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const tally = this.tally(test);
    tally.ended = Math.max(tally.ended, result.startTime.getTime() + result.duration);
    // Only the last attempt decides (a retry may follow this one).
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    const outcome = test.outcome();
    if (outcome === 'expected') tally.passed += 1;
    else if (outcome === 'flaky') tally.flaky += 1;
    else if (outcome === 'skipped') tally.skipped += 1;
    else tally.failed += 1;
  }

  onEnd(result: FullResult): void {
    if (this.projects.size === 0) return;
    const lines = [...this.projects].map(([name, t]) => {
      const seconds = Math.round((t.ended - t.started) / 1000);
      return `${name}: ${t.passed} passed, ${t.failed} failed, ${t.flaky} flaky${t.skipped ? `, ${t.skipped} skipped` : ''} (${seconds} s)`;
    });
    console.log(`\nBy project (${result.status}):\n  ${lines.join('\n  ')}`);
  }

  printsToStdio(): boolean {
    return true;
  }

  private tally(test: TestCase): Tally {
    const name = test.parent.project()?.name ?? '(no project)';
    let tally = this.projects.get(name);
    if (!tally) this.projects.set(name, (tally = { passed: 0, failed: 0, flaky: 0, skipped: 0, started: 0, ended: 0 }));
    return tally;
  }
}
