'use client';
/**
 * Client-side providers for the whole app. Lives in its own 'use client'
 * module so the root layout can stay a server component.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { parseWithoutEvalInBrowser } from '@/lib/security/browser-zod';

// Before any zod schema parses in the browser: no eval under the pages' CSP.
parseWithoutEvalInBrowser();

export function Providers({ children }: { children: ReactNode }) {
  // One QueryClient per browser tab; created in state so re-renders keep it.
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // MCP calls are not idempotent HTTP GETs: retrying them silently would hide what the protocol did.
          queries: { retry: false, refetchOnWindowFocus: false },
          mutations: { retry: false },
        },
      }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
