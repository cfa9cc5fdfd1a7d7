// The request context the decision needs, from a request's headers: the trustworthy client
// address (client-address.ts), then its country and network (lookup.ts).
import type { RequestContext } from '@/lib/entitlements/types';
import { clientAddressFrom, type HeaderReader } from './client-address';
import { lookupPlace } from './lookup';

export interface ResolvedRequest extends RequestContext {
  /** null: could not be known. */
  address: string | null;
}

export function requestContextFrom(headers: HeaderReader): ResolvedRequest {
  const address = clientAddressFrom(headers);
  return { address, ...lookupPlace(address) };
}
