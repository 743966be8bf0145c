import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { HydrationMarker } from '@/components/site/hydration-marker';
import { SiteHeader } from '@/components/site/site-header';
import { THEME_SCRIPT } from '@/components/site/theme';
import { RoomBar } from '@/components/workshop/room-bar';
import './globals.css';

export const metadata: Metadata = {
  title: 'MCP Dojo',
  description: 'Learn how an MCP integration with Todoist goes from mock data to the real Todoist API.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0a0a0a' },
  ],
};

export default async function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  // This page view's CSP nonce (proxy.ts): without it the browser refuses the inline theme script.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The theme script adds a class to <html> before React hydrates: expected, not a mismatch.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Applies the saved theme before the first paint, so a dark-mode reader never sees a white flash. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-background focus:px-4 focus:py-2 focus:shadow-lg"
        >
          Skip to content
        </a>
        <SiteHeader />
        {/* A learner seated in a workshop room sees it on every page; anyone else, nothing. */}
        <RoomBar />
        {/* Each page sets its own width: reading pages a column, the playground and lessons the full screen. */}
        <main id="main" className="pb-16">
          <Providers>{children}</Providers>
        </main>
        <HydrationMarker />
      </body>
    </html>
  );
}
