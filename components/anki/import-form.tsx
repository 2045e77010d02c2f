'use client';
// Upload an Anki deck. Files over the limit are refused here before anything is sent (and again on the server).
import { useActionState, useState } from 'react';
import Link from 'next/link';
import { importAnkiDeck, type AnkiImportState } from '@/lib/actions/anki';
import { Field } from '@/components/ui/field';

export function AnkiImportForm({ instructor, maxBytes }: { instructor: boolean; maxBytes: number }) {
  const [state, action, pending] = useActionState<AnkiImportState, FormData>(importAnkiDeck, { ok: false, errors: {} });
  const [tooBig, setTooBig] = useState<string | null>(null);
  const limitMb = Math.round(maxBytes / 1048576);
  const fileError = tooBig ?? state.errors.file;
  return (
    <form action={action} className="space-y-4" noValidate>
      <p role="status" className="text-sm text-success">
        {state.ok ? state.message : ''}
        {state.ok && state.href && (
          <>
            {' '}
            <Link href={state.href} className="link">{state.href.startsWith('/teach') ? 'Open the course’s cards' : 'Start reviewing'}</Link>
          </>
        )}
      </p>
      {!state.ok && state.message && <p role="alert" className="text-sm text-danger">{state.message}</p>}
      <Field
        label="Anki deck file"
        name="file"
        type="file"
        accept=".apkg,.csv,.tsv,.txt"
        required
        error={fileError}
        hint={`An .apkg package (Anki: File → Export, “Anki Deck Package”, tick “Support older Anki versions”) or “Notes in Plain Text” (.txt, .csv, .tsv). Up to ${limitMb} MB.`}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          setTooBig(f && f.size > maxBytes ? `The file is ${Math.ceil(f.size / 1048576)} MB; the limit is ${limitMb} MB.` : null);
        }}
      />
      {instructor ? (
        <fieldset className="space-y-2">
          <legend className="label">Import as</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="target" value="course" defaultChecked /> A new draft course that you own (decks become modules)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="target" value="my-reviews" /> My own reviews (a deck downloaded from this app, with its history)
          </label>
          {state.errors.target && <p className="field-error">{state.errors.target}</p>}
        </fieldset>
      ) : (
        <input type="hidden" name="target" value="my-reviews" />
      )}
      <button type="submit" className="btn-primary" disabled={pending || tooBig !== null}>{pending ? 'Importing…' : 'Import'}</button>
    </form>
  );
}
