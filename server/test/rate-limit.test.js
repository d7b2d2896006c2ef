// The per-address POST limit, with a clock the test moves.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rateLimiter } from '../rate-limit.js';

describe('rateLimiter', () => {
  it('allows max POSTs per address and window, then says how long to wait', () => {
    let time = 1_000;
    const limiter = rateLimiter({ max: 2, windowMs: 60_000, now: () => time });
    assert.deepEqual([limiter.hit('a'), limiter.hit('a')], [{ ok: true }, { ok: true }]);
    time += 15_000;
    assert.deepEqual(limiter.hit('a'), { ok: false, retryAfterMs: 45_000 });
    assert.deepEqual(limiter.hit('b'), { ok: true }, 'another address counts on its own');
  });

  it('starts a new window once the old one has passed', () => {
    let time = 0;
    const limiter = rateLimiter({ max: 1, windowMs: 1000, now: () => time });
    limiter.hit('a');
    assert.equal(limiter.hit('a').ok, false);
    time = 1000;
    assert.equal(limiter.hit('a').ok, true);
  });

  it('remembers at most maxAddresses, forgetting the oldest window first', () => {
    let time = 0;
    const limiter = rateLimiter({ max: 1, windowMs: 60_000, maxAddresses: 3, now: () => time });
    for (const address of ['a', 'b', 'c']) limiter.hit(address);
    time += 1;
    limiter.hit('d');
    assert.equal(limiter.hit('a').ok, true, 'a was forgotten, so it starts again');
    assert.equal(limiter.hit('c').ok, false, 'c is still counted');
  });
});
