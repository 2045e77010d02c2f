'use client';
// Authoring forms: create a course, its details, uploads (per-file errors), hand-written cards, publish.
import { useActionState, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import {
  addInstructorCardAction,
  addPrivateCardAction,
  createCourseAction,
  publishAction,
  updateCourseAction,
  uploadDocumentsAction,
  type CourseFormState,
} from '@/lib/actions/courses';
import { Field } from '@/components/ui/field';

const initial: CourseFormState = { ok: false, errors: {} };

function Status({ state }: { state: CourseFormState }) {
  return <p role="status" className={`text-sm ${state.ok ? 'text-success' : 'text-danger'}`}>{state.message ?? ''}</p>;
}

function Description({ defaultValue, error, id }: { defaultValue?: string; error?: string; id: string }) {
  return (
    <div>
      <label htmlFor={id} className="label">Description</label>
      <textarea
        id={id}
        name="description"
        rows={3}
        maxLength={1000}
        className="input"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </div>
  );
}

export function CreateCourseForm() {
  const [state, action, pending] = useActionState(createCourseAction, initial);
  return (
    <form action={action} className="space-y-3" aria-label="Create a course">
      <Field label="Course title" name="title" id="new-course-title" required minLength={3} maxLength={120} error={state.errors.title} />
      <Description id="new-course-description" error={state.errors.description} />
      <button type="submit" className="btn-primary" disabled={pending}>Create draft course</button>
      <Status state={state} />
    </form>
  );
}

export function CourseDetailsForm({ courseId, title, description, requireApproval }: { courseId: string; title: string; description: string; requireApproval: boolean }) {
  const [state, action, pending] = useActionState(updateCourseAction, initial);
  return (
    <form action={action} className="space-y-3" aria-label="Course details">
      <input type="hidden" name="courseId" value={courseId} />
      <Field label="Course title" name="title" id="course-title" required minLength={3} maxLength={120} defaultValue={title} error={state.errors.title} />
      <Description id="course-description" defaultValue={description} error={state.errors.description} />
      <div className="flex items-start gap-2">
        <input id="require-approval" name="requireApproval" type="checkbox" className="mt-1 h-4 w-4" defaultChecked={requireApproval} aria-describedby="require-approval-hint" />
        <div>
          <label htmlFor="require-approval" className="font-medium">Learners see generated cards only after approval</label>
          <p id="require-approval-hint" className="text-sm text-muted">Off for self-study; on for a class that wants a vetted deck. Applies to cards created from now on.</p>
        </div>
      </div>
      <button type="submit" className="btn-secondary" disabled={pending}>Save details</button>
      <Status state={state} />
    </form>
  );
}

export function UploadForm({ courseId, accept, maxFileMb, maxFiles }: { courseId: string; accept: string; maxFileMb: number; maxFiles: number }) {
  const [state, action, pending] = useActionState(uploadDocumentsAction, initial);
  return (
    <form action={action} className="space-y-3" aria-label="Upload documents">
      <input type="hidden" name="courseId" value={courseId} />
      <div>
        <label htmlFor="upload-files" className="label">Files to upload</label>
        <input
          id="upload-files"
          name="files"
          type="file"
          multiple
          required
          accept={accept}
          className="block w-full text-sm file:mr-3 file:rounded-lg file:border file:border-border file:bg-surface-2 file:px-3 file:py-1.5"
          aria-describedby="upload-hint"
        />
        <p id="upload-hint" className="mt-1 text-sm text-muted">
          {accept.replaceAll(',', ', ')} · up to {maxFileMb} MB each, {maxFiles} files at once. A file with the name of one already uploaded becomes its new version.
        </p>
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>{pending ? 'Uploading…' : 'Upload'}</button>
      <Status state={state} />
      {state.fileErrors && state.fileErrors.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-sm text-danger" aria-label="Problems with the files">
          {state.fileErrors.map((e, i) => (
            <li key={`${e.name}-${i}`}>
              {e.name ? <strong>{e.name}: </strong> : null}
              {e.message}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

/** A basic or cloze card; for instructors (into the draft) or for a learner (a private card). */
export function AddCardForm({ target, courseId, lesson, lessonId }: { target: 'instructor' | 'private'; courseId?: string; lesson?: string; lessonId?: string }) {
  const [state, action, pending] = useActionState(target === 'instructor' ? addInstructorCardAction : addPrivateCardAction, initial);
  const [type, setType] = useState<'basic' | 'cloze'>('basic');
  const id = target === 'instructor' ? 'own-card' : 'private-card';
  return (
    <form action={action} className="space-y-3" aria-label={target === 'instructor' ? 'Add your own card' : 'Add a private card'}>
      {courseId && <input type="hidden" name="courseId" value={courseId} />}
      {lesson && <input type="hidden" name="lesson" value={lesson} />}
      {lessonId && <input type="hidden" name="lessonId" value={lessonId} />}
      <fieldset className="flex gap-4">
        <legend className="label">Card type</legend>
        {(['basic', 'cloze'] as const).map((t) => (
          <label key={t} className="inline-flex items-center gap-2">
            <input type="radio" name="type" value={t} checked={type === t} onChange={() => setType(t)} />
            {t === 'basic' ? 'Question and answer' : 'Cloze (fill the gap)'}
          </label>
        ))}
      </fieldset>
      {type === 'basic' ? (
        <>
          <Field label="Question" name="front" id={`${id}-front`} required maxLength={500} error={state.errors.front} />
          <Field label="Answer" name="back" id={`${id}-back`} required maxLength={1000} error={state.errors.back} />
        </>
      ) : (
        <Field
          label="Sentence"
          name="text"
          id={`${id}-text`}
          required
          maxLength={1000}
          hint="Put the words to hide in double braces: The {{heart}} pumps blood."
          error={state.errors.text}
        />
      )}
      <button type="submit" className="btn-secondary" disabled={pending}>Add card</button>
      <Status state={state} />
    </form>
  );
}

export function PublishButton({ courseId, label }: { courseId: string; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="btn-primary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await publishAction(courseId);
            setResult({ ok: r.ok, text: (r.ok ? r.message : r.error) ?? '' });
            if (r.ok) router.refresh();
          })
        }
      >
        {pending ? 'Publishing…' : label}
      </button>
      <p role="status" className={`text-sm ${result?.ok ? 'text-success' : 'text-danger'}`}>{result?.text ?? ''}</p>
    </div>
  );
}
