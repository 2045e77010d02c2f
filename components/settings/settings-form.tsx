'use client';
import { useActionState } from 'react';
import { saveSettings, type SettingsFormState } from '@/lib/actions/settings';
import { Field } from '@/components/ui/field';
import { TimeZoneSelect } from '@/components/ui/time-zone-select';

type Values = Record<'desiredRetention' | 'newPerDay' | 'maximumInterval' | 'learningSteps' | 'relearningSteps' | 'timeZone' | 'dayStartHour', string>;

export function SettingsForm({ initial, zones }: { initial: Values; zones: string[] }) {
  const [state, action, pending] = useActionState<SettingsFormState, FormData>(saveSettings, { ok: false, errors: {} });
  const e = state.errors;
  return (
    <form action={action} className="card space-y-4" noValidate>
      <p role="status" className={`text-sm ${state.ok ? 'text-success' : 'text-danger'}`}>{state.message ?? ''}</p>
      <Field label="Desired retention" name="desiredRetention" type="number" step="0.01" min="0.70" max="0.99" defaultValue={initial.desiredRetention} error={e.desiredRetention} hint="Share of reviews you want to recall, 0.70–0.99. Higher means more reviews." />
      <Field label="New cards per day" name="newPerDay" type="number" min="0" max="9999" defaultValue={initial.newPerDay} error={e.newPerDay} />
      <Field label="Maximum interval (days)" name="maximumInterval" type="number" min="1" max="36500" defaultValue={initial.maximumInterval} error={e.maximumInterval} />
      <Field label="Learning steps" name="learningSteps" defaultValue={initial.learningSteps} error={e.learningSteps} hint='Space-separated, e.g. "1m 10m".' />
      <Field label="Relearning steps" name="relearningSteps" defaultValue={initial.relearningSteps} error={e.relearningSteps} hint='e.g. "10m".' />
      <TimeZoneSelect zones={zones} defaultValue={initial.timeZone} error={e.timeZone} />
      <Field label="New day starts at (hour, 0–23)" name="dayStartHour" type="number" min="0" max="23" defaultValue={initial.dayStartHour} error={e.dayStartHour} />
      <div className="flex items-start gap-2">
        <input id="reschedule" name="reschedule" type="checkbox" className="mt-1 h-4 w-4" aria-describedby="reschedule-hint" />
        <div>
          <label htmlFor="reschedule" className="font-medium">Reschedule my cards with these settings</label>
          <p id="reschedule-hint" className="text-sm text-muted">
            Recomputes every reviewed card&apos;s due date from its review history, as if you had always used these settings.
            Left unticked, the new settings apply from each card&apos;s next review.
          </p>
        </div>
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>{pending ? 'Saving…' : 'Save settings'}</button>
    </form>
  );
}
