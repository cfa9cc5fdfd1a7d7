// Small HTTP helpers: readiness polling and the one pre-flight fetch per target.
import type { ManagedProcess } from './processes';
import { tail } from './processes';

export interface Fetched {
  status: number;
  body: Buffer;
  contentType: string;
}

export async function fetchOnce(url: string, init: RequestInit = {}, timeoutMs = 30_000): Promise<Fetched> {
  const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, body, contentType: response.headers.get('content-type') ?? '' };
}

/**
 * Polls until the URL answers with any HTTP status. Fails early, with the server's
 * own output, if the process dies first, so a crash never looks like a slow start.
 */
export async function waitForHttp(url: string, proc: ManagedProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | string | undefined;
  void proc.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`${proc.name} exited (${exitCode}) before answering ${url}:\n${tail(proc.output(), 30)}`);
    }
    try {
      await fetchOnce(url, {}, 2_000);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs / 1000} s:\n${tail(proc.output(), 30)}`);
}
