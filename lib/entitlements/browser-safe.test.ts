// The lock badges run decide() and explain() in the browser. A server-only import anywhere
// under lib/entitlements/browser.ts would break the client bundle (or, worse, drag database
// code towards it), so this walks every import reachable from that entry point.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIRECTORY = path.dirname(new URL(import.meta.url).pathname);
const ENTRY = path.join(DIRECTORY, 'browser.ts');

/** Value imports and re-exports of a module (type-only ones are erased at build). */
function valueImports(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) {
    if (!match[2]) specifiers.push(match[3]!);
  }
  return specifiers;
}

/** Every problem found walking from `entry`: imports that are not relative modules of this folder. */
function browserProblems(entry: string, read: (file: string) => string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of valueImports(read(file))) {
      if (!specifier.startsWith('./')) {
        problems.push(`${path.basename(file)} imports ${specifier}`);
        continue;
      }
      visit(path.join(path.dirname(file), `${specifier}.ts`));
    }
  };
  visit(entry);
  return problems;
}

describe('lib/entitlements/browser.ts bundles for the browser', () => {
  it('reaches only modules of this folder that import nothing server-side', () => {
    expect(browserProblems(ENTRY, (file) => readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('covers decide, explain, the badge and the compact rights', () => {
    const reached = valueImports(readFileSync(ENTRY, 'utf8'));
    expect(reached).toEqual(expect.arrayContaining(['./decide', './explain', './badge', './compact', './guide-rights']));
  });

  it('would catch a server-only import, directly or two modules away', () => {
    const files: Record<string, string> = {
      '/x/browser.ts': "export { decide } from './decide';\nimport type { Rights } from '@/lib/db/client';",
      '/x/decide.ts': "import { helper } from './helper';",
      '/x/helper.ts': "import 'server-only';\nimport { db } from '@/lib/db/client';",
    };
    expect(browserProblems('/x/browser.ts', (file) => files[file]!)).toEqual(['helper.ts imports server-only', 'helper.ts imports @/lib/db/client']);
  });
});
