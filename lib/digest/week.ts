import { addDays } from '@/lib/periods/dates';

/** The Monday of the week `today` (an ISO date in the app's time zone) falls in: a digest's week. */
export function digestWeek(today: string): string {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(today, -((weekday + 6) % 7));
}
