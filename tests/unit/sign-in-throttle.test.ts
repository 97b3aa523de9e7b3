import { describe, expect, it } from "vitest";
import { LinkRequestThrottle, SignInThrottle, SlidingWindowLimiter } from "~/lib/sign-in-throttle.server";

const MINUTE = 60_000;

function clock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("SlidingWindowLimiter", () => {
  it("blocks a key once it has `limit` events in the window, until the oldest leaves it", () => {
    const time = clock();
    const limiter = new SlidingWindowLimiter({ limit: 3, windowMs: 10 * MINUTE, now: time.now });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterSeconds("a")).toBe(0);
      limiter.hit("a");
      time.advance(MINUTE);
    }
    // Events at 0, 1 and 2 minutes; now 3 minutes: the first leaves the window at 10 minutes.
    expect(limiter.retryAfterSeconds("a")).toBe(7 * 60);
    expect(limiter.retryAfterSeconds("b")).toBe(0);
    time.advance(7 * MINUTE - 1);
    expect(limiter.retryAfterSeconds("a")).toBe(1);
    time.advance(1);
    expect(limiter.retryAfterSeconds("a")).toBe(0);
  });

  it("forgets a key on reset", () => {
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: MINUTE });
    limiter.hit("a");
    expect(limiter.retryAfterSeconds("a")).toBeGreaterThan(0);
    limiter.reset("a");
    expect(limiter.retryAfterSeconds("a")).toBe(0);
  });

  it("keeps memory bounded: expired keys are swept, then the least recently used dropped", () => {
    const time = clock();
    const limiter = new SlidingWindowLimiter({ limit: 2, windowMs: MINUTE, now: time.now, maxKeys: 3 });
    limiter.hit("old-1");
    limiter.hit("old-2");
    time.advance(2 * MINUTE);
    limiter.hit("a");
    limiter.hit("b");
    expect(limiter.size).toBe(2);
    limiter.hit("c");
    limiter.hit("a");
    limiter.hit("d");
    expect(limiter.size).toBe(3);
    // "b" was the least recently used and is gone; "a" is still counted.
    expect(limiter.retryAfterSeconds("a")).toBeGreaterThan(0);
  });
});

describe("SignInThrottle", () => {
  it("refuses the sixth attempt after five failures of one address at one account, for 15 minutes", () => {
    const time = clock();
    const throttle = new SignInThrottle({ now: time.now });
    for (let i = 0; i < 5; i++) {
      expect(throttle.check("10.0.0.1", "anna@example.se")).toEqual({ allowed: true });
      throttle.recordFailure("10.0.0.1", "anna@example.se");
    }
    expect(throttle.check("10.0.0.1", "anna@example.se")).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
    // Another address may still try that account; this address may try another account.
    expect(throttle.check("10.0.0.2", "anna@example.se")).toEqual({ allowed: true });
    expect(throttle.check("10.0.0.1", "lars@example.se")).toEqual({ allowed: true });
    time.advance(15 * MINUTE);
    expect(throttle.check("10.0.0.1", "anna@example.se")).toEqual({ allowed: true });
  });

  it("clears the count of an address and account on success", () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 4; i++) throttle.recordFailure("10.0.0.1", "anna@example.se");
    throttle.recordSuccess("10.0.0.1", "anna@example.se");
    for (let i = 0; i < 4; i++) throttle.recordFailure("10.0.0.1", "anna@example.se");
    expect(throttle.check("10.0.0.1", "anna@example.se").allowed).toBe(true);
  });

  it("slows down one address trying many accounts", () => {
    const throttle = new SignInThrottle({ perAddress: 20 });
    for (let i = 0; i < 20; i++) throttle.recordFailure("10.0.0.1", `person-${i}@example.se`);
    expect(throttle.check("10.0.0.1", "someone-new@example.se").allowed).toBe(false);
    expect(throttle.check("10.0.0.2", "someone-new@example.se").allowed).toBe(true);
  });

  it("slows down many addresses guessing at one account", () => {
    const throttle = new SignInThrottle({ perEmail: 50 });
    for (let i = 0; i < 50; i++) throttle.recordFailure(`10.0.1.${i}`, "anna@example.se");
    expect(throttle.check("10.0.2.1", "anna@example.se").allowed).toBe(false);
    expect(throttle.check("10.0.2.1", "lars@example.se").allowed).toBe(true);
  });
});

describe("LinkRequestThrottle", () => {
  it("allows three mails per account and twenty requests per address in 15 minutes", () => {
    const time = clock();
    const throttle = new LinkRequestThrottle({ now: time.now });
    for (let i = 0; i < 3; i++) expect(throttle.take("10.0.0.1", "anna@example.se").allowed).toBe(true);
    expect(throttle.take("10.0.0.1", "anna@example.se").allowed).toBe(false);
    expect(throttle.take("10.0.0.9", "anna@example.se").allowed).toBe(false);
    for (let i = 0; i < 17; i++) expect(throttle.take("10.0.0.1", `p${i}@example.se`).allowed).toBe(true);
    expect(throttle.take("10.0.0.1", "another@example.se")).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
    time.advance(15 * MINUTE);
    expect(throttle.take("10.0.0.1", "anna@example.se").allowed).toBe(true);
  });
});
