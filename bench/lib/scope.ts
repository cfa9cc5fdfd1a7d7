// Cleanup stack for one scenario (or the whole run): what was started is stopped in
// reverse order, even when a later step threw.
export class Scope {
  private readonly cleanups: (() => Promise<void> | void)[] = [];

  defer(cleanup: () => Promise<void> | void): void {
    this.cleanups.push(cleanup);
  }

  async close(): Promise<void> {
    const errors: unknown[] = [];
    while (this.cleanups.length > 0) {
      const cleanup = this.cleanups.pop();
      try {
        await cleanup?.();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'cleanup failed');
  }
}
