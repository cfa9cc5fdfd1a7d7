// The request context the decision needs, from a request's headers: the trustworthy client
// address (client-address.ts), then its country and network (lookup.ts).
import type { RequestContext } from '@/lib/entitlements/types';
import { clientAddressFrom } from './client-address';
import { lookupPlace } from './lookup';

export interface ResolvedRequest extends RequestContext {
  /** null: could not be known. */
  address: string | null;
}

export function requestContextFrom(headers: Headers): ResolvedRequest {
  const address = clientAddressFrom(headers);
  return { address, ...lookupPlace(address) };
}
