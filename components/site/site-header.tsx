/** The header on every page: brand, sections, shortcuts, theme. */
import Link from 'next/link';
import { KeyboardShortcuts } from '@/components/keyboard/keyboard-shortcuts';
import { MainNav } from './main-nav';
import { ThemeToggle } from './theme-toggle';

export function SiteHeader() {
  return (
    <header className="border-b border-border bg-background/90 backdrop-blur supports-[backdrop-filter]:bg-background/75">
      <div className="mx-auto flex max-w-[110rem] flex-wrap items-center gap-x-6 gap-y-2 px-6 py-3">
        <Link href="/" className="flex items-center gap-2.5 text-lg font-bold tracking-tight">
          <svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28" className="shrink-0">
            <rect width="32" height="32" rx="8" className="fill-accent" />
            <path d="M9 16.5l4.5 4.5L23 11.5" fill="none" stroke="white" strokeWidth="3.2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span>
            <span className="text-accent">MCP</span> Dojo
          </span>
        </Link>
        {/* Phones: brand and theme on the first row, the sections below. */}
        <div className="order-last w-full sm:order-none sm:w-auto">
          <MainNav />
        </div>
        <div className="ml-auto flex items-center gap-2">
          <KeyboardShortcuts />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
