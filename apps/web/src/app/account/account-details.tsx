import type { Session } from 'next-auth';

const ROLE_LABEL = { PLAYER: 'Runner', MODERATOR: 'Moderator', ADMIN: 'Admin' } as const;

/** Who is signed in: username, email and role (as the database says now). */
export function AccountDetails({ user }: { user: Session['user'] }) {
  return (
    <section className="panel account__section" data-testid="account-details">
      <h2 className="panel__title">identity</h2>
      <dl className="account__facts">
        <dt>Username</dt>
        <dd data-testid="account-username">{user.username}</dd>
        <dt>Email</dt>
        <dd data-testid="account-email">{user.email}</dd>
        <dt>Role</dt>
        <dd data-testid="account-role" data-role={user.role}>
          <span className={user.role === 'PLAYER' ? undefined : 'neon-magenta'}>
            {ROLE_LABEL[user.role]}
          </span>
        </dd>
      </dl>
    </section>
  );
}
