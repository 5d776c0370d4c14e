import { describe, expect, it } from 'vitest';
import type { ChatItemLink } from '@necp/shared';
import { linePieces, linksInLine } from './item-links';

const link = (itemId: string, name: string): ChatItemLink => ({
  itemId,
  templateId: 't',
  name,
  rarity: 'rare',
  quantity: 1,
  durability: null,
  maxDurability: null,
});

describe('chat item links', () => {
  it('sends the links still named in the line, once each, at most three', () => {
    const pending = [
      { itemId: 'a', name: 'Stim' },
      { itemId: 'b', name: 'Katana' },
      { itemId: 'a', name: 'Stim' },
      { itemId: 'c', name: 'Gone' },
    ];
    expect(linksInLine('wts [Stim] and [Katana]', pending)).toEqual(['a', 'b']);
    const many = ['p', 'q', 'r', 's'].map((id) => ({ itemId: id, name: id }));
    expect(linksInLine('[p][q][r][s]', many)).toEqual(['p', 'q', 'r']);
  });

  it('cuts a line into text and links, in order, two links of one name each taking its own', () => {
    expect(linePieces('plain', undefined)).toEqual([{ text: 'plain' }]);
    const k1 = link('1', 'Katana');
    const k2 = link('2', 'Katana');
    const s = link('3', 'Stim');
    expect(linePieces('[Stim] or [Katana], [Katana]!', [k1, k2, s])).toEqual([
      { link: s },
      { text: ' or ' },
      { link: k1 },
      { text: ', ' },
      { link: k2 },
      { text: '!' },
    ]);
  });
});
