'use client';
/** The site's sections; the current one is marked for sight and for screen readers (aria-current). */
import Link from 'next/link';
import { usePathname } from 'next/navigation';

// The playground and settings load the MCP SDK and zod on open: prefetched from every page, those scripts would be
// downloaded and parsed while the learner reads a lesson. They load when clicked instead.
const LINKS = [
  { href: '/', label: 'Lessons', matches: (path: string) => path === '/' || path.startsWith('/lessons') },
  { href: '/playground', label: 'Playground', matches: (path: string) => path.startsWith('/playground'), prefetch: false },
  { href: '/settings', label: 'Settings', matches: (path: string) => path.startsWith('/settings'), prefetch: false },
  { href: '/join', label: 'Workshop', matches: (path: string) => path.startsWith('/join') || path.startsWith('/present'), prefetch: false },
];

export function MainNav() {
  const pathname = usePathname() ?? '/';
  return (
    <nav aria-label="Main">
      <ul className="-ml-3 flex items-center gap-1 sm:ml-0">
        {LINKS.map(({ href, label, matches, prefetch }) => {
          const current = matches(pathname);
          return (
            <li key={href}>
              <Link
                href={href}
                prefetch={prefetch}
                aria-current={current ? 'page' : undefined}
                className="rounded-md px-3 py-1.5 text-muted hover:bg-surface hover:text-foreground aria-[current=page]:font-semibold aria-[current=page]:text-foreground"
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
