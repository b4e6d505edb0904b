/** A nonce for a scan or walk-in; old browsers without randomUUID get time and randomness, unique enough per device. */
export function uuid(): string {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
