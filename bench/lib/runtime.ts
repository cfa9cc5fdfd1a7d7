// The Node binary the bench runs its servers with (the app, the per-user service and the
// Node anchors alike, so a ratio compares like with like). BENCH_NODE points at another
// binary, e.g. Node 24 (the runtime README recommends for production); unset: this process's.
export function serverNode(): string {
  return process.env.BENCH_NODE || process.execPath;
}
