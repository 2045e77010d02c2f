'use server';
// Saves the learner's review settings (and, if they ask, reschedules their cards); returns field errors instead of throwing.
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { actionUser } from '@/lib/auth/session';
import { parseSrsSettings } from '@/lib/srs';
import { isFormData, MALFORMED_FORM } from '@/lib/validations/form';
import { saveLearnerSettings } from '@/lib/review/reschedule';

export interface SettingsFormState {
  ok: boolean;
  message?: string;
  errors: Partial<Record<string, string>>;
}

function steps(value: FormDataEntryValue | null): string[] {
  return String(value ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function num(value: FormDataEntryValue | null): number {
  const text = String(value ?? '').trim();
  return text === '' ? Number.NaN : Number(text);
}

export async function saveSettings(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  if (!isFormData(form)) return { ok: false, message: MALFORMED_FORM, errors: {} };
  const user = await actionUser();
  if (!user) return { ok: false, message: 'Your session has ended. Sign in again.', errors: {} };
  const current = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { fsrsWeights: true } });
  const parsed = parseSrsSettings({
    desiredRetention: num(form.get('desiredRetention')),
    newPerDay: num(form.get('newPerDay')),
    maximumInterval: num(form.get('maximumInterval')),
    learningSteps: steps(form.get('learningSteps')),
    relearningSteps: steps(form.get('relearningSteps')),
    timeZone: String(form.get('timeZone') ?? ''),
    dayStartHour: num(form.get('dayStartHour')),
    weights: current.fsrsWeights ? (JSON.parse(current.fsrsWeights) as unknown) : undefined,
  });
  if (!parsed.ok) {
    const errors: Record<string, string> = {};
    for (const [field, messages] of Object.entries(parsed.fieldErrors)) if (messages?.[0]) errors[field] = messages[0];
    return { ok: false, message: 'Please fix the highlighted fields.', errors };
  }
  const reschedule = form.get('reschedule') === 'on';
  const { rescheduled } = await saveLearnerSettings(db, user.id, parsed.settings, { reschedule });
  revalidatePath('/review');
  revalidatePath('/stats');
  revalidatePath('/settings');
  const message = !reschedule
    ? 'Settings saved. They apply from your next review.'
    : `Settings saved. ${rescheduled} ${rescheduled === 1 ? 'card was' : 'cards were'} rescheduled with them.`;
  return { ok: true, message, errors: {} };
}
