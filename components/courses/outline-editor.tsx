'use client';
// The draft outline: rename, move up/down (buttons, so it works by keyboard), merge, split, move a lesson to
// another module and set prerequisites. Each edit is one server action on the stored outline; focus returns
// to the control that was used, and the result is announced.
import Link from 'next/link';
import { useEffect, useState, useTransition, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { outlineAction } from '@/lib/actions/courses';
import type { OutlineOp } from '@/lib/validations/courses';

export interface EditorModule {
  key: string;
  title: string;
  prerequisites: string[];
  lessons: { key: string; title: string; heading: string; source: string; cards: number }[];
}

function domId(prefix: string, key: string): string {
  return `${prefix}-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}

export function OutlineEditor({ courseId, modules, previewBase }: { courseId: string; modules: EditorModule[]; previewBase: string }) {
  const previewHref = (key: string) => `${previewBase}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (!focusId || pending) return;
    const el = document.getElementById(focusId);
    if (el) el.focus();
  }, [focusId, pending, modules]);

  const run = (op: OutlineOp, done: string, focus?: string) =>
    start(async () => {
      const r = await outlineAction(courseId, op);
      setMessage({ ok: r.ok, text: r.ok ? done : (r.error ?? 'That did not work.') });
      if (focus) setFocusId(focus);
      if (r.ok) router.refresh();
    });

  const titleOf = new Map(modules.map((m) => [m.key, m.title]));

  if (modules.length === 0) return <p className="text-sm text-muted">Upload a document to get a proposed outline.</p>;

  return (
    <div className="space-y-4" aria-busy={pending}>
      <p role="status" aria-live="polite" className={`min-h-5 text-sm ${message?.ok ? 'text-success' : 'text-danger'}`}>{message?.text ?? ''}</p>
      <ol className="space-y-4">
        {modules.map((m, mi) => (
          <li key={m.key} className="rounded-lg border border-border p-3">
            <section aria-labelledby={domId('module-h', m.key)} className="space-y-3">
              <div className="flex flex-wrap items-center gap-2">
                <h3 id={domId('module-h', m.key)} className="mr-auto text-lg font-semibold">
                  Module {mi + 1}: {m.title}
                </h3>
                <button
                  type="button"
                  id={domId('mod-up', m.key)}
                  className="btn-ghost text-sm"
                  disabled={pending || mi === 0}
                  aria-label={`Move module ${m.title} up`}
                  onClick={() => run({ op: 'moveModule', module: m.key, delta: -1 }, `Moved module ${m.title} up.`, domId('mod-up', m.key))}
                >
                  ↑ Up
                </button>
                <button
                  type="button"
                  id={domId('mod-down', m.key)}
                  className="btn-ghost text-sm"
                  disabled={pending || mi === modules.length - 1}
                  aria-label={`Move module ${m.title} down`}
                  onClick={() => run({ op: 'moveModule', module: m.key, delta: 1 }, `Moved module ${m.title} down.`, domId('mod-down', m.key))}
                >
                  ↓ Down
                </button>
                {mi > 0 && (
                  <button
                    type="button"
                    className="btn-ghost text-sm"
                    disabled={pending}
                    aria-label={`Merge into previous: ${m.title} into ${modules[mi - 1]?.title ?? 'the previous module'}`}
                    onClick={() => run({ op: 'mergeModules', keep: modules[mi - 1]?.key ?? '', other: m.key }, `Merged ${m.title} into ${modules[mi - 1]?.title}.`)}
                  >
                    Merge into previous
                  </button>
                )}
              </div>
              <RenameForm
                id={domId('mod-title', m.key)}
                label={`Title of module ${mi + 1}`}
                value={m.title}
                disabled={pending}
                onSave={(title) => run({ op: 'renameModule', module: m.key, title }, 'Module renamed.', domId('mod-title', m.key))}
              />
              {modules.length > 1 && (
                <Prerequisites
                  module={m}
                  others={modules.filter((o) => o.key !== m.key)}
                  disabled={pending}
                  onSave={(prerequisites) => run({ op: 'setPrerequisites', module: m.key, prerequisites }, 'Prerequisites saved.')}
                />
              )}
              {m.prerequisites.length > 0 && (
                <p className="text-sm text-muted">Builds on: {m.prerequisites.map((p) => titleOf.get(p) ?? p).join(', ')}</p>
              )}
              <ol className="space-y-2" aria-label={`Lessons of ${m.title}`}>
                {m.lessons.map((l, li) => (
                  <li key={l.key} className="rounded-md bg-surface-2 p-2">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="mr-auto font-medium">
                        {li + 1}. {l.title}
                        <span className="ml-2 text-xs text-muted">from {l.source}{l.cards ? ` · ${l.cards} own card${l.cards === 1 ? '' : 's'}` : ''}</span>
                      </span>
                      <Link className="link text-sm" href={previewHref(l.key)} aria-label={`Preview lesson ${l.title}`}>Preview</Link>
                      <button
                        type="button"
                        id={domId('les-up', l.key)}
                        className="btn-ghost text-sm"
                        disabled={pending || li === 0}
                        aria-label={`Move lesson ${l.title} up`}
                        onClick={() => run({ op: 'moveLesson', lesson: l.key, delta: -1 }, `Moved lesson ${l.title} up.`, domId('les-up', l.key))}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        id={domId('les-down', l.key)}
                        className="btn-ghost text-sm"
                        disabled={pending || li === m.lessons.length - 1}
                        aria-label={`Move lesson ${l.title} down`}
                        onClick={() => run({ op: 'moveLesson', lesson: l.key, delta: 1 }, `Moved lesson ${l.title} down.`, domId('les-down', l.key))}
                      >
                        ↓
                      </button>
                      {li > 0 && (
                        <button
                          type="button"
                          className="btn-ghost text-sm"
                          disabled={pending}
                          aria-label={`Split here: a new module from lesson ${l.title}`}
                          onClick={() => run({ op: 'splitModule', module: m.key, lesson: l.key }, `New module starting at ${l.title}.`)}
                        >
                          Split here
                        </button>
                      )}
                    </div>
                    <details className="mt-1 text-sm">
                      <summary className="cursor-pointer text-muted">Rename or move “{l.title}”</summary>
                      <div className="mt-2 space-y-2">
                        <RenameForm
                          id={domId('les-title', l.key)}
                          label={`Title of lesson ${l.title}`}
                          value={l.title}
                          hint={`Heading in the document: ${l.heading}. Leave empty to use it.`}
                          disabled={pending}
                          allowEmpty
                          onSave={(title) => run({ op: 'renameLesson', lesson: l.key, title }, 'Lesson renamed.', domId('les-title', l.key))}
                        />
                        {modules.length > 1 && (
                          <MoveToModule
                            id={domId('les-move', l.key)}
                            lesson={l.title}
                            options={modules.filter((o) => o.key !== m.key)}
                            disabled={pending}
                            onMove={(module) => run({ op: 'moveLessonToModule', lesson: l.key, module }, `Moved ${l.title} to ${titleOf.get(module)}.`)}
                          />
                        )}
                      </div>
                    </details>
                  </li>
                ))}
              </ol>
            </section>
          </li>
        ))}
      </ol>
    </div>
  );
}

function RenameForm({ id, label, value, hint, disabled, allowEmpty, onSave }: {
  id: string;
  label: string;
  value: string;
  hint?: string;
  disabled: boolean;
  allowEmpty?: boolean;
  onSave: (title: string) => void;
}) {
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const title = String(new FormData(e.currentTarget).get('title') ?? '');
    onSave(title);
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <div className="grow">
        <label htmlFor={id} className="label">{label}</label>
        <input id={id} name="title" className="input" defaultValue={value} key={value} maxLength={200} required={!allowEmpty} aria-describedby={hint ? `${id}-hint` : undefined} />
        {hint && <p id={`${id}-hint`} className="mt-1 text-xs text-muted">{hint}</p>}
      </div>
      <button type="submit" className="btn-secondary text-sm" disabled={disabled}>Rename</button>
    </form>
  );
}

function MoveToModule({ id, lesson, options, disabled, onMove }: { id: string; lesson: string; options: EditorModule[]; disabled: boolean; onMove: (module: string) => void }) {
  const [target, setTarget] = useState(options[0]?.key ?? '');
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={id} className="label">Move “{lesson}” to</label>
        <select id={id} className="input" value={target} onChange={(e) => setTarget(e.target.value)}>
          {options.map((o) => (
            <option key={o.key} value={o.key}>{o.title}</option>
          ))}
        </select>
      </div>
      <button type="button" className="btn-secondary text-sm" disabled={disabled || !target} onClick={() => onMove(target)}>Move</button>
    </div>
  );
}

function Prerequisites({ module, others, disabled, onSave }: { module: EditorModule; others: EditorModule[]; disabled: boolean; onSave: (keys: string[]) => void }) {
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onSave(new FormData(e.currentTarget).getAll('prerequisite').map(String));
  };
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-muted">Prerequisites of “{module.title}”</summary>
      <form onSubmit={submit} className="mt-2 space-y-2">
        <fieldset>
          <legend className="label">Modules to finish first</legend>
          {others.map((o) => (
            <label key={o.key} className="flex items-center gap-2">
              <input type="checkbox" name="prerequisite" value={o.key} defaultChecked={module.prerequisites.includes(o.key)} />
              {o.title}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn-secondary text-sm" disabled={disabled}>Save prerequisites</button>
      </form>
    </details>
  );
}
