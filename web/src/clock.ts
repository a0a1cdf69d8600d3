/** The hub's clock as the app last heard it: charts and "today" follow the hub, not the phone. */

let hubAt = 0;
let phoneAt = 0;

/** Note the hub's time from an answer (``now`` of ``/api/summary`` or of a history). */
export function noteHubTime(now: number): void {
  if (!Number.isFinite(now)) return;
  hubAt = now;
  phoneAt = Date.now() / 1000;
}

/** The hub's time now: the last time it told plus what has passed on this phone since. */
export function hubNow(): number {
  if (hubAt === 0) return Date.now() / 1000;
  return hubAt + (Date.now() / 1000 - phoneAt);
}
