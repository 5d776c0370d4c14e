import type { Metadata } from 'next';
import { SiteHeader } from '@/components/site-header';
import { requireSession } from '@/server/session';
import { serverCaller } from '@/server/trpc-caller';
import { isStaff } from '../staff-roles';
import { AccessDenied } from './access-denied';
import { CombatLogScreen } from './combat-log-screen';
import { filtersToSearch, parseFilters } from './filters';

export const metadata: Metadata = { title: 'Combat log · Staff' };

export default async function StaffCombatLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filters = parseFilters(await searchParams);
  const search = filtersToSearch(filters);
  const session = await requireSession(`/staff/combat-log${search}`);
  // the role in the session token is as old as the sign-in: ask the database, like the API does
  const account = await (await serverCaller()).auth.me().catch(() => null);
  const allowed = isStaff(account?.role);
  return (
    <>
      <SiteHeader session={session} />
      <main className="page page--wide">
        {allowed ? (
          // keyed: a new filter set (a pushed URL) starts a fresh form and a fresh first page
          <CombatLogScreen key={search} filters={filters} />
        ) : (
          <AccessDenied username={session.user.username} />
        )}
      </main>
    </>
  );
}
