import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_SCORE, passwordUserInputs, ratePassword } from './password-strength';

const inputs = passwordUserInputs({ username: 'Neo_Runner', email: 'neo.runner@example.com' });

describe('ratePassword', () => {
  it.each([
    ['password12', /commonly used password/],
    ['          ', /Repeated characters/],
    ['Neo_Runner2024', /username, your email/],
    ['neo.runner@example.com', /username, your email/],
    ['qwertyuiop', /too easy to guess/],
    // the game's own words (issue 25: these passed)
    ['Cyberpunk2077', /name of the game/],
    ['NightCity2077', /name of the game/],
    ['Necp2024!!', /name of the game/],
    ['Arasaka-Watson', /name of the game/],
  ])('refuses %j with a helpful message', async (password, message) => {
    const r = await ratePassword(password, inputs);
    expect(r.ok).toBe(false);
    expect(r.score).toBeLessThan(MIN_PASSWORD_SCORE);
    expect(r.message).toMatch(/^This password is too easy to guess\. /);
    expect(r.message).toMatch(message);
  });

  it('still accepts a good password that merely mentions the game', async () => {
    expect(await ratePassword('vortex Arasaka plum ledger 88', inputs)).toMatchObject({ ok: true });
    expect(await ratePassword('t7#Qm!x9Lw@2', inputs)).toMatchObject({ ok: true });
  });

  it('accepts a long passphrase of unrelated words', async () => {
    expect(await ratePassword('correct horse battery staple', inputs)).toEqual({
      score: 4,
      ok: true,
      message: null,
    });
  });

  it('the same password is refused for the account it names and accepted for another', async () => {
    const pw = 'Neo_Runner_2077';
    expect(await ratePassword(pw, inputs)).toMatchObject({ ok: false });
    expect(await ratePassword(pw, passwordUserInputs({ username: 'someone_else' }))).toMatchObject({
      ok: true,
    });
  });

  it('rates absurdly long input by its first 128 characters (the rater’s cost grows with length)', async () => {
    const long = await ratePassword('a'.repeat(100_000));
    expect(long.ok).toBe(false);
    expect(long).toEqual(await ratePassword('a'.repeat(128)));
    // what follows the cap changes nothing
    expect(await ratePassword(`${'Neo_Runner_2077!'.repeat(8)}${'z'.repeat(50_000)}`)).toEqual(
      await ratePassword('Neo_Runner_2077!'.repeat(8)),
    );
  });
});

describe('passwordUserInputs', () => {
  it('lists the username and the email with its local part, lower-cased', () => {
    expect(passwordUserInputs({ username: 'Neo_Runner', email: ' Neo@X.io ' })).toEqual([
      'Neo_Runner',
      'neo_runner',
      'neo@x.io',
      'neo',
    ]);
  });
});
