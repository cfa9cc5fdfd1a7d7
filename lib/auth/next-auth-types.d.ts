// What our Auth.js user, session and token carry beyond the defaults.
import type { Role } from '@/lib/db/generated/enums';

declare module 'next-auth' {
  interface User {
    role?: Role;
  }
  interface Session {
    user: { id: string; email: string; role: Role; name?: string | null; image?: string | null };
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    role?: Role;
  }
}
