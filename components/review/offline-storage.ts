// The browser's copy of today's reviews and of the grades waiting to be sent, in IndexedDB (survives reloads,
// closed tabs and signing in again). Decks are kept per user; grades carry their user id (lib/offline/queue.ts).
import type { OfflineDeck } from '@/lib/offline/deck';
import type { QueuedGrade } from '@/lib/offline/queue';

const DB_NAME = 'course-review-offline';
const DECKS = 'decks';
const GRADES = 'grades';

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(DECKS, { keyPath: 'userId' });
      req.result.createObjectStore(GRADES, { keyPath: 'clientId' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = null;
      reject(req.error ?? new Error('IndexedDB is not available'));
    };
  });
  return opening;
}

async function run<T>(store: string, mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const req = work(tx.objectStore(store));
    tx.oncomplete = () => resolve(req ? req.result : undefined);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
  });
}

export function offlineStorageAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

export async function readDeck(userId: string): Promise<OfflineDeck | null> {
  return ((await run<OfflineDeck | undefined>(DECKS, 'readonly', (s) => s.get(userId) as IDBRequest<OfflineDeck | undefined>)) ?? null);
}

export async function writeDeck(deck: OfflineDeck): Promise<void> {
  await run(DECKS, 'readwrite', (s) => void s.put(deck));
}

/** Every waiting grade on this device, whoever made it. */
export async function readGrades(): Promise<QueuedGrade[]> {
  return ((await run<QueuedGrade[]>(GRADES, 'readonly', (s) => s.getAll() as IDBRequest<QueuedGrade[]>)) ?? []);
}

export async function writeGrade(grade: QueuedGrade): Promise<void> {
  await run(GRADES, 'readwrite', (s) => void s.put(grade));
}

export async function deleteGrades(clientIds: readonly string[]): Promise<void> {
  if (clientIds.length === 0) return;
  await run(GRADES, 'readwrite', (s) => {
    for (const id of clientIds) s.delete(id);
  });
}

/** On sign-out: the copies of reviews go (they show card text); waiting grades stay until their account is back. */
export async function forgetDecks(): Promise<void> {
  if (!offlineStorageAvailable()) return;
  await run(DECKS, 'readwrite', (s) => void s.clear());
}
