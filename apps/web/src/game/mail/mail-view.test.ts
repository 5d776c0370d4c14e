import { describe, expect, it } from 'vitest';
import {
  MAIL_ATTACHMENTS_MAX,
  MAIL_POSTAGE_BASE,
  MAIL_POSTAGE_PER_ATTACHMENT,
  MAIL_SUBJECT_MAX,
} from '@necp/shared';
import {
  EMPTY_DRAFT,
  agoText,
  attach,
  detach,
  expiresText,
  mailActions,
  mailBadges,
  mergePages,
  parseEddies,
  postagePreview,
  pruneAttachments,
  deliveryText,
  sentStateText,
  sentText,
  sortInbox,
  waitText,
  toSendInput,
  unreadBadge,
  validateDraft,
  type MailDraft,
} from './mail-view';

const att = (itemId: string, quantity = 1) => ({
  itemId,
  templateId: 'stim_basic',
  quantity,
  durability: null,
});
const mail = (over: Partial<Parameters<typeof mailActions>[0]> = {}) => ({
  kind: 'player' as const,
  fromId: 'c-ana',
  attachments: [] as ReturnType<typeof att>[],
  eddies: 0,
  cod: 0,
  ...over,
});
const item = (id: string, quantity = 1, bound = false) => ({
  id,
  templateId: 'stim_basic',
  quantity,
  bound,
});
const ctx = { selfName: 'Vee', purse: 1000 };
const draft = (over: Partial<MailDraft> = {}): MailDraft => ({
  ...EMPTY_DRAFT,
  to: 'Jackie',
  subject: 'hi',
  ...over,
});

describe('inbox', () => {
  it('sorts newest first, the larger id first at the same instant', () => {
    const m = [
      { id: 'a', arrivedAt: 1 },
      { id: 'c', arrivedAt: 5 },
      { id: 'b', arrivedAt: 5 },
    ];
    expect(sortInbox(m).map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });
  it('merges pages: each mail once, newest first', () => {
    const pages = [
      { items: [{ id: 'b', arrivedAt: 9 }] },
      {
        items: [
          { id: 'b', arrivedAt: 9 },
          { id: 'a', arrivedAt: 2 },
        ],
      },
      { items: [{ id: 'z', arrivedAt: 10 }] },
    ];
    expect(mergePages(pages).map((x) => x.id)).toEqual(['z', 'b', 'a']);
  });
  it('badges what a mail carries and owes, COD first', () => {
    expect(mailBadges(mail())).toEqual([]);
    const full = mailBadges(mail({ attachments: [att('i1'), att('i2')], eddies: 1500, cod: 25 }));
    expect(full.map((b) => [b.kind, b.text])).toEqual([
      ['cod', 'COD ¥25'],
      ['items', '▦ 2'],
      ['eddies', '¥1,500'],
    ]);
    expect(mailBadges(mail({ kind: 'returned' })).map((b) => b.kind)).toEqual(['returned']);
    expect(mailBadges(mail({ kind: 'system', fromId: null })).map((b) => b.kind)).toEqual([
      'system',
    ]);
  });
  it('counts unread for the action bar: nothing at 0 or unknown, 99+ beyond', () => {
    expect(unreadBadge(null)).toBeNull();
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(3)).toBe('3');
    expect(unreadBadge(100)).toBe('99+');
  });
  it('says when it arrived and when it expires', () => {
    const now = 10 * 86_400_000;
    expect(agoText(now - 10_000, now)).toBe('just now');
    expect(agoText(now - 12 * 60_000, now)).toBe('12 min ago');
    expect(agoText(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(agoText(now + 5_000, now)).toBe('just now');
    expect(expiresText({ kind: 'player', expiresAt: now + 29.5 * 86_400_000 }, now)).toBe(
      'goes back to its sender in 29 days',
    );
    expect(expiresText({ kind: 'system', expiresAt: now + 5 * 3_600_000 }, now)).toBe(
      'deleted in 5 h',
    );
  });
});

describe('what an opened mail offers', () => {
  it('cash on delivery: only pay (or return); nothing to take or delete', () => {
    const a = mailActions(mail({ attachments: [att('i1')], cod: 40 }));
    expect(a).toMatchObject({
      payCod: true,
      takeAll: false,
      takeItem: false,
      takeEddies: false,
      returnToSender: true,
      delete: false,
    });
  });
  it('items and eddies to take; delete once empty', () => {
    expect(mailActions(mail({ attachments: [att('i1')], eddies: 5 }))).toMatchObject({
      payCod: false,
      takeAll: true,
      takeEddies: true,
      delete: false,
    });
    expect(mailActions(mail())).toMatchObject({ takeAll: false, takeEddies: false, delete: true });
  });
  it('system and returned mail cannot be returned', () => {
    expect(mailActions(mail({ kind: 'system', fromId: null })).returnToSender).toBe(false);
    expect(mailActions(mail({ kind: 'returned' })).returnToSender).toBe(false);
  });
});

describe('compose', () => {
  it('parses typed eddies: blank is 0, separators allowed, anything else null', () => {
    expect(parseEddies('')).toBe(0);
    expect(parseEddies(' 1,500 ')).toBe(1500);
    expect(parseEddies('-3')).toBeNull();
    expect(parseEddies('1.5')).toBeNull();
    expect(parseEddies('abc')).toBeNull();
  });
  it('previews the postage from the shared rules, with the eddies sent', () => {
    const two = draft({
      eddies: '100',
      attachments: [
        { itemId: 'a', templateId: 't', quantity: 1, stack: 1 },
        { itemId: 'b', templateId: 't', quantity: 1, stack: 1 },
      ],
    });
    const postage = MAIL_POSTAGE_BASE + 2 * MAIL_POSTAGE_PER_ATTACHMENT;
    expect(postagePreview(two, 1000)).toEqual({
      postage,
      eddies: 100,
      total: postage + 100,
      affordable: true,
    });
    expect(postagePreview(draft(), null).postage).toBe(MAIL_POSTAGE_BASE);
    expect(postagePreview(two, postage + 99).affordable).toBe(false);
  });
  it('accepts a good draft and names every bad field', () => {
    expect(validateDraft(draft(), ctx)).toEqual({});
    const e = validateDraft({ ...EMPTY_DRAFT, to: '', subject: '  ', eddies: 'x', cod: '5' }, ctx);
    expect(e).toEqual({
      to: 'Who is it for?',
      subject: 'Give the mail a subject',
      eddies: 'Eddies: whole eddies only',
      cod: 'Cash on delivery needs an attached item',
    });
    expect(validateDraft(draft({ to: 'no spaces' }), ctx).to).toBe('No such character');
    expect(validateDraft(draft({ to: 'vee' }), ctx).to).toBe('You cannot mail yourself.');
    expect(validateDraft(draft({ subject: 'a\nb' }), ctx).subject).toBe('The subject is one line');
    expect(validateDraft(draft({ subject: 'x'.repeat(MAIL_SUBJECT_MAX + 1) }), ctx).subject).toBe(
      `At most ${MAIL_SUBJECT_MAX} characters`,
    );
    expect(validateDraft(draft({ body: 'bad\u0000' }), ctx).body).toBeTruthy();
  });
  it('refuses what the purse cannot pay, with the sum', () => {
    const e = validateDraft(draft({ eddies: '50' }), { selfName: 'Vee', purse: 54 });
    expect(e._).toBe('Not enough eddies: ¥55 needed (postage ¥5 + ¥50 sent).');
    expect(validateDraft(draft(), { selfName: null, purse: null })).toEqual({});
  });
  it('attaches bag stacks up to the limit, never a bound one; again changes how many', () => {
    let d: MailDraft = draft();
    for (let i = 0; i < MAIL_ATTACHMENTS_MAX; i++) {
      const next = attach(d, item(`i${i}`));
      if (typeof next === 'string') throw new Error(next);
      d = next;
    }
    expect(attach(d, item('one-more'))).toBe(
      `A mail carries at most ${MAIL_ATTACHMENTS_MAX} items.`,
    );
    expect(attach(draft(), item('b', 1, true))).toBe('Bound items cannot be mailed.');
    const part = attach(draft(), item('s', 10), 4);
    if (typeof part === 'string') throw new Error(part);
    expect(part.attachments).toEqual([
      { itemId: 's', templateId: 'stim_basic', quantity: 4, stack: 10 },
    ]);
    const again = attach(part, item('s', 10), 99);
    if (typeof again === 'string') throw new Error(again);
    expect(again.attachments).toEqual([
      { itemId: 's', templateId: 'stim_basic', quantity: 10, stack: 10 },
    ]);
    expect(detach(again, 's').attachments).toEqual([]);
  });
  it('drops attachments that left the bag and caps those that shrank', () => {
    const d = draft({
      attachments: [
        { itemId: 'gone', templateId: 't', quantity: 1, stack: 1 },
        { itemId: 'less', templateId: 't', quantity: 5, stack: 5 },
        { itemId: 'same', templateId: 't', quantity: 2, stack: 3 },
      ],
    });
    const bag = new Map([
      ['less', { quantity: 3 }],
      ['same', { quantity: 3 }],
    ]);
    expect(pruneAttachments(d, bag).attachments).toEqual([
      { itemId: 'less', templateId: 't', quantity: 3, stack: 3 },
      { itemId: 'same', templateId: 't', quantity: 2, stack: 3 },
    ]);
    const whole = new Map([
      ['gone', { quantity: 1 }],
      ['less', { quantity: 5 }],
      ['same', { quantity: 3 }],
    ]);
    expect(pruneAttachments(d, whole)).toBe(d);
  });
  it('builds the send input: whole stacks without a quantity, part stacks with one', () => {
    const d = draft({
      to: ' Jackie ',
      eddies: '1,000',
      cod: '25',
      attachments: [
        { itemId: 'a', templateId: 't', quantity: 1, stack: 1 },
        { itemId: 'b', templateId: 't', quantity: 2, stack: 5 },
      ],
    });
    expect(toSendInput(d)).toEqual({
      to: 'Jackie',
      subject: 'hi',
      body: '',
      eddies: 1000,
      cod: 25,
      attachments: [{ itemId: 'a' }, { itemId: 'b', quantity: 2 }],
    });
  });
  it('tells the sender when it arrives', () => {
    expect(sentText({ to: 'Jackie', postage: 60, deliverAt: 1000 }, 1000)).toBe(
      'Mail sent to Jackie (postage ¥60) — it arrives at once.',
    );
    expect(sentText({ to: 'Jackie', postage: 60, deliverAt: 3_600_000 }, 0)).toBe(
      'Mail sent to Jackie (postage ¥60) — it arrives in 60 min.',
    );
  });

  it('says before Send when it will arrive, and why', () => {
    const item = draft({
      attachments: [{ itemId: 'i1', templateId: 'stim_basic', quantity: 1, stack: 1 }],
    });
    expect(deliveryText(null, draft())).toBe('Text only: it arrives at once.');
    expect(deliveryText(null, item)).toMatch(/who it is for decides/);
    expect(deliveryText({ delayMs: 0, reason: 'friends' }, item)).toBe(
      'Arrives at once: friends for 2+ days.',
    );
    expect(deliveryText({ delayMs: 0, reason: 'guildmates' }, item)).toBe(
      'Arrives at once: guildmates for 2+ days.',
    );
    expect(deliveryText({ delayMs: 3_600_000, reason: 'stranger' }, item)).toMatch(
      /^Arrives in 60 min: items and eddies wait/,
    );
    expect(deliveryText({ delayMs: 3_600_000, reason: 'new_account' }, item)).toMatch(
      /^Arrives in 60 min: an account younger than 7 days/,
    );
    expect(waitText(3 * 3_600_000)).toBe('in 3 h');
    expect(deliveryText({ delayMs: 0, reason: 'stranger' }, item)).toBe('Arrives at once.');
  });

  it('a sent mail: on its way with the time left, delivered, returned', () => {
    const now = 10_000_000;
    expect(sentStateText({ state: 'on_its_way', deliverAt: now + 42 * 60_000 }, now)).toBe(
      'arrives in 42 min',
    );
    // the list is older than the clock: arrived meanwhile
    expect(sentStateText({ state: 'on_its_way', deliverAt: now - 60_000 }, now)).toBe(
      'delivered 1 min ago',
    );
    expect(sentStateText({ state: 'delivered', deliverAt: now - 3 * 3_600_000 }, now)).toBe(
      'delivered 3 h ago',
    );
    expect(sentStateText({ state: 'returned', deliverAt: now }, now)).toBe('returned to you');
  });
});
