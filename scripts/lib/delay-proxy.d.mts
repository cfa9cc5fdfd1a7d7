export type ProxyMode = { kind: 'pass' } | { kind: 'delay'; ms: number } | { kind: 'blackhole' };

export interface DelayProxy {
  port: number;
  setMode(mode: ProxyMode): void;
  mode(): ProxyMode;
  close(): Promise<void>;
}

export declare function startDelayProxy(target: { host: string; port: number }): Promise<DelayProxy>;
