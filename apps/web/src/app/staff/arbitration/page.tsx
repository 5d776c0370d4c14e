import type { Metadata } from 'next';
import { SiteHeader } from '@/components/site-header';
import { requireSession } from '@/server/session';
import { serverCaller } from '@/server/trpc-caller';
import { isStaff } from '../staff-roles';
import { AccessDenied } from '../combat-log/access-denied';
import { ArbitrationScreen } from './arbitration-screen';

export const metadata: Metadata = { title: 'Arbitration · Staff' };

/** ?case=<contract id>: that one case alone (a link a moderator shares); none: the queue. */
const caseOf = (v: string | string[] | undefined) =>
  typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : null;

export default async function StaffArbitrationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const contractId = caseOf((await searchParams).case);
  const session = await requireSession(
    `/staff/arbitration${contractId ? `?case=${contractId}` : ''}`,
  );
  // the role in the session token is as old as the sign-in: ask the database, like the API does
  const account = await (await serverCaller()).auth.me().catch(() => null);
  const allowed = isStaff(account?.role);
  return (
    <>
      <SiteHeader session={session} />
      <main className="page page--wide">
        {allowed ? (
          <ArbitrationScreen key={contractId ?? 'queue'} contractId={contractId} />
        ) : (
          <AccessDenied username={session.user.username} what="Contract arbitration" />
        )}
      </main>
    </>
  );
}
