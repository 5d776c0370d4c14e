'use client';
import { useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@necp/api';

type SignInOutcome = RouterOutputs['auth']['signInActivity'][number]['outcome'];
import { refusal } from '@/trpc/errors';
import { useTRPC } from '@/trpc/react';

const OUTCOME: Record<SignInOutcome, string> = {
  ok: 'Signed in',
  failed: 'Wrong password',
  locked: 'Locked (too many failures)',
  'device-locked': 'Browser no longer trusted (too many failures)',
  'password-changed': 'Password changed',
  'wrong-current-password': 'Wrong current password when changing it',
};

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The account's recent sign-in attempts, so the owner notices someone guessing. */
export function SignInActivity() {
  const trpc = useTRPC();
  const activity = useQuery(trpc.auth.signInActivity.queryOptions());
  return (
    <section
      className="panel"
      aria-labelledby="signin-activity-title"
      data-testid="signin-activity"
    >
      <h2 className="panel__title" id="signin-activity-title">
        recent sign-in activity
      </h2>
      <p className="field__hint">
        Failed attempts from browsers you have not used never lock you out of a browser you signed
        in with before.
      </p>
      {activity.isPending ? (
        <p>Loading…</p>
      ) : activity.isError ? (
        <p className="form-error" role="alert">
          {refusal(activity.error)}
        </p>
      ) : activity.data.length === 0 ? (
        <p>No sign-in attempts yet.</p>
      ) : (
        <div className="signin-activity__scroll">
          <table className="signin-activity">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Address</th>
                <th scope="col">What</th>
                <th scope="col">Browser</th>
              </tr>
            </thead>
            <tbody>
              {activity.data.map((e, i) => (
                <tr key={i} data-testid="signin-activity-row" data-outcome={e.outcome}>
                  <td>
                    <time dateTime={e.at.toISOString()}>{time.format(e.at)}</time>
                  </td>
                  <td>{e.ip ?? '—'}</td>
                  <td className={`signin-activity__outcome--${e.outcome}`}>{OUTCOME[e.outcome]}</td>
                  <td className={e.knownDevice ? undefined : 'signin-activity__unknown'}>
                    {e.knownDevice ? 'A browser you used before' : 'Unknown browser'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
