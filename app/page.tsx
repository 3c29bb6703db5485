import { redirect } from 'next/navigation';
import { requirePageActor } from '@/lib/auth/current-user';

export default async function Home() {
  await requirePageActor();
  redirect('/commitments');
}
