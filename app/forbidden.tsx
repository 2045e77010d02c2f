import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md space-y-3 text-center">
      <h1 className="text-2xl font-bold">You don’t have access to this page</h1>
      <p className="text-muted">This page is for instructors. If you think you should have access, ask your instructor.</p>
      <Link className="btn-secondary" href="/home">Back to home</Link>
    </div>
  );
}
