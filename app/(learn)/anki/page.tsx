import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { ankiPageData } from '@/lib/data/anki';
import { MAX_IMPORT_BYTES } from '@/lib/interop/anki/read';
import { AnkiImportForm } from '@/components/anki/import-form';

export const metadata: Metadata = { title: 'Anki' };

export default async function AnkiPage() {
  const user = await requireUser('/anki');
  const { cards, reviews } = await ankiPageData(user.id);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Anki</h1>
      <section className="card space-y-3" aria-labelledby="anki-download">
        <h2 id="anki-download" className="text-lg font-semibold">Download for Anki</h2>
        <p className="text-sm">
          Your {cards} card{cards === 1 ? '' : 's'} with their schedule (FSRS stability, difficulty, due dates) and your{' '}
          {reviews} review{reviews === 1 ? '' : 's'}, as an Anki package: one deck per module under each course’s deck. In Anki,
          choose File → Import; turn on FSRS in the deck options so Anki continues where you left off.
        </p>
        <a href="/anki/download" className="btn-primary inline-block" download>Download for Anki (.apkg)</a>
      </section>
      <section className="card space-y-3" aria-labelledby="anki-import">
        <h2 id="anki-import" className="text-lg font-semibold">Import from Anki</h2>
        <p className="text-sm">
          {user.role === 'instructor'
            ? 'Turn an Anki deck into a new course: decks become modules, Basic and Cloze notes become cards. Or bring a deck into your own reviews: cards of courses here rejoin your schedule, any other notes become your private deck.'
            : 'Bring your Anki deck into your reviews: cards downloaded from this app rejoin their course, any other notes become your private deck (only you see it). Your Anki review history is replayed so intervals carry over.'}
        </p>
        <AnkiImportForm instructor={user.role === 'instructor'} maxBytes={MAX_IMPORT_BYTES} />
      </section>
    </div>
  );
}
