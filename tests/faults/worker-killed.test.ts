// DESIGN.md "Failure behaviour": a worker killed mid-job (SIGKILL, no chance to clean up)
// leaves a job that runs again, and its effect happens once.
import { afterEach, describe, expect, it } from 'vitest';
import { airingsOn, channelForImports, feed, runState, upload } from './support/imports';
import { fault, heal, sessionCookie, until, userId } from './support/stack';

// Three batches of 200: the import is still running when the first one has committed (the
// import runs at a few dozen programmes a second on the shared test machine).
const PROGRAMMES = 600;

afterEach(heal);

describe('worker killed mid-job', () => {
  it('SIGKILL during an XMLTV import: the job runs again on a new worker and every programme is imported once', { timeout: 180_000 }, async () => {
    const channelId = await channelForImports('faults.worker-killed', 3);
    const editor = await sessionCookie(await userId('editor@primetime.test'));
    const answer = await upload(feed('faults.worker-killed', PROGRAMMES), editor, 'worker-killed.xml');
    expect(answer.status, answer.text).toBe(201);
    const { id } = answer.json() as { id: string };

    // Some batches committed, not all: the job is in the middle.
    await until('the first committed batches', async () => (await airingsOn(channelId)) > 0, 60_000, 50);
    await fault('worker', 'kill');
    const killedAt = await runState(id);
    expect(killedAt.status, 'the import finished before the worker was killed: make the feed larger').toBe('RUNNING');
    const partial = await airingsOn(channelId);
    expect(partial).toBeLessThan(PROGRAMMES);

    // A new worker; BullMQ hands it the dead worker's job once its lock (WORKER_LOCK_MS) lapses.
    await fault('worker', 'start');
    const done = await until('the import to succeed on the new worker', async () => {
      const state = await runState(id);
      return state.status === 'SUCCEEDED' && state;
    }, 120_000);
    expect(done.created).toBe(PROGRAMMES);
    expect(await airingsOn(channelId)).toBe(PROGRAMMES);
  });
});
