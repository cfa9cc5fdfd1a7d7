import { describe, expect, it } from 'vitest';
import { DecisionLog, type DecisionRow } from './decision-log';

const row = (targetId: string): DecisionRow => ({ userId: null, targetType: 'channel', targetId, allowed: true, reasons: [], country: null, asn: null });
const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DecisionLog', () => {
  it('returns before the write and stores a lone decision at once', async () => {
    const written: string[][] = [];
    let release: () => void = () => undefined;
    const log = new DecisionLog({ write: (rows) => ((written.push(rows.map((r) => r.targetId)), new Promise<void>((resolve) => (release = resolve)))) });
    expect(log.record(row('a'))).toBeUndefined();
    expect(written).toEqual([['a']]);
    let flushed = false;
    const flush = log.flush().then(() => (flushed = true));
    await tick();
    expect(flushed).toBe(false);
    release();
    await flush;
    expect(flushed).toBe(true);
  });

  it('groups decisions that arrive during a write into the next batch', async () => {
    const written: string[][] = [];
    let release: () => void = () => undefined;
    const log = new DecisionLog({
      maxBatch: 3,
      write: (rows) => {
        written.push(rows.map((r) => r.targetId));
        return written.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
    });
    for (const id of ['a', 'b', 'c', 'd', 'e']) log.record(row(id));
    await tick();
    expect(written).toEqual([['a']]);
    release();
    await log.flush();
    expect(written).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
  });

  it('retries a failed batch, then gives it up and reports it, and keeps working', async () => {
    let failures = 3;
    const written: string[][] = [];
    const dropped: Array<{ ids: string[]; why: string }> = [];
    const log = new DecisionLog({
      retryDelaysMs: [1, 1],
      onDropped: (rows, why) => dropped.push({ ids: rows.map((r) => r.targetId), why }),
      write: async (rows) => {
        if (failures-- > 0) throw new Error('pool timeout');
        written.push(rows.map((r) => r.targetId));
      },
    });
    log.record(row('a'));
    await log.flush();
    expect(dropped).toEqual([{ ids: ['a'], why: 'pool timeout' }]);
    log.record(row('b'));
    await log.flush();
    expect(written).toEqual([['b']]);
  });

  it('stores a batch that fails once on its retry', async () => {
    let failures = 1;
    const written: string[][] = [];
    const log = new DecisionLog({ retryDelaysMs: [1], write: async (rows) => { if (failures-- > 0) throw new Error('connection reset'); written.push(rows.map((r) => r.targetId)); } });
    log.record(row('a'));
    await log.flush();
    expect(written).toEqual([['a']]);
  });

  it('drops new decisions beyond maxQueued instead of growing without bound', async () => {
    let release: () => void = () => undefined;
    const dropped: string[] = [];
    const log = new DecisionLog({ maxQueued: 2, onDropped: (rows) => dropped.push(...rows.map((r) => r.targetId)), write: () => new Promise<void>((resolve) => (release = resolve)) });
    for (const id of ['a', 'b', 'c', 'd']) log.record(row(id)); // 'a' is in flight; 'b', 'c' wait
    expect(dropped).toEqual(['d']);
    release();
    await tick();
    release();
    await log.flush();
  });
});

describe('DecisionLog with several batches in flight', () => {
  it('starts a second write while the first is slow', async () => {
    const started: string[][] = [];
    const releases: Array<() => void> = [];
    const log = new DecisionLog({
      maxInFlight: 2,
      write: (rows) => {
        started.push(rows.map((r) => r.targetId));
        return new Promise<void>((resolve) => releases.push(resolve));
      },
    });
    for (const id of ['a', 'b', 'c']) log.record(row(id));
    await tick();
    expect(started).toEqual([['a'], ['b']]);
    releases[1]!();
    await tick();
    expect(started).toEqual([['a'], ['b'], ['c']]);
    releases[0]!();
    releases[2]!();
    await log.flush();
  });
});
