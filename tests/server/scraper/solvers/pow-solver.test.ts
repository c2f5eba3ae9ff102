import { createHash } from 'node:crypto';
import { findPowChallenge, solvePow } from '../../../../server/scraper/solvers/pow-solver';

const zeroBits = (hexDigest: string) => {
  const bits = BigInt(`0x1${hexDigest}`).toString(2).slice(1);
  return bits.length - bits.replace(/^0+/, '').length;
};
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('findPowChallenge', () => {
  it('reads the challenge, difficulty and action from meta tags', () => {
    const html = `<head>
      <meta name="pow-challenge" content="abc.123.f00">
      <meta content='12' name='pow-difficulty'>
      <META NAME="pow-action" CONTENT="/verify?a=1&amp;b=2">
    </head>`;
    expect(findPowChallenge(html)).toEqual({ challenge: 'abc.123.f00', difficulty: 12, action: '/verify?a=1&b=2' });
  });

  it('finds no wall on an ordinary page or an incomplete description', () => {
    expect(findPowChallenge('<html><head><meta name="description" content="x"></head></html>')).toBeNull();
    expect(
      findPowChallenge('<meta name="pow-challenge" content="abc"><meta name="pow-action" content="/v">'),
    ).toBeNull();
    const tooHard = '<meta name="pow-challenge" content="a"><meta name="pow-difficulty" content="200">';
    expect(findPowChallenge(`${tooHard}<meta name="pow-action" content="/v">`)).toBeNull();
    const fractional = '<meta name="pow-challenge" content="a"><meta name="pow-difficulty" content="1.5">';
    expect(findPowChallenge(`${fractional}<meta name="pow-action" content="/v">`)).toBeNull();
  });
});

describe('solvePow', () => {
  it('returns a decimal nonce whose hash has the leading zero bits asked for', () => {
    for (const difficulty of [0, 4, 12, 16]) {
      const nonce = solvePow('challenge-é', difficulty, Date.now() + 10_000);
      expect(nonce).toMatch(/^\d+$/);
      expect(zeroBits(sha256(`challenge-é${nonce}`))).toBeGreaterThanOrEqual(difficulty);
    }
  });

  it('returns the first such nonce, so a smaller one never qualifies', () => {
    const nonce = Number(solvePow('first', 10, Date.now() + 10_000));
    for (let candidate = 0; candidate < nonce; candidate++) {
      expect(zeroBits(sha256(`first${candidate}`))).toBeLessThan(10);
    }
  });

  it('gives up with null once the deadline has passed', () => {
    const started = Date.now();
    expect(solvePow('never', 32, started + 50)).toBeNull();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
