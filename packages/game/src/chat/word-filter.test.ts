import { describe, expect, it } from 'vitest';
import { createWordFilter } from './word-filter';

describe('the chat word filter', () => {
  const filter = createWordFilter(['gonk', 'corpo rat', 'bad|regex[']);

  it('masks what it matches, keeping the first letter and the rest of the message', () => {
    expect(filter.mask('what the fuck, choom')).toBe('what the f***, choom');
    expect(filter.mask('you gonk')).toBe('you g***');
    expect(filter.mask('a CORPO RAT again')).toBe('a C******** again');
  });

  it('sees through disguises and leaves clean text alone', () => {
    expect(filter.mask('fuuuuck')).not.toContain('uuu');
    expect(filter.mask('meet me at the metro at 9')).toBe('meet me at the metro at 9');
    // operator words that are not plain words are ignored, not compiled as patterns
    expect(filter.mask('bad|regex[')).toBe('bad|regex[');
  });
});
