// What the results were measured on, so two result files can be compared honestly.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { toolVersions } from './tools';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  platform: string;
  node: string;
  gitCommit: string;
  gitDirty: boolean;
  tools: Record<string, string>;
}

function git(root: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export function machineInfo(root: string): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    gitCommit: git(root, ['rev-parse', 'HEAD']) || 'unknown',
    gitDirty: git(root, ['status', '--porcelain', '--untracked-files=no']) !== '',
    tools: toolVersions(),
  };
}
