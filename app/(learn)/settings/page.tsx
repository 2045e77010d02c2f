import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { getSettingsPage } from '@/lib/data/account';
import { SettingsForm } from '@/components/settings/settings-form';
import { timeZoneOptions } from '@/components/ui/time-zone-select';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const user = await requireUser('/settings');
  const s = await getSettingsPage(user);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-bold">Review settings</h1>
      <SettingsForm
        zones={timeZoneOptions(s.timeZone)}
        initial={{
          desiredRetention: String(s.desiredRetention),
          newPerDay: String(s.newPerDay),
          maximumInterval: String(s.maximumInterval),
          learningSteps: s.learningSteps.join(' '),
          relearningSteps: s.relearningSteps.join(' '),
          timeZone: s.timeZone,
          dayStartHour: String(s.dayStartHour),
        }}
      />
      <p className="text-sm text-muted">
        To download your data or delete your account, see <Link className="link" href="/account">your account</Link>.
      </p>
    </div>
  );
}
