import { CourseTeachNav } from '@/components/teach/course-nav';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getCourseWorkspace, teachCoursePath } from '@/lib/data/authoring';
import { MAX_FILE_BYTES, MAX_FILES } from '@/lib/courses/upload';
import { ACCEPTED_EXTENSIONS } from '@/lib/courses/parser';
import { CourseDetailsForm, UploadForm } from '@/components/courses/course-forms';
import { OutlineEditor } from '@/components/courses/outline-editor';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { removeDocumentAction } from '@/lib/actions/courses';

export const metadata: Metadata = { title: 'Edit course' };

export default async function CourseWorkspacePage({ params }: { params: Promise<{ course: string }> }) {
  const { course: courseKey } = await params;
  const page = await getCourseWorkspace(courseKey);
  if (!page) notFound();
  const { course } = page;
  const base = teachCoursePath(course.key);
  return (
    <div className="space-y-6">
      <CourseTeachNav course={course} current="outline" />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-bold">{course.title}</h1>
        <span className="badge">{course.status === 'draft' ? 'Draft — learners cannot see it' : 'Published'}</span>
      </div>

      <section className="card space-y-3" aria-labelledby="docs-h">
        <h2 id="docs-h" className="text-lg font-semibold">Documents</h2>
        {page.documents.length === 0 ? (
          <p className="text-sm text-muted">No documents yet. Upload your notes: a module is proposed per document, lessons from its headings.</p>
        ) : (
          <ul className="divide-y divide-border">
            {page.documents.map((d) => (
              <li key={d.name} className="flex flex-wrap items-center gap-3 py-2 text-sm">
                <span className="font-medium">{d.name}</span>
                <span className="text-muted">version {d.version} · {Math.max(1, Math.round(d.bytes / 1024))} KB · {d.mediaType}</span>
                <ConfirmButton
                  label="Remove"
                  ariaLabel={`Remove ${d.name} from the draft`}
                  question={`Remove ${d.name}? Its lessons leave the draft; publishing then retires them (learners keep their history).`}
                  confirmLabel="Yes, remove"
                  action={removeDocumentAction.bind(null, course.id, d.name)}
                  className="btn-ghost text-sm text-danger"
                />
              </li>
            ))}
          </ul>
        )}
        {page.issues.filter((i) => i.level === 'warning').length > 0 && (
          <details className="text-sm">
            <summary className="cursor-pointer text-muted">{page.issues.length} note{page.issues.length === 1 ? '' : 's'} from reading the documents</summary>
            <ul className="mt-2 list-disc pl-5">
              {page.issues.map((i, n) => (
                <li key={n}>{i.file}: {i.message}</li>
              ))}
            </ul>
          </details>
        )}
        <UploadForm courseId={course.id} accept={ACCEPTED_EXTENSIONS.join(',')} maxFileMb={MAX_FILE_BYTES / 1024 / 1024} maxFiles={MAX_FILES} />
      </section>

      <section className="card space-y-3" aria-labelledby="outline-h">
        <h2 id="outline-h" className="text-lg font-semibold">Outline</h2>
        <p className="text-sm text-muted">Renaming, reordering, merging or splitting keeps every lesson’s identity: learners keep their progress when you publish again.</p>
        <OutlineEditor courseId={course.id} modules={page.modules} previewBase={`${base}/lessons`} />
      </section>

      <section className="card space-y-3" aria-labelledby="details-h">
        <h2 id="details-h" className="text-lg font-semibold">Course details</h2>
        <CourseDetailsForm courseId={course.id} title={course.title} description={course.description} requireApproval={course.requireApproval} />
      </section>
    </div>
  );
}
