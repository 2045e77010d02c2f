'use server';
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { actionUser } from '@/lib/auth/session';
import { optimiseForUser } from '@/lib/review/optimise';

export interface OptimiseState {
  status: 'idle' | 'done' | 'not-enough' | 'no-improvement' | 'error';
  message: string;
  before?: { logLoss: number; rmse: number };
  after?: { logLoss: number; rmse: number };
}

export async function optimiseSchedule(): Promise<OptimiseState> {
  const user = await actionUser();
  if (!user) return { status: 'error', message: 'Your session has ended. Sign in again.' };
  try {
    const result = await optimiseForUser(db, user.id);
    if (!result.ok) return { status: 'not-enough', message: result.reason };
    revalidatePath('/stats');
    revalidatePath('/review');
    if (!result.improved) {
      return { status: 'no-improvement', message: 'Your current parameters already fit your reviews best; nothing changed.', before: result.before, after: result.after };
    }
    return { status: 'done', message: `Fitted to ${result.reviewCount} reviews of ${result.cardCount} cards. Your cards were rescheduled.`, before: result.before, after: result.after };
  } catch (e) {
    console.error('optimise failed', e);
    return { status: 'error', message: 'Optimisation failed. Your schedule was not changed.' };
  }
}
