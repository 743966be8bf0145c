import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-4 text-muted">This page does not exist — or its lesson is not out yet.</p>
      <Link href="/" className="mt-6 inline-block text-accent underline underline-offset-4">
        Back to the lessons
      </Link>
    </div>
  );
}
