// The roles the browser suite runs as: one Playwright project each (playwright.config.ts).
// Every role but `anonymous` signs in once per run in its setup project (auth.setup.ts) and
// its specs start from the saved storageState: no spec spends a sign-in on its own.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED_LOGINS } from './sessions';

export const ROLES = ['anonymous', 'viewer', 'subscriber', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type SignedInRole = Exclude<Role, 'anonymous'>;

/** Roles whose specs change shared data (channels, schedules, rights): they run after the readers. */
export const WRITERS: readonly Role[] = ['editor', 'admin'];

/** The seeded account each signed-in role uses (prisma/seed, --size=test). */
export const ROLE_LOGIN: Record<SignedInRole, { email: string; password: string }> = {
  viewer: SEED_LOGINS.viewer, // viewer3: FR, no packages
  subscriber: { email: 'viewer1@primetime.test', password: 'primetime-viewer' }, // GB, Basic + Sports + Cinema
  editor: SEED_LOGINS.editor,
  admin: SEED_LOGINS.admin,
};

const AUTH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '.auth');

/** Where a role's signed-in browser state is saved (gitignored). */
export function storageStateOf(role: SignedInRole): string {
  return join(AUTH_DIR, `${role}.json`);
}
