/**
 * Slowing down repeated failed sign-ins and link requests.
 *
 * LIMITATION: the counters live in this process's memory. They are lost on restart and are not
 * shared between processes, so behind several portal processes each counts on its own (an attacker
 * gets the limit once per process). For one process, as the portal runs today, that is enough;
 * with more, move the counters to a shared store (Postgres or Redis) behind the same interface.
 * The client's address is `req.ip`, so behind a reverse proxy TRUST_PROXY must be set (see
 * server/index.ts), or every client looks like the proxy and they share one budget.
 */

export type Clock = () => number;

export interface LimiterOptions {
  /** How many events a key may have within the window. */
  limit: number;
  windowMs: number;
  now?: Clock;
  /** A bound on memory: when more keys than this are tracked, expired ones are swept, then the oldest dropped. */
  maxKeys?: number;
}

/** Counts events per key in a sliding window; a key is blocked while it has `limit` events in it. */
export class SlidingWindowLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly now: Clock;
  private readonly maxKeys: number;
  private readonly events = new Map<string, number[]>();

  constructor({ limit, windowMs, now = Date.now, maxKeys = 50_000 }: LimiterOptions) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
    this.maxKeys = maxKeys;
  }

  /** Seconds until `key` may act again; 0 when it may act now. */
  retryAfterSeconds(key: string): number {
    const times = this.recent(key);
    if (times.length < this.limit) return 0;
    const oldestThatCounts = times[times.length - this.limit] ?? this.now();
    return Math.max(1, Math.ceil((oldestThatCounts + this.windowMs - this.now()) / 1000));
  }

  hit(key: string): void {
    const times = this.recent(key);
    times.push(this.now());
    // Only the last `limit` events matter for the decision.
    if (times.length > this.limit) times.splice(0, times.length - this.limit);
    this.events.delete(key);
    this.events.set(key, times);
    if (this.events.size > this.maxKeys) this.sweep();
  }

  reset(key: string): void {
    this.events.delete(key);
  }

  /** How many keys are tracked (for tests). */
  get size(): number {
    return this.events.size;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const times = (this.events.get(key) ?? []).filter((time) => time > cutoff);
    if (times.length === 0) this.events.delete(key);
    return times;
  }

  private sweep(): void {
    const cutoff = this.now() - this.windowMs;
    for (const [key, times] of this.events) {
      if ((times.at(-1) ?? 0) <= cutoff) this.events.delete(key);
    }
    // Still too many: drop the least recently used (Map keeps insertion order; hit() re-inserts).
    for (const key of this.events.keys()) {
      if (this.events.size <= this.maxKeys) break;
      this.events.delete(key);
    }
  }
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

function decide(limiters: [SlidingWindowLimiter, string][]): ThrottleDecision {
  const wait = Math.max(0, ...limiters.map(([limiter, key]) => limiter.retryAfterSeconds(key)));
  return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
}

export interface SignInThrottleOptions {
  now?: Clock;
  windowMs?: number;
  /** Failures of one address at one account: the everyday limit. */
  perAddressAndEmail?: number;
  /** Failures of one address at any accounts (one address trying many accounts). */
  perAddress?: number;
  /**
   * Failures at one account from any address (distributed guessing). Higher, so that someone who
   * wants to lock a person out has to work for it.
   */
  perEmail?: number;
}

/**
 * Failed password sign-ins. After `perAddressAndEmail` failures (5) within 15 minutes, that
 * address's attempts at that account are refused until the window passes; a success clears that
 * pair's count (not the address's or the account's, so one good account does not reset guessing).
 */
export class SignInThrottle {
  private readonly pair: SlidingWindowLimiter;
  private readonly address: SlidingWindowLimiter;
  private readonly email: SlidingWindowLimiter;

  constructor({ now, windowMs = FIFTEEN_MINUTES, perAddressAndEmail = 5, perAddress = 20, perEmail = 50 }: SignInThrottleOptions = {}) {
    this.pair = new SlidingWindowLimiter({ limit: perAddressAndEmail, windowMs, now });
    this.address = new SlidingWindowLimiter({ limit: perAddress, windowMs, now });
    this.email = new SlidingWindowLimiter({ limit: perEmail, windowMs, now });
  }

  check(address: string, email: string): ThrottleDecision {
    return decide(this.keys(address, email));
  }

  recordFailure(address: string, email: string): void {
    for (const [limiter, key] of this.keys(address, email)) limiter.hit(key);
  }

  recordSuccess(address: string, email: string): void {
    this.pair.reset(pairKey(address, email));
  }

  private keys(address: string, email: string): [SlidingWindowLimiter, string][] {
    return [
      [this.pair, pairKey(address, email)],
      [this.address, address],
      [this.email, email],
    ];
  }
}

export interface LinkRequestThrottleOptions {
  now?: Clock;
  windowMs?: number;
  /** Link and reset requests from one address. */
  perAddress?: number;
  /** Mails to one account (so nobody can flood a mailbox through the portal). */
  perEmail?: number;
}

/** Requests for sign-in links and password resets; every request counts, sent or not. */
export class LinkRequestThrottle {
  private readonly address: SlidingWindowLimiter;
  private readonly email: SlidingWindowLimiter;

  constructor({ now, windowMs = FIFTEEN_MINUTES, perAddress = 20, perEmail = 3 }: LinkRequestThrottleOptions = {}) {
    this.address = new SlidingWindowLimiter({ limit: perAddress, windowMs, now });
    this.email = new SlidingWindowLimiter({ limit: perEmail, windowMs, now });
  }

  /** Counts this request and says whether a mail may be sent for it. */
  take(address: string, email: string): ThrottleDecision {
    const decision = decide([
      [this.address, address],
      [this.email, email],
    ]);
    if (decision.allowed) {
      this.address.hit(address);
      this.email.hit(email);
    }
    return decision;
  }
}

function pairKey(address: string, email: string): string {
  return `${address}\n${email}`;
}

/** The portal's counters (one process; see the limitation above). */
export const signInThrottle = new SignInThrottle();
export const linkRequestThrottle = new LinkRequestThrottle();
