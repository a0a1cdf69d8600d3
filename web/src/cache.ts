/** What was last seen, kept on this device so the offline app still shows the home as it was. */

const PREFIX = 'orbithub.cache.';

/** Keep ``value`` under ``key`` (quota errors only mean there is nothing to show offline). */
export function remember(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the app still works online.
  }
}

/** What was kept under ``key``, or null. */
export function recall<T>(key: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(PREFIX + key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

/** Forget everything kept (on sign-out: the next person on this phone sees none of it). */
export function forgetAll(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  }
}
