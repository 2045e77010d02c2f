'use client';
// The course owner's forms: add a co-instructor by email, remove one (with an inline confirmation).
import { useActionState } from 'react';
import { addCoInstructorAction, handOverCourseAction, removeCoInstructorAction, type InstructorFormState } from '@/lib/actions/course-instructors';
import { Field } from '@/components/ui/field';
import { ConfirmButton } from '@/components/ui/confirm-button';

const initial: InstructorFormState = { ok: false, errors: {} };

export function AddCoInstructorForm({ courseId }: { courseId: string }) {
  const [state, action, pending] = useActionState(addCoInstructorAction, initial);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end" aria-label="Add a co-instructor">
      <input type="hidden" name="courseId" value={courseId} />
      <Field label="Instructor’s email" name="email" id="co-instructor-email" type="email" required autoComplete="off" error={state.errors.email} />
      <button type="submit" className="btn-primary" disabled={pending}>Add co-instructor</button>
      <p role="status" className={`text-sm sm:col-span-2 ${state.ok ? 'text-success' : 'text-danger'}`}>{state.message ?? ''}</p>
    </form>
  );
}

export function RemoveCoInstructorButton({ courseId, userId, name }: { courseId: string; userId: string; name: string }) {
  return (
    <ConfirmButton
      label="Remove"
      ariaLabel={`Remove ${name}`}
      question={`Remove ${name} from this course's instructors?`}
      confirmLabel="Yes, remove"
      action={() => removeCoInstructorAction({ courseId, userId })}
    />
  );
}

export function HandOverCourseButton({ courseId, userId, name }: { courseId: string; userId: string; name: string }) {
  return (
    <ConfirmButton
      label="Make owner"
      ariaLabel={`Make ${name} the owner`}
      question={`Hand this course over to ${name}? You stay a co-instructor.`}
      confirmLabel="Yes, hand over"
      action={() => handOverCourseAction({ courseId, userId })}
    />
  );
}
