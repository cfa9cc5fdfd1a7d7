// What the production build under test contains, read from its own manifests: every page
// and route handler (app-paths-manifest.json) and every server action with the page it is
// posted to (server-reference-manifest.json). The probes iterate these lists, so a route or
// action added later is probed without anyone remembering to.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const distDir = process.env.NEXT_DIST_DIR ?? '.next-test';

function manifest(name: string): unknown {
  return JSON.parse(readFileSync(path.join(distDir, 'server', name), 'utf8'));
}

export interface BuiltRoute {
  /** The URL pattern: `/admin/channels/[id]`, `/guide/[date]/[[...zone]]` (route groups removed). */
  route: string;
  kind: 'page' | 'route';
}

/** Every page and route handler of the build, Next's own (`/_not-found`, `/_global-error`) left out. */
export function builtRoutes(): BuiltRoute[] {
  const keys = Object.keys(manifest('app-paths-manifest.json') as Record<string, string>);
  return keys
    .map((key) => ({
      route: key.replace(/\/(page|route)$/, '').replace(/\/\([^)]+\)/g, '') || '/',
      kind: key.endsWith('/route') ? ('route' as const) : ('page' as const),
    }))
    .filter(({ route }) => !route.startsWith('/_'));
}

export interface BuiltAction {
  id: string;
  name: string;
  /** The source file, e.g. `app/admin/channels/actions.ts`. */
  file: string;
  /** A page the action is bound to: where a browser would post it (URL pattern). */
  page: string;
}

/**
 * Every server action of the build defined under `under` (a source folder such as
 * `app/admin/`). The manifest also lists `"use cache"` functions (`$$RSC_SERVER_CACHE_n`):
 * those are not callable as actions and are left out.
 */
export function builtActions(under = 'app/'): BuiltAction[] {
  const { node } = manifest('server-reference-manifest.json') as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(node)
    .filter(([, entry]) => entry.filename?.startsWith(under) && !entry.exportedName?.startsWith('$$RSC_SERVER_CACHE'))
    .map(([id, entry]) => {
      const worker = Object.keys(entry.workers).find((name) => name.startsWith('app/') && name.endsWith('/page'));
      if (!worker) throw new Error(`server action ${entry.exportedName} (${entry.filename}) is bound to no page`);
      const page = worker.replace(/^app/, '').replace(/\/page$/, '').replace(/\/\([^)]+\)/g, '') || '/';
      return { id, name: entry.exportedName ?? id, file: entry.filename ?? '', page };
    });
}

/** A concrete URL for a route pattern: parameters get well-formed values that exist nowhere. */
export function concrete(route: string): string {
  return route
    .replace('[channelSlug]', 'no-such-channel')
    .replace('[date]', '2026-11-21')
    .replace('[kind]', 'channel')
    .replace('[...nextauth]', 'session')
    .replace(/\[\[\.\.\.\w+\]\]/g, '')
    .replace(/\[(\.{3})?(\w+)\]/g, '00000000-0000-4000-8000-000000000000')
    .replace(/\/$/, '') || '/';
}
