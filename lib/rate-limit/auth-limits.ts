// Sign-in and sign-up rate limits: per account (normalised email) and per client address.
//
// Keys never hold an email in clear (the address already identifies a client; an email is
// personal data and Redis is not the place for it): accounts are keyed by a SHA-256 of
// the normalised email. The client address comes from lib/geo/client-address.ts, which
// honours X-Forwarded-For only from trusted proxies, so a forged header cannot pick a
// fresh counter. An unknown address shares one counter: it is never a way around it.
import { createHash } from 'node:crypto';
import type { WindowPolicy, WindowStore } from './fixed-window';

export const SIGN_IN_PER_ACCOUNT: WindowPolicy = { limit: 5, windowMs: 15 * 60_000 };
export const SIGN_IN_PER_ADDRESS: WindowPolicy = { limit: 20, windowMs: 15 * 60_000 };
/** Generous enough for a shared address (an office, a campus NAT), tight enough for scripts. */
export const SIGN_UP_PER_ADDRESS: WindowPolicy = { limit: 20, windowMs: 60 * 60_000 };

export type Admission = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface AuthLimitsOptions {
  store: WindowStore;
  /** Key prefix: `rate:` in the app, something of their own in tests. */
  prefix: string;
  signInPerAccount?: WindowPolicy;
  signInPerAddress?: WindowPolicy;
  signUpPerAddress?: WindowPolicy;
}

export class AuthLimits {
  private readonly perAccount: WindowPolicy;
  private readonly perAddress: WindowPolicy;
  private readonly signUps: WindowPolicy;

  constructor(private readonly options: AuthLimitsOptions) {
    this.perAccount = options.signInPerAccount ?? SIGN_IN_PER_ACCOUNT;
    this.perAddress = options.signInPerAddress ?? SIGN_IN_PER_ADDRESS;
    this.signUps = options.signUpPerAddress ?? SIGN_UP_PER_ADDRESS;
  }

  /**
   * Counts a sign-in attempt against the account and the address, before the password is
   * checked. Refused when either is over its limit. Call `signInSucceeded` after a good
   * password so that only failures keep counting.
   */
  async admitSignIn(email: string, address: string | null): Promise<Admission> {
    const { store } = this.options;
    const [account, client] = await Promise.all([
      store.hit(this.accountKey(email), this.perAccount.windowMs),
      store.hit(this.addressKey('signin', address), this.perAddress.windowMs),
    ]);
    const waits = [
      account.count > this.perAccount.limit ? account.resetInMs : 0,
      client.count > this.perAddress.limit ? client.resetInMs : 0,
    ];
    const retryAfterMs = Math.max(...waits);
    return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true };
  }

  /**
   * A correct password clears the account's failures and gives the address its slot back.
   * The address counter is not cleared: signing in to one's own account between guesses
   * at others must not reset the guessing budget.
   */
  async signInSucceeded(email: string, address: string | null): Promise<void> {
    const { store } = this.options;
    await Promise.all([store.reset(this.accountKey(email)), store.giveBack(this.addressKey('signin', address))]);
  }

  /** Counts an account creation from an address; refused over the hourly limit. */
  async admitSignUp(address: string | null): Promise<Admission> {
    const state = await this.options.store.hit(this.addressKey('signup', address), this.signUps.windowMs);
    return state.count > this.signUps.limit ? { allowed: false, retryAfterMs: state.resetInMs } : { allowed: true };
  }

  private accountKey(email: string): string {
    const digest = createHash('sha256').update(email).digest('hex').slice(0, 32);
    return `${this.options.prefix}signin:account:${digest}`;
  }

  private addressKey(action: 'signin' | 'signup', address: string | null): string {
    return `${this.options.prefix}${action}:address:${address ?? 'unknown'}`;
  }
}

/** "Too many attempts; try again in 12 minutes." */
export function tooManyAttemptsMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many attempts; try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}
