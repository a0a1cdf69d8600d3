/** Each person's favourite devices, kept on this phone (they outlive signing out, unlike the cache). */

const PREFIX = 'orbithub.favourites.';
const events = new EventTarget();
let owner = '';

/** Whose favourites the app shows (the signed-in user name). */
export function setFavouritesOwner(username: string): void {
  owner = username;
  events.dispatchEvent(new Event('change'));
}

export function favourites(): string[] {
  if (!owner) return [];
  try {
    const ids = JSON.parse(localStorage.getItem(PREFIX + owner) ?? '[]') as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function isFavourite(id: string): boolean {
  return favourites().includes(id);
}

/** Add or remove a device; listeners of ``onFavouritesChange`` re-render. */
export function setFavourite(id: string, on: boolean): void {
  if (!owner) return;
  const ids = favourites().filter((x) => x !== id);
  if (on) ids.push(id);
  try {
    localStorage.setItem(PREFIX + owner, JSON.stringify(ids));
  } catch {
    // Storage full or disabled: the star simply does not stick on this phone.
  }
  events.dispatchEvent(new Event('change'));
}

export function onFavouritesChange(listener: () => void): () => void {
  events.addEventListener('change', listener);
  return () => events.removeEventListener('change', listener);
}
