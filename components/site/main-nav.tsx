'use client';
/** The site's sections; the current one is marked for sight and for screen readers (aria-current). */
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Lessons', matches: (path: string) => path === '/' || path.startsWith('/lessons') },
  { href: '/playground', label: 'Playground', matches: (path: string) => path.startsWith('/playground') },
  { href: '/settings', label: 'Settings', matches: (path: string) => path.startsWith('/settings') },
];

export function MainNav() {
  const pathname = usePathname() ?? '/';
  return (
    <nav aria-label="Main">
      <ul className="-ml-3 flex items-center gap-1 sm:ml-0">
        {LINKS.map(({ href, label, matches }) => {
          const current = matches(pathname);
          return (
            <li key={href}>
              <Link
                href={href}
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
