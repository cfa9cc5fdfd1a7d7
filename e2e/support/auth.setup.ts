// Setup projects (`setup:<role>` in playwright.config.ts): each signs its role in once
// through Auth.js's credentials endpoint and saves the cookies as the role's storageState,
// which every spec of that role's project starts from.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test as setup } from '@playwright/test';
import { ROLE_LOGIN, ROLES, storageStateOf, type SignedInRole } from './roles';
import { signedInClient } from './sessions';

for (const role of ROLES.filter((name): name is SignedInRole => name !== 'anonymous')) {
  setup(`sign in as ${role}`, async ({ baseURL }) => {
    const login = ROLE_LOGIN[role];
    const client = await signedInClient(baseURL!, login);
    try {
      // The session the server sees is the seeded account's, with its role.
      const session = (await (await client.get('/api/auth/session')).json()) as { user?: { email?: string } } | null;
      expect(session?.user?.email).toBe(login.email);
      const file = storageStateOf(role);
      mkdirSync(dirname(file), { recursive: true });
      // Written aside and renamed: with --repeat-each two runs of this setup may overlap,
      // and a role's specs must never read a half-written file.
      const aside = `${file}.${process.pid}.${setup.info().repeatEachIndex}`;
      writeFileSync(aside, JSON.stringify(await client.storageState()));
      renameSync(aside, file);
    } finally {
      await client.dispose();
    }
  });
}
