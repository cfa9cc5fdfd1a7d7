import { describe, expect, it } from 'vitest';
import { DecisionLog, type DecisionRow } from './decision-log';

const row = (targetId: string): DecisionRow => ({ userId: null, targetType: 'channel', targetId, allowed: true, reasons: [], country: null, asn: null });

describe('DecisionLog', () => {
  it('writes a lone decision at once and resolves after the write', async () => {
    const written: string[][] = [];
    const log = new DecisionLog({ write: async (rows) => void written.push(rows.map((r) => r.targetId)) });
    await log.record(row('a'));
    expect(written).toEqual([['a']]);
  });

  it('groups decisions that arrive during a write into the next batch, each waiting for its own commit', async () => {
    const written: string[][] = [];
    let release: () => void = () => undefined;
    const log = new DecisionLog({
      maxBatch: 3,
      write: (rows) => {
        written.push(rows.map((r) => r.targetId));
        return written.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
    });
    const settled: string[] = [];
    const first = log.record(row('a')).then(() => settled.push('a'));
    const rest = ['b', 'c', 'd', 'e'].map((id) => log.record(row(id)).then(() => settled.push(id)));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(written).toEqual([['a']]);
    expect(settled).toEqual([]);
    release();
    await Promise.all([first, ...rest]);
    expect(written).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
    expect(settled.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('fails every request of a failed batch, and keeps working afterwards', async () => {
    let fail = true;
    const log = new DecisionLog({ write: async () => { if (fail) throw new Error('pool timeout'); } });
    await expect(log.record(row('a'))).rejects.toThrow('pool timeout');
    fail = false;
    await expect(log.record(row('b'))).resolves.toBeUndefined();
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
    const a = log.record(row('a'));
    const b = log.record(row('b'));
    const c = log.record(row('c'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(started).toEqual([['a'], ['b']]);
    releases[1]!();
    await b;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(started).toEqual([['a'], ['b'], ['c']]);
    releases[0]!();
    releases[2]!();
    await Promise.all([a, c]);
  });
});
