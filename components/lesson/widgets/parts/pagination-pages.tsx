'use client';
/**
 * The page visualiser: each page of a production read as the server reports
 * it (one progress notification per page), drawn as a bar against the
 * largest page the API allows (200).
 */
import { pagesOf } from '@/lib/lessons/widgets/progress-message';

const MAX_PAGE_SIZE = 200;

export function PaginationPages({ id, title, messages, pending }: { id: string; title: string; messages: string[]; pending: boolean }) {
  const pages = pagesOf(messages, 'tasks');
  const items = pages.reduce((sum, page) => sum + page.items, 0);
  return (
    <section aria-labelledby={`pages-${id}-heading`} data-testid={`page-list-${id}`} data-pages={pages.length} className="min-w-0">
      <h4 id={`pages-${id}-heading`} className="font-semibold">
        {title}
        {pages.length > 0 && (
          <span className="font-normal text-muted">
            {' '}
            — {pages.length} page{pages.length === 1 ? '' : 's'}, {items} tasks{pending ? ' so far' : ''}
          </span>
        )}
      </h4>
      {pages.length === 0 ? (
        <p className="mt-1 text-muted">{pending ? 'Waiting for the first page…' : 'Run the production cell of this row to see its pages.'}</p>
      ) : (
        // One grid for all rows (each row a subgrid), so equal pages get equal bars.
        <ol className="mt-2 grid grid-cols-[auto_minmax(3rem,1fr)_auto_auto_auto] gap-x-3 gap-y-1 font-mono text-sm">
          {pages.map((page) => (
            <li
              key={page.page}
              data-testid="page-row"
              data-page={page.page}
              data-items={page.items}
              className="col-span-full grid grid-cols-subgrid items-center"
            >
              <span className="font-semibold">page {page.page}</span>
              <span aria-hidden className="h-3 rounded-sm bg-border">
                <span className="block h-3 rounded-sm bg-accent" style={{ width: `${Math.min(100, (page.items / MAX_PAGE_SIZE) * 100)}%` }} />
              </span>
              <span className="text-right">{page.items} items</span>
              <span className="text-right">{page.ms} ms</span>
              <span>
                {page.cursorPrefix ? `cursor ${page.cursorPrefix}…` : 'no cursor (first)'}
                {page.more ? '' : ' · last'}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
