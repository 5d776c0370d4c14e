import { describe, expect, it } from 'vitest';
import { parseDisplaySettings } from './display-settings';

describe('display settings, as stored in a browser', () => {
  it('rain by default, none for a browser that asks for reduced motion until it chooses', () => {
    expect(parseDisplaySettings(null, false)).toEqual({ weather: true, maxFps: 0 });
    expect(parseDisplaySettings(null, true)).toEqual({ weather: false, maxFps: 0 });
    expect(parseDisplaySettings('{"weather":true}', true)).toEqual({ weather: true, maxFps: 0 });
  });

  it("the frame-rate cap: the screen's rate by default, 60 or 30 when chosen", () => {
    expect(parseDisplaySettings('{"weather":false,"maxFps":30}', false)).toEqual({
      weather: false,
      maxFps: 30,
    });
    expect(parseDisplaySettings('{"maxFps":60}', false)).toEqual({ weather: true, maxFps: 60 });
  });

  it('drop what is not a setting', () => {
    for (const raw of ['', 'nope', '{"weather":"yes"}', '[true]', '{"weather":null}', '\u0000'])
      expect(parseDisplaySettings(raw, false)).toEqual({ weather: true, maxFps: 0 });
    // a cap the menu does not offer (a hand-edited value) is the screen's rate
    for (const maxFps of [5, -1, 1e9, '30', null, 30.5])
      expect(parseDisplaySettings(JSON.stringify({ maxFps }), false).maxFps).toBe(0);
  });
});
