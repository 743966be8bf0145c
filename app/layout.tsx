import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import './globals.css';

export const metadata: Metadata = {
  title: 'MCP Dojo',
  description: 'Learn how an MCP integration with Todoist goes from mock data to the real Todoist API.',
};

export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <header className="border-b border-border">
          <div className="mx-auto flex max-w-3xl items-center justify-between px-6 py-4">
            <Link href="/" className="text-lg font-semibold tracking-tight">
              <span className="text-accent">MCP</span> Dojo
            </Link>
            <nav aria-label="Main" className="flex items-center gap-5">
              <Link href="/" className="text-sm text-muted hover:text-foreground">
                Home
              </Link>
              <Link href="/playground" className="text-sm text-muted hover:text-foreground">
                Playground
              </Link>
            </nav>
          </div>
        </header>
        <main className="mx-auto max-w-3xl px-6 py-10">
          <Providers>{children}</Providers>
        </main>
      </body>
    </html>
  );
}
