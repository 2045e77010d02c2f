'use client';
import { signOut } from 'next-auth/react';
import { forgetDecks } from '@/components/review/offline-storage';

export async function signOutHere(callbackUrl = '/') {
  // What this device kept for offline review is forgotten; grades still waiting stay for their account.
  navigator.serviceWorker?.controller?.postMessage({ type: 'forget-pages' });
  await forgetDecks().catch(() => undefined);
  await signOut({ callbackUrl });
}

export function SignOutButton() {
  return (
    <button type="button" className="btn-secondary" onClick={() => void signOutHere()}>
      Sign out
    </button>
  );
}
