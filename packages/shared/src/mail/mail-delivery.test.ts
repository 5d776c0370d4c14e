import { describe, expect, it } from 'vitest';
import {
  MAIL_TRUST_ACCOUNT_MS,
  MAIL_TRUST_FRIENDS_MS,
  MAIL_TRUST_GUILD_MS,
  mailDelivery,
  type MailRelationship,
} from './mail-delivery';
import { MAIL_DELIVERY_DELAY_MS, mailPostage } from './mail-rules';

const NOW = Date.UTC(2026, 10, 27, 12);
const DAY = 86_400_000;
const OLD = NOW - 30 * DAY;
const strangers: MailRelationship = {
  friendsSince: null,
  guildmatesSince: null,
  senderAccountSince: OLD,
  recipientAccountSince: OLD,
};
const ITEM = { attachments: 1, eddies: 0, cod: 0 };
const at = (
  relationship: Partial<MailRelationship>,
  contents = ITEM,
  strangerDelayMs = MAIL_DELIVERY_DELAY_MS,
) =>
  mailDelivery({
    contents,
    relationship: { ...strangers, ...relationship },
    strangerDelayMs,
    now: NOW,
  });

describe('mail delivery delay', () => {
  it('text only arrives at once, whoever it is for', () => {
    expect(at({}, { attachments: 0, eddies: 0, cod: 0 })).toEqual({ delayMs: 0, reason: 'text' });
  });

  it('items, eddies or a COD between strangers wait the operator’s delay', () => {
    for (const contents of [
      ITEM,
      { attachments: 0, eddies: 1, cod: 0 },
      { attachments: 1, eddies: 0, cod: 5 },
    ])
      expect(at({}, contents)).toEqual({ delayMs: MAIL_DELIVERY_DELAY_MS, reason: 'stranger' });
    expect(at({}, ITEM, 5 * 60_000).delayMs).toBe(5 * 60_000);
  });

  it('friends of standing, both accounts aged: at once; a day short of standing: the full delay', () => {
    expect(at({ friendsSince: NOW - MAIL_TRUST_FRIENDS_MS })).toEqual({
      delayMs: 0,
      reason: 'friends',
    });
    expect(at({ friendsSince: NOW - MAIL_TRUST_FRIENDS_MS + 1 })).toEqual({
      delayMs: MAIL_DELIVERY_DELAY_MS,
      reason: 'stranger',
    });
  });

  it('guildmates together long enough: at once; newly joined: the full delay', () => {
    expect(at({ guildmatesSince: NOW - MAIL_TRUST_GUILD_MS })).toEqual({
      delayMs: 0,
      reason: 'guildmates',
    });
    expect(at({ guildmatesSince: NOW - DAY }).reason).toBe('stranger');
  });

  it('a young account on either side keeps the delay, even between old friends', () => {
    const friends = { friendsSince: OLD, guildmatesSince: OLD };
    const young = NOW - MAIL_TRUST_ACCOUNT_MS + 1;
    expect(at({ ...friends, senderAccountSince: young })).toEqual({
      delayMs: MAIL_DELIVERY_DELAY_MS,
      reason: 'new_account',
    });
    expect(at({ ...friends, recipientAccountSince: young }).reason).toBe('new_account');
    expect(at({ ...friends, recipientAccountSince: NOW - MAIL_TRUST_ACCOUNT_MS }).reason).toBe(
      'friends',
    );
  });

  it('postage is within a level-1 purse: the day-1 login reward pays for five one-item mails', () => {
    expect(mailPostage(0)).toBe(5);
    expect(mailPostage(1)).toBe(10);
    expect(mailPostage(6)).toBe(35);
  });
});
