/**
 * The mailbox window's pure rules: the inbox order and badges, what a mail still
 * holds (and so which buttons it offers), the postage preview and the compose
 * form's checks, with the messages the player sees. The server decides every rule
 * (packages/game/src/mail); these use the same constants and schemas (shared
 * mail-rules, schemas/mail) so the window can say so before a round trip.
 */
import {
  CharacterNameRefSchema,
  MAIL_ATTACHMENTS_MAX,
  MAIL_EDDIES_MAX,
  MAIL_SYSTEM_SENDER,
  MailBodySchema,
  MailSubjectSchema,
  MAIL_TRUST_ACCOUNT_MS,
  MAIL_TRUST_FRIENDS_MS,
  MAIL_TRUST_GUILD_MS,
  mailPostage,
  type MailQuote,
  type MailSendInput,
  type SentMailSummary,
  type MailSummary,
} from '@necp/shared';

/** Newest arrival first; the same instant: the larger id first (the server's order). */
export function sortInbox<T extends Pick<MailSummary, 'id' | 'arrivedAt'>>(
  mails: readonly T[],
): T[] {
  return [...mails].sort(
    (a, b) => b.arrivedAt - a.arrivedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
}

/** Several pages of the inbox as one list: each mail once, newest first. */
export function mergePages<T extends Pick<MailSummary, 'id' | 'arrivedAt'>>(
  pages: readonly { items: readonly T[] }[],
): T[] {
  const byId = new Map<string, T>();
  for (const p of pages) for (const m of p.items) if (!byId.has(m.id)) byId.set(m.id, m);
  return sortInbox([...byId.values()]);
}

export type MailBadgeKind = 'items' | 'eddies' | 'cod' | 'returned' | 'system';
export interface MailBadge {
  kind: MailBadgeKind;
  text: string;
  title: string;
}

const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;

/** The small tags of an inbox row: what it carries, what is due, where it comes from. */
export function mailBadges(
  m: Pick<MailSummary, 'kind' | 'attachments' | 'eddies' | 'cod'>,
): MailBadge[] {
  const out: MailBadge[] = [];
  if (m.cod > 0)
    out.push({ kind: 'cod', text: `COD ${yen(m.cod)}`, title: `Pay ${yen(m.cod)} to take it` });
  if (m.attachments.length > 0)
    out.push({
      kind: 'items',
      text: `▦ ${m.attachments.length}`,
      title:
        m.attachments.length === 1 ? '1 item attached' : `${m.attachments.length} items attached`,
    });
  if (m.eddies > 0) out.push({ kind: 'eddies', text: yen(m.eddies), title: 'Eddies enclosed' });
  if (m.kind === 'returned')
    out.push({ kind: 'returned', text: 'returned', title: 'Sent back to you' });
  if (m.kind === 'system') out.push({ kind: 'system', text: 'NC Post', title: MAIL_SYSTEM_SENDER });
  return out;
}

/** The action bar's count: nothing at 0 or unknown, "99+" past 99. */
export function unreadBadge(unread: number | null | undefined): string | null {
  if (!unread || unread <= 0) return null;
  return unread > 99 ? '99+' : String(unread);
}

/** Anything left to take (items or eddies)? */
export const mailHolds = (m: Pick<MailSummary, 'attachments' | 'eddies'>): boolean =>
  m.attachments.length > 0 || m.eddies > 0;

/** What a mail offers now (the server checks again). */
export function mailActions(
  m: Pick<MailSummary, 'kind' | 'fromId' | 'attachments' | 'eddies' | 'cod'>,
) {
  const codDue = m.cod > 0;
  return {
    /** pay the cash on delivery (takes everything) */
    payCod: codDue,
    takeAll: !codDue && m.attachments.length > 0,
    takeItem: !codDue,
    takeEddies: !codDue && m.eddies > 0,
    /** only a player's mail goes back (not system mail, not returned mail) */
    returnToSender: m.kind === 'player' && m.fromId !== null,
    /** only once nothing is left to take */
    delete: !mailHolds(m),
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "12 min ago", "3 h ago", "5 d ago" */
export function agoText(at: number, now: number): string {
  const ago = Math.max(0, now - at);
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
  return `${Math.floor(ago / DAY)} d ago`;
}

/** "kept 29 more days" / "goes back in 5 h" — when the mail expires (returned or destroyed). */
export function expiresText(m: Pick<MailSummary, 'expiresAt' | 'kind'>, now: number): string {
  const left = Math.max(0, m.expiresAt - now);
  const when =
    left >= 2 * DAY
      ? `${Math.floor(left / DAY)} days`
      : left >= HOUR
        ? `${Math.floor(left / HOUR)} h`
        : `${Math.max(1, Math.ceil(left / MINUTE))} min`;
  return m.kind === 'player' ? `goes back to its sender in ${when}` : `deleted in ${when}`;
}

// ---- compose --------------------------------------------------------------------

export interface DraftAttachment {
  itemId: string;
  templateId: string;
  /** how many of the stack go (the whole stack: its quantity) */
  quantity: number;
  /** the stack in the bag */
  stack: number;
}

export interface MailDraft {
  to: string;
  subject: string;
  body: string;
  /** as typed */
  eddies: string;
  cod: string;
  attachments: DraftAttachment[];
}

export const EMPTY_DRAFT: MailDraft = {
  to: '',
  subject: '',
  body: '',
  eddies: '',
  cod: '',
  attachments: [],
};

/** A typed eddies amount: '' is 0; anything but whole non-negative eddies is null. */
export function parseEddies(s: string): number | null {
  const t = s.trim().replace(/[ ,_]/g, '');
  if (t === '') return 0;
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

export interface PostagePreview {
  postage: number;
  /** eddies put in the mail */
  eddies: number;
  /** postage + eddies: what leaves the purse */
  total: number;
  /** the purse can pay it (unknown purse: true) */
  affordable: boolean;
}

export function postagePreview(d: MailDraft, purse: number | null): PostagePreview {
  const postage = mailPostage(d.attachments.length);
  const eddies = parseEddies(d.eddies) ?? 0;
  const total = postage + eddies;
  return { postage, eddies, total, affordable: purse === null || total <= purse };
}

export type DraftField = 'to' | 'subject' | 'body' | 'eddies' | 'cod' | 'attachments' | '_';
export type DraftErrors = Partial<Record<DraftField, string>>;

const firstIssue = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? undefined : (r.error?.issues[0]?.message ?? 'Invalid');

function eddiesError(s: string, what: string): string | undefined {
  const n = parseEddies(s);
  if (n === null) return `${what}: whole eddies only`;
  if (n > MAIL_EDDIES_MAX) return `${what}: at most ${yen(MAIL_EDDIES_MAX)}`;
  return undefined;
}

/**
 * What the compose form says before sending (field → message; `_` the form's own):
 * the server refuses the same, this only saves the round trip.
 */
export function validateDraft(
  d: MailDraft,
  ctx: { selfName: string | null; purse: number | null },
): DraftErrors {
  const e: DraftErrors = {};
  const to = d.to.trim();
  if (!to) e.to = 'Who is it for?';
  else if (!CharacterNameRefSchema.safeParse(to).success) e.to = 'No such character';
  else if (ctx.selfName && to.toLowerCase() === ctx.selfName.toLowerCase())
    e.to = 'You cannot mail yourself.';
  if (!d.subject.trim()) e.subject = 'Give the mail a subject';
  else e.subject = firstIssue(MailSubjectSchema.safeParse(d.subject));
  e.body = firstIssue(MailBodySchema.safeParse(d.body));
  e.eddies = eddiesError(d.eddies, 'Eddies');
  e.cod = eddiesError(d.cod, 'Cash on delivery');
  if (!e.cod && (parseEddies(d.cod) ?? 0) > 0 && d.attachments.length === 0)
    e.cod = 'Cash on delivery needs an attached item';
  if (d.attachments.length > MAIL_ATTACHMENTS_MAX)
    e.attachments = `At most ${MAIL_ATTACHMENTS_MAX} attachments`;
  if (!e.eddies) {
    const p = postagePreview(d, ctx.purse);
    if (!p.affordable)
      e._ = `Not enough eddies: ${yen(p.total)} needed (postage ${yen(p.postage)}${p.eddies > 0 ? ` + ${yen(p.eddies)} sent` : ''}).`;
  }
  for (const k of Object.keys(e) as DraftField[]) if (e[k] === undefined) delete e[k];
  return e;
}

/** What mail.send is asked, without the character and the key (useMailActions adds them). */
export type MailSendTerms = Omit<MailSendInput, 'characterId' | 'idempotencyKey'>;

/** The draft as mail.send takes it (call after validateDraft found nothing). */
export function toSendInput(d: MailDraft): MailSendTerms {
  return {
    to: d.to.trim(),
    subject: d.subject,
    body: d.body,
    eddies: parseEddies(d.eddies) ?? 0,
    cod: parseEddies(d.cod) ?? 0,
    attachments: d.attachments.map((a) =>
      a.quantity < a.stack ? { itemId: a.itemId, quantity: a.quantity } : { itemId: a.itemId },
    ),
  };
}

/**
 * Attaches a bag stack (or part of it) to the draft; the same stack again changes
 * how many. Refused past MAIL_ATTACHMENTS_MAX or for a bound item: the message.
 */
export function attach(
  d: MailDraft,
  item: { id: string; templateId: string; quantity: number; bound: boolean },
  quantity = item.quantity,
): MailDraft | string {
  if (item.bound) return 'Bound items cannot be mailed.';
  const q = Math.max(1, Math.min(item.quantity, Math.trunc(quantity)));
  const next: DraftAttachment = {
    itemId: item.id,
    templateId: item.templateId,
    quantity: q,
    stack: item.quantity,
  };
  if (d.attachments.some((a) => a.itemId === item.id))
    return { ...d, attachments: d.attachments.map((a) => (a.itemId === item.id ? next : a)) };
  if (d.attachments.length >= MAIL_ATTACHMENTS_MAX)
    return `A mail carries at most ${MAIL_ATTACHMENTS_MAX} items.`;
  return { ...d, attachments: [...d.attachments, next] };
}

export const detach = (d: MailDraft, itemId: string): MailDraft => ({
  ...d,
  attachments: d.attachments.filter((a) => a.itemId !== itemId),
});

/**
 * Attachments whose stack left the bag (sold, equipped, dropped) go; a stack that
 * shrank keeps at most what is left.
 */
export function pruneAttachments(
  d: MailDraft,
  bag: ReadonlyMap<string, { quantity: number }>,
): MailDraft {
  let changed = false;
  const attachments: DraftAttachment[] = [];
  for (const a of d.attachments) {
    const now = bag.get(a.itemId);
    if (!now) {
      changed = true;
      continue;
    }
    if (now.quantity !== a.stack) {
      changed = true;
      attachments.push({ ...a, stack: now.quantity, quantity: Math.min(a.quantity, now.quantity) });
    } else attachments.push(a);
  }
  return changed ? { ...d, attachments } : d;
}

/** "at once" · "in 42 min" · "in 3 h": how long until a mail arrives. */
export function waitText(ms: number): string {
  if (ms < MINUTE) return 'at once';
  if (ms < 2 * HOUR) return `in ${Math.ceil(ms / MINUTE)} min`;
  return `in ${Math.ceil(ms / HOUR)} h`;
}

/** "Mail sent to Ana (postage ¥10) — it arrives in 60 min." / "… it arrives at once." */
export function sentText(r: { to: string; postage: number; deliverAt: number }, now: number) {
  return `Mail sent to ${r.to} (postage ${yen(r.postage)}) — it arrives ${waitText(r.deliverAt - now)}.`;
}

/** Whether a draft carries anything of value (then its delay depends on the recipient). */
export const draftCarriesValue = (d: MailDraft): boolean =>
  d.attachments.length > 0 || (parseEddies(d.eddies) ?? 0) > 0 || (parseEddies(d.cod) ?? 0) > 0;

const trustDays = (ms: number) => Math.round(ms / DAY);

/**
 * The line above Send: when this mail will arrive and why — from the server's quote
 * (mail.quote; null while there is none yet) — before anything is sent.
 */
export function deliveryText(
  q: Pick<MailQuote, 'delayMs' | 'reason'> | null,
  d: MailDraft,
): string {
  if (!q)
    return draftCarriesValue(d)
      ? 'With items or eddies: who it is for decides when it arrives.'
      : 'Text only: it arrives at once.';
  const when = `Arrives ${waitText(q.delayMs)}`;
  // the operator turned the delay off (MAIL_DELIVERY_DELAY_MINUTES=0): nothing to explain
  if (q.delayMs === 0 && (q.reason === 'stranger' || q.reason === 'new_account')) return `${when}.`;
  switch (q.reason) {
    case 'text':
      return `${when}: text only.`;
    case 'friends':
      return `${when}: friends for ${trustDays(MAIL_TRUST_FRIENDS_MS)}+ days.`;
    case 'guildmates':
      return `${when}: guildmates for ${trustDays(MAIL_TRUST_GUILD_MS)}+ days.`;
    case 'new_account':
      return `${when}: an account younger than ${trustDays(MAIL_TRUST_ACCOUNT_MS)} days waits (anti-laundering).`;
    case 'stranger':
      return `${when}: items and eddies wait, but not between friends or guildmates of ${trustDays(MAIL_TRUST_FRIENDS_MS)}+ days (anti-laundering).`;
  }
}

/** A Sent row's state: "arrives in 42 min" · "delivered 3 h ago" · "returned to you". */
export function sentStateText(
  m: Pick<SentMailSummary, 'state' | 'deliverAt'>,
  now: number,
): string {
  if (m.state === 'returned') return 'returned to you';
  if (m.state === 'on_its_way' && m.deliverAt > now)
    return `arrives ${waitText(m.deliverAt - now)}`;
  return `delivered ${agoText(m.deliverAt, now)}`;
}
