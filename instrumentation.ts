/** Runs once when the server starts: apply migrations before the first request is served. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getDb } = await import('@/db/client');
    const { warnIfSecretInDatabase } = await import('@/lib/auth/secret');
    warnIfSecretInDatabase(getDb());
  }
}
