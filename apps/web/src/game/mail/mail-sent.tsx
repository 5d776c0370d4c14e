'use client';
/**
 * The Sent tab: the mail you sent that is still in the post, newest first — on its
 * way ("arrives in 42 min"), delivered (until its recipient deletes it) or returned
 * to you (it is in your inbox) — 20 a page, "Older mail" for more.
 */
import { refusal } from '@/trpc/errors';
import { useServerNow } from '../time/use-server-now';
import { sentStateText } from './mail-view';
import { useSentMail } from './use-sent-mail';
import { OlderMailButton } from './older-mail-button';

const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;

export function MailSent() {
  const now = useServerNow(15_000);
  const { query, mails } = useSentMail(true);
  if (!query.data) {
    return query.isError ? (
      <p className="gwin__msg form-error">{refusal(query.error)}</p>
    ) : (
      <p className="gwin__msg muted">Looking up your sent mail…</p>
    );
  }
  if (mails.length === 0)
    return (
      <p className="mail__empty muted" data-testid="mail-sent-empty">
        Nothing sent yet — or all of it read and deleted by now.
      </p>
    );
  return (
    <>
      <ul className="mail__list" aria-label="Sent mail">
        {mails.map((m) => {
          const pending = m.state === 'on_its_way' && m.deliverAt > now;
          const state = pending ? 'on_its_way' : m.state === 'returned' ? 'returned' : 'delivered';
          return (
            <li
              key={m.id}
              className={`mrow mrow--sent is-${state}`}
              data-testid="mail-sent-row"
              data-id={m.id}
              data-state={state}
            >
              <span className="mrow__dot" aria-hidden />
              <span className="mrow__main">
                <span className="mrow__top">
                  <span className="mrow__from">to {m.to}</span>
                  <span className="mrow__ago mrow__state" data-testid="mail-sent-state">
                    {sentStateText(m, now)}
                  </span>
                </span>
                <span className="mrow__subject">{m.subject}</span>
              </span>
              <span className="mrow__badges">
                {m.cod > 0 && <span className="mbadge mbadge--cod">COD {yen(m.cod)}</span>}
                {m.items > 0 && <span className="mbadge mbadge--items">▦ {m.items}</span>}
                {m.eddies > 0 && <span className="mbadge mbadge--eddies">{yen(m.eddies)}</span>}
              </span>
            </li>
          );
        })}
      </ul>
      <OlderMailButton query={query} />
    </>
  );
}
