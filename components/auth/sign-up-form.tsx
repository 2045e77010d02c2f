'use client';
// Sign-up: the server validates and creates the account, then we sign in with the same credentials.
import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { Field, FormAlert } from '@/components/ui/field';
import { signUp } from '@/lib/actions/auth';
import { signUpSchema, fieldErrors, type FieldErrors } from '@/lib/validations/auth';

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: form.get('name'),
      email: form.get('email'),
      password: form.get('password'),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    };
    const local = signUpSchema.safeParse(input);
    if (!local.success) return setErrors(fieldErrors(local.error));
    setPending(true);
    setErrors({});
    try {
      const result = await signUp(input);
      if (!result.ok) {
        setPending(false);
        return setErrors(result.errors);
      }
      const signedIn = await signIn('credentials', { email: local.data.email, password: local.data.password, redirect: false });
      if (!signedIn || signedIn.error) {
        setPending(false);
        return setErrors({ form: 'Your account was created, but signing in failed. Please sign in.' });
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setPending(false);
      setErrors({ form: 'Something went wrong. Please try again.' });
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Sign up">
      <FormAlert message={errors.form} />
      <Field label="Name" name="name" autoComplete="name" required error={errors.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        error={errors.password}
        hint="At least 8 characters."
      />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
