import { describe, expect, it } from 'vitest';
import {
  CONTRACT_QUANTITY_MAX,
  MAIL_ATTACHMENTS_MAX,
  NPC_TEMPLATES,
  contractPostFee,
  type ContractView,
} from '@necp/shared';
import {
  askText,
  clockText,
  clockUrgent,
  contractActions,
  hoursText,
  maxQuantity,
  parseCount,
  postCost,
  progressText,
  ratingText,
  rulingText,
  searchTargets,
  splitMine,
  starsPct,
  targetOptions,
} from './contracts-view';

const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

const contract = (o: Partial<ContractView> = {}): ContractView => ({
  id: 'c1',
  kind: 'deliver',
  targetId: 'scrap_metal',
  targetName: 'Scrap Metal',
  quantity: 30,
  progress: 0,
  reward: 500,
  collateral: 200,
  fee: contractPostFee(500),
  rewardItem: null,
  note: '',
  state: 'posted',
  poster: { id: 'p', name: 'Vex', rating: { score: 4.3, count: 12 } },
  taker: null,
  postedAt: iso(0),
  acceptBy: iso(72 * H),
  deliverH: 24,
  deadline: null,
  releaseAt: null,
  closedAt: null,
  you: 'other',
  canRate: false,
  ...o,
});

describe('the contract board', () => {
  it('offers targets from the game’s own lists: no quest items, enemies by name, crafted outputs', () => {
    const deliver = targetOptions('deliver');
    expect(deliver.some((t) => t.id === 'scrap_metal')).toBe(true);
    expect(deliver.every((t) => !t.id.startsWith('quest_'))).toBe(true);
    expect(
      targetOptions('kill')
        .map((t) => t.id)
        .sort(),
    ).toEqual(NPC_TEMPLATES.map((n) => n.id).sort());
    const craft = targetOptions('craft');
    expect(craft.some((t) => t.id === 'knife_combat')).toBe(true);
    expect(new Set(craft.map((t) => t.id)).size).toBe(craft.length);
    const names = deliver.map((t) => t.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(searchTargets(deliver, '  SCRAP ').map((t) => t.id)).toContain('scrap_metal');
    expect(searchTargets(deliver, '', 5)).toHaveLength(5);
  });

  it('caps a contract at the kind’s limit and at what one mail carries', () => {
    expect(maxQuantity('kill', 'tyger_claws_punk')).toBe(CONTRACT_QUANTITY_MAX.kill);
    expect(maxQuantity('deliver', 'scrap_metal')).toBe(
      Math.min(CONTRACT_QUANTITY_MAX.deliver, MAIL_ATTACHMENTS_MAX * 99),
    );
    // a piece of gear stacks by one: six pieces fit a mail
    expect(maxQuantity('craft', 'knife_combat')).toBe(MAIL_ATTACHMENTS_MAX);
    expect(maxQuantity('deliver', null)).toBe(CONTRACT_QUANTITY_MAX.deliver);
    expect(parseCount('30', 594)).toBe(30);
    expect(parseCount('0', 594)).toBeNull();
    expect(parseCount('595', 594)).toBeNull();
    expect(parseCount('1.5', 594)).toBeNull();
  });

  it('shows what posting costs: the reward held and the fee kept', () => {
    expect(postCost(500)).toEqual({ fee: contractPostFee(500), total: 500 + contractPostFee(500) });
    expect(postCost(10).fee).toBe(1);
    expect(askText(contract())).toBe('Deliver 30 × Scrap Metal');
    expect(hoursText(2)).toBe('2 h');
    expect(hoursText(168)).toBe('7 d');
  });

  it('says a rating in stars and words, and "new" with none', () => {
    expect(ratingText({ score: 4.3, count: 12 })).toBe('4.3 ★ (12)');
    expect(ratingText({ score: null, count: 0 })).toBe('new');
    expect(starsPct(4.3)).toBe(86);
    expect(starsPct(null)).toBe(0);
    expect(starsPct(9)).toBe(100);
  });

  it('runs the clock that matters in each state, red in the last hour', () => {
    expect(clockText(contract(), 0)).toBe('open 3 d 0 h · 24 h to deliver');
    const taken = contract({ state: 'accepted', you: 'taker', deadline: iso(5 * H) });
    expect(clockText(taken, 0)).toBe('deliver within 5 h 0 m');
    expect(clockUrgent(taken, 0)).toBe(false);
    expect(clockUrgent(taken, 4.5 * H)).toBe(true);
    expect(clockText(contract({ state: 'delivered', releaseAt: iso(72 * H) }), 0)).toBe(
      'pays out in 3 d 0 h',
    );
    expect(clockText(contract({ state: 'disputed' }), 0)).toBe('with a moderator');
    expect(clockText(contract({ state: 'confirmed' }), 0)).toBeNull();
  });

  it('counts progress where there is some', () => {
    expect(progressText(contract())).toBeNull();
    expect(progressText(contract({ state: 'accepted' }))).toBeNull();
    expect(
      progressText(contract({ kind: 'kill', state: 'accepted', progress: 4, quantity: 10 })),
    ).toBe('4 / 10');
    expect(progressText(contract({ state: 'delivered', progress: 30 }))).toBe('30 / 30');
  });

  it('offers each side only the moves the state table gives it', () => {
    const none = {
      accept: false,
      cancel: false,
      abandon: false,
      deliver: false,
      confirm: false,
      dispute: false,
      evidence: false,
      rate: false,
    };
    expect(contractActions(contract(), 0)).toEqual({ ...none, accept: true });
    // the window closed: not even the board's Accept
    expect(contractActions(contract(), 73 * H).accept).toBe(false);
    expect(contractActions(contract({ you: 'poster' }), 0)).toEqual({ ...none, cancel: true });
    const taken = { state: 'accepted' as const, deadline: iso(24 * H) };
    expect(contractActions(contract({ ...taken, you: 'taker' }), 0)).toEqual({
      ...none,
      abandon: true,
      deliver: true,
    });
    expect(contractActions(contract({ ...taken, you: 'taker' }), 25 * H).deliver).toBe(false);
    // a bounty is delivered once the kills make the number
    const bounty = { ...taken, you: 'taker' as const, kind: 'kill' as const, quantity: 10 };
    expect(contractActions(contract({ ...bounty, progress: 9 }), 0).deliver).toBe(false);
    expect(contractActions(contract({ ...bounty, progress: 10 }), 0).deliver).toBe(true);
    expect(contractActions(contract({ ...taken, you: 'poster' }), 0)).toEqual(none);
    expect(contractActions(contract({ state: 'delivered', you: 'poster' }), 0)).toEqual({
      ...none,
      confirm: true,
      dispute: true,
    });
    expect(contractActions(contract({ state: 'delivered', you: 'taker' }), 0)).toEqual(none);
    expect(contractActions(contract({ state: 'disputed', you: 'taker' }), 0)).toEqual({
      ...none,
      evidence: true,
    });
    expect(contractActions(contract({ state: 'disputed', you: 'other' }), 0).evidence).toBe(false);
    expect(
      contractActions(contract({ state: 'confirmed', you: 'taker', canRate: true }), 0).rate,
    ).toBe(true);
    expect(
      contractActions(contract({ state: 'arbitrated', you: 'poster', canRate: false }), 0).rate,
    ).toBe(false);
  });

  it('puts running contracts before finished ones, and says a ruling', () => {
    const list = [
      contract({ id: 'a', state: 'confirmed' }),
      contract({ id: 'b', state: 'accepted' }),
      contract({ id: 'c', state: 'disputed' }),
    ];
    const { running, finished } = splitMine(list);
    expect(running.map((c) => c.id)).toEqual(['b', 'c']);
    expect(finished.map((c) => c.id)).toEqual(['a']);
    expect(rulingText('release', 50)).toBe('Released to the taker');
    expect(rulingText('refund', 50)).toBe('Refunded to the poster');
    expect(rulingText('split', 60)).toBe('Split: 60 % to the taker, 40 % to the poster');
  });
});
