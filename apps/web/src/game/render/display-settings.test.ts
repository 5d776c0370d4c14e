import { describe, expect, it } from 'vitest';
import { parseDisplaySettings } from './display-settings';

describe('display settings, as stored in a browser', () => {
  it('rain by default, none for a browser that asks for reduced motion until it chooses', () => {
    expect(parseDisplaySettings(null, false)).toEqual({ weather: true });
    expect(parseDisplaySettings(null, true)).toEqual({ weather: false });
    expect(parseDisplaySettings('{"weather":true}', true)).toEqual({ weather: true });
  });

  it('drop what is not a setting', () => {
    for (const raw of ['', 'nope', '{"weather":"yes"}', '[true]', '{"weather":null}', '\u0000'])
      expect(parseDisplaySettings(raw, false)).toEqual({ weather: true });
  });
});
