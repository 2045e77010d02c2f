'use client';
import { useActionState } from 'react';
import { optimiseSchedule, type OptimiseState } from '@/lib/actions/optimise';

const fmt = (n: number) => n.toFixed(4);

export function OptimiseForm() {
  const [state, action, pending] = useActionState<OptimiseState>(optimiseSchedule, { status: 'idle', message: '' });
  return (
    <form action={action} className="space-y-3">
      <button type="submit" className="btn-secondary" disabled={pending}>
        {pending ? 'Optimising…' : 'Optimise my schedule'}
      </button>
      <div role="status" className="text-sm">
        {state.message && <p className={state.status === 'error' ? 'text-danger' : ''}>{state.message}</p>}
        {state.before && state.after && (
          <table className="mt-2">
            <thead><tr><th></th><th className="px-3 text-left">Log loss</th><th className="px-3 text-left">RMSE</th></tr></thead>
            <tbody>
              <tr><th className="text-left">Before</th><td className="px-3">{fmt(state.before.logLoss)}</td><td className="px-3">{fmt(state.before.rmse)}</td></tr>
              <tr><th className="text-left">After</th><td className="px-3">{fmt(state.after.logLoss)}</td><td className="px-3">{fmt(state.after.rmse)}</td></tr>
            </tbody>
          </table>
        )}
      </div>
    </form>
  );
}
