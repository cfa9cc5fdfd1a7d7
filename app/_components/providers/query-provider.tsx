'use client';
// One react-query client per browser tab (and per server render), shared by every client
// component below it. Server components prefetch into their own QueryClient and hand the
// result over with <HydrationBoundary state={dehydrate(client)}>, so the browser starts
// with the data instead of fetching it again.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // Shared data is cached at the edge for minutes; refetching sooner buys nothing.
          queries: { staleTime: 5 * 60_000, refetchOnWindowFocus: false, retry: 1 },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
