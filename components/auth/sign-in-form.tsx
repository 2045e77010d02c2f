'use client';
// Email + password sign-in through next-auth, showing its errors on the form (never a redirect to an error page).
import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { Field, FormAlert } from '@/components/ui/field';
import { signInSchema, fieldErrors, type FieldErrors } from '@/lib/validations/auth';

export function SignInForm({ callbackUrl, oauth }: { callbackUrl: string; oauth: { id: string; name: string }[] }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setPending(true);
    setErrors({});
    const result = await signIn('credentials', { ...parsed.data, redirect: false });
    if (!result || result.error) {
      setPending(false);
      const message = result?.error && result.error !== 'CredentialsSignin' ? result.error : 'Incorrect email or password.';
      return setErrors({ form: message });
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Sign in">
        <FormAlert message={errors.form} />
        <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
        <button type="submit" className="btn-primary w-full" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {oauth.length > 0 && (
        <div className="space-y-2 border-t border-border pt-4">
          {oauth.map((p) =>
            p.id === 'email' ? null : (
              <button key={p.id} type="button" className="btn-secondary w-full" onClick={() => signIn(p.id, { callbackUrl })}>
                Continue with {p.name}
              </button>
            ),
          )}
        </div>
      )}
    </div>
  );
}
