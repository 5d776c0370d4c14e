'use client';
/**
 * The mailbox (tRPC mail.*): the inbox pages, cached per character and read again
 * when the window opens, every 30 s while it is open and when the sim pushes a
 * mail notification; the actions, whose refusals are toasts with the server's
 * message. Every answer is written into the caches it changes.
 */
import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import { MAIL_PAGE_SIZE, type MailInbox, type MailView } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { bindMutation } from '@/trpc/bind-mutation';
import { useIntentKeys } from '@/trpc/idempotency';
import { useTRPC } from '@/trpc/react';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import type { ToastKind } from '../hud/toast-slice';
import { mergePages, type MailSendTerms } from './mail-view';

/** while the window is open the inbox is read again this often (late arrivals are not pushed) */
export const MAIL_POLL_MS = 30_000;

function useInboxOptions(polling: boolean) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return trpc.mail.list.infiniteQueryOptions(
    { characterId, limit: MAIL_PAGE_SIZE },
    {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      staleTime: 60_000,
      refetchInterval: polling ? MAIL_POLL_MS : false,
    },
  );
}

/**
 * The inbox: fetched with the game (the action bar shows the unread count), so the
 * window rarely opens on "loading"; `polling` while the window is open.
 */
export function useMailbox(polling = false) {
  const q = useInfiniteQuery(useInboxOptions(polling));
  const mails = useMemo(() => (q.data ? mergePages(q.data.pages) : []), [q.data]);
  const first = q.data?.pages[0];
  return { query: q, mails, unread: first?.unread ?? null, total: first?.total ?? null };
}

type Inbox = InfiniteData<MailInbox, unknown>;

/** The inbox cache with one mail changed in place (null: gone from the box). */
function patchInbox(data: Inbox | undefined, mail: MailView | null, id: string): Inbox | undefined {
  if (!data) return data;
  let wasUnread = false;
  const pages = data.pages.map((p) => ({
    ...p,
    items: p.items.flatMap((m) => {
      if (m.id !== id) return [m];
      wasUnread = !m.read;
      if (!mail) return [];
      const { body: _body, ...summary } = mail;
      return [summary];
    }),
  }));
  const first = pages[0];
  if (first && wasUnread && (!mail || mail.read))
    pages[0] = { ...first, unread: Math.max(0, first.unread - 1) };
  if (first && !mail) pages[0] = { ...pages[0]!, total: Math.max(0, first.total - 1) };
  return { ...data, pages };
}

export function useMailActions() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { characterId } = useGameSession();
  const toast = useGame((s) => s.toast);
  const keys = useIntentKeys();
  const list = trpc.mail.list.pathFilter();
  const setMail = (id: string, mail: MailView | null) =>
    qc.setQueriesData<Inbox>(list, (d) => patchInbox(d, mail, id));
  const bagChanged = () =>
    void qc.invalidateQueries(trpc.inventory.get.queryFilter({ characterId }));
  const onError = (err: unknown) => toast('warn', refusal(err));
  const onSettled = () => void qc.invalidateQueries(list);
  const ref = (mailId: string) => ({ characterId, mailId });
  /** eddies taken or cash on delivery paid: the mail as it is now, and the bag */
  const paid = (r: { mail: MailView }) => {
    setMail(r.mail.id, r.mail);
    bagChanged();
  };

  // settled: the list read again, as after every other action — a read of the list still
  // in flight from before the mail was marked read (a mail_arrived notice's) would land
  // after this patch and put the unread count back (seen in CI: the Mail button kept "1")
  const read = bindMutation(
    useMutation(
      trpc.mail.read.mutationOptions({
        onSuccess: (m) => setMail(m.id, m),
        onError,
        onSettled,
      }),
    ),
    ref,
  );
  /** the form shows field errors itself: no toast here */
  const send = bindMutation(
    useMutation(
      trpc.mail.send.mutationOptions({
        onSuccess: (_r, sent) => {
          keys.done(sent);
          bagChanged();
          void qc.invalidateQueries(trpc.mail.sent.pathFilter());
        },
      }),
    ),
    // a second press of Send, or one after an answer that never came, sends once
    (terms: MailSendTerms) => keys.keyed({ characterId, ...terms }),
  );
  const takeItems = bindMutation(
    useMutation(
      trpc.mail.takeItems.mutationOptions({
        onSuccess: (m) => {
          setMail(m.id, m);
          bagChanged();
        },
        onError,
        onSettled,
      }),
    ),
    (v: { mailId: string; itemId?: string }) => ({ characterId, ...v }),
  );
  const takeEddies = bindMutation(
    useMutation(
      trpc.mail.takeEddies.mutationOptions({
        onSuccess: paid,
        onError,
        onSettled,
      }),
    ),
    ref,
  );
  const payCod = bindMutation(
    useMutation(
      trpc.mail.payCod.mutationOptions({
        onSuccess: paid,
        onError,
        onSettled,
      }),
    ),
    ref,
  );
  const returnToSender = bindMutation(
    useMutation(
      trpc.mail.returnToSender.mutationOptions({
        onSuccess: (_r, v) => {
          setMail(v.mailId, null);
          toast('info', 'Sent back to its sender.');
        },
        onError,
        onSettled,
      }),
    ),
    ref,
  );
  const remove = bindMutation(
    useMutation(
      trpc.mail.delete.mutationOptions({
        onSuccess: (_r, v) => setMail(v.mailId, null),
        onError,
        onSettled,
      }),
    ),
    ref,
  );
  const pending =
    takeItems.isPending ||
    takeEddies.isPending ||
    payCod.isPending ||
    returnToSender.isPending ||
    remove.isPending;
  return { read, send, takeItems, takeEddies, payCod, returnToSender, remove, pending };
}

export interface MailNoticeTarget {
  queryClient: QueryClient;
  trpc: ReturnType<typeof useTRPC>;
  characterId: string;
  toast?: (kind: ToastKind, text: string) => void;
}

/**
 * notification:new about mail: a mail arrived (the inbox and its count are read
 * again) or someone paid cash on delivery (the eddies are already in the purse).
 */
export function receiveMailNotification(t: MailNoticeTarget, msg: { kind: string }) {
  if (msg.kind !== 'mail_arrived' && msg.kind !== 'cod_paid') return;
  void t.queryClient.invalidateQueries(t.trpc.mail.list.pathFilter());
  if (msg.kind === 'cod_paid')
    void t.queryClient.invalidateQueries(
      t.trpc.inventory.get.queryFilter({ characterId: t.characterId }),
    );
}
