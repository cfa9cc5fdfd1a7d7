// Auth.js's own endpoints: session, csrf, providers, signin/signout, callback/credentials.
import { handlers } from '@/lib/auth/next-auth';

export const { GET, POST } = handlers;
