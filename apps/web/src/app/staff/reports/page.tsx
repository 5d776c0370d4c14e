import type { Metadata } from 'next';
import { SiteHeader } from '@/components/site-header';
import { requireSession } from '@/server/session';
import { serverCaller } from '@/server/trpc-caller';
import { isStaff } from '../staff-roles';
import { AccessDenied } from '../combat-log/access-denied';
import { ReportsScreen } from './reports-screen';

export const metadata: Metadata = { title: 'Reports · Staff' };

export default async function StaffReportsPage() {
  const session = await requireSession('/staff/reports');
  // the role in the session token is as old as the sign-in: ask the database, like the API does
  const account = await (await serverCaller()).auth.me().catch(() => null);
  const allowed = isStaff(account?.role);
  return (
    <>
      <SiteHeader session={session} />
      <main className="page page--wide">
        {allowed ? (
          <ReportsScreen />
        ) : (
          <AccessDenied username={session.user.username} what="The report queue" />
        )}
      </main>
    </>
  );
}
