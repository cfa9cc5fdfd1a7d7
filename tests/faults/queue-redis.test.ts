// DESIGN.md "Failure behaviour": with the queue Redis down or frozen, admin writes still
// commit (their jobs wait in the transactional outbox), and once the queue is back the jobs
// run, each once: nothing is lost.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { airingsOn, channelForImports, feed, outboxRow, runState, upload } from './support/imports';
import { fault, heal, sessionCookie, userId, until } from './support/stack';

const PROGRAMMES = 40;
let editor: string;

beforeAll(async () => {
  editor = await sessionCookie(await userId('editor@primetime.test'));
});
afterEach(heal);

/** Uploads a feed while the queue is broken: committed at once, its job parked in the outbox. */
async function uploadWhileQueueBroken(xmltvId: string, channelId: string): Promise<string> {
  const answer = await upload(feed(xmltvId, PROGRAMMES), editor, `${xmltvId}.xml`);
  expect(answer.status, answer.text).toBe(201);
  expect(answer.ms).toBeLessThan(5_000);
  const { id } = answer.json() as { id: string };
  // Long enough for the relay to have tried (and failed) to hand the job over.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(await outboxRow(id)).toEqual({ processed: false });
  expect((await runState(id)).status).toBe('QUEUED');
  expect(await airingsOn(channelId)).toBe(0);
  return id;
}

/** Once the queue answers again the job runs, and its effect happens once. */
async function jobRunsOnce(runId: string, channelId: string): Promise<void> {
  const state = await until('the import to succeed', async () => {
    const current = await runState(runId);
    return current.status === 'SUCCEEDED' && current;
  });
  expect(state.created).toBe(PROGRAMMES);
  expect(await airingsOn(channelId)).toBe(PROGRAMMES);
  // A hand-over that timed out while Redis was frozen can still reach Redis when it thaws
  // (ioredis had the command buffered): the job then runs before the relay's next try marks
  // the row. That try re-adds the same job id, which BullMQ ignores, so the row is marked
  // within one retry delay and the import does not run twice.
  await until('the outbox row to be marked processed', async () => (await outboxRow(runId))?.processed);
  expect((await runState(runId)).created).toBe(PROGRAMMES);
  expect(await airingsOn(channelId)).toBe(PROGRAMMES);
}

describe('queue Redis stopped', () => {
  it('an editor’s import still commits (201, job in the outbox), and runs once when the queue is back', async () => {
    const channelId = await channelForImports('faults.queue-stopped', 1);
    await fault('queueRedis', 'stop');
    const runId = await uploadWhileQueueBroken('faults.queue-stopped', channelId);
    await fault('queueRedis', 'start');
    await jobRunsOnce(runId, channelId);
  });
});

describe('queue Redis frozen (SIGSTOP)', () => {
  it('an editor’s import still commits (201, job in the outbox), and runs once after SIGCONT', async () => {
    const channelId = await channelForImports('faults.queue-frozen', 2);
    await fault('queueRedis', 'freeze');
    const runId = await uploadWhileQueueBroken('faults.queue-frozen', channelId);
    await fault('queueRedis', 'thaw');
    await jobRunsOnce(runId, channelId);
  });
});
