// Runs once when the server starts: refuse to start on a bad environment, with a clear message.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { env, authSecret } = await import('@/lib/env');
    env();
    authSecret();
  }
}
