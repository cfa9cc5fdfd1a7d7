// The in-process window store: the fallback while Redis is unreachable, so rate limits
// keep holding (per instance) instead of failing open. Bounded so a flood of distinct
// keys cannot grow memory without limit: the oldest window is dropped first.
import type { WindowState, WindowStore } from './fixed-window';

interface Window {
  count: number;
  endsAt: number;
}

export class MemoryWindowStore implements WindowStore {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly maxKeys = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(key: string, windowMs: number): Promise<WindowState> {
    const now = this.now();
    let window = this.live(key, now);
    if (!window) {
      window = { count: 0, endsAt: now + windowMs };
      this.windows.delete(key); // re-insert at the end: Map order is our eviction order
      this.windows.set(key, window);
      this.evictOverflow();
    }
    window.count += 1;
    return { count: window.count, resetInMs: window.endsAt - now };
  }

  async giveBack(key: string): Promise<void> {
    const window = this.live(key, this.now());
    if (!window) return;
    window.count -= 1;
    if (window.count <= 0) this.windows.delete(key);
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  async peek(key: string): Promise<WindowState> {
    const now = this.now();
    const window = this.live(key, now);
    return window ? { count: window.count, resetInMs: window.endsAt - now } : { count: 0, resetInMs: 0 };
  }

  private live(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.endsAt <= now) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private evictOverflow(): void {
    while (this.windows.size > this.maxKeys) {
      const oldest = this.windows.keys().next();
      if (oldest.done) return;
      this.windows.delete(oldest.value);
    }
  }
}
