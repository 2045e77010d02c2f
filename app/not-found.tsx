import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md space-y-3 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-muted">The page you were looking for doesn’t exist or was removed.</p>
      <Link className="btn-secondary" href="/">Go to the start</Link>
    </div>
  );
}
