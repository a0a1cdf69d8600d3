/** The app's languages (one file each under ``locales/``), the chosen one, and its texts.

Every file in ``locales/`` that exports ``locale`` is a language of the app: adding a language
is adding a file. English has every key; TypeScript refuses a language that misses one.
*/

import type { Locale, MessageKey } from './locales/locale';

export type { MessageKey } from './locales/locale';

const found = import.meta.glob<{ locale?: Locale }>('./locales/*.ts', { eager: true });
const LOCALES: Locale[] = Object.values(found)
  .map((module) => module.locale)
  .filter((locale): locale is Locale => locale !== undefined)
  // English first (the fallback), then by code: the menu's order does not depend on file order.
  .sort((a, b) => (a.code === 'en' ? -1 : b.code === 'en' ? 1 : a.code.localeCompare(b.code)));

/** The languages the app speaks, for the language menus. */
export const LANGUAGES: readonly { code: string; label: string }[] = LOCALES.map(({ code, label }) => ({ code, label }));

export type Language = string;

const STORAGE_KEY = 'orbithub.language';
const events = new EventTarget();

/** The app's language closest to ``wanted`` (``de-AT`` -> ``de``, ``zh`` -> ``zh-CN``), or null. */
export function matchLanguage(wanted: string | null | undefined): Language | null {
  if (!wanted) return null;
  const lower = wanted.toLowerCase();
  const exact = LOCALES.find((l) => l.code.toLowerCase() === lower);
  if (exact) return exact.code;
  const base = lower.split('-')[0];
  return LOCALES.find((l) => l.code.toLowerCase().split('-')[0] === base)?.code ?? null;
}

function detect(): Language {
  const saved = matchLanguage(localStorage.getItem(STORAGE_KEY));
  if (saved) return saved;
  for (const wanted of navigator.languages ?? [navigator.language]) {
    const match = matchLanguage(wanted);
    if (match) return match;
  }
  return 'en';
}

let current: Language = detect();
let texts: Locale = LOCALES.find((l) => l.code === current) ?? LOCALES[0];
document.documentElement.lang = current;

/** The language the app speaks now. */
export function language(): Language {
  return current;
}

/** Whether the language was chosen on this phone (not just detected from the browser). */
export function languageChosen(): boolean {
  return matchLanguage(localStorage.getItem(STORAGE_KEY)) !== null;
}

/** The language of texts the hub writes (``en`` or ``zh``) closest to the app's. */
export function serverLanguage(): 'en' | 'zh' {
  return texts.server;
}

/** Switch the language, remember it on this device, and re-render whoever listens. */
export function setLanguage(next: Language): void {
  const match = matchLanguage(next);
  if (!match) return;
  localStorage.setItem(STORAGE_KEY, match);
  if (match === current) return;
  current = match;
  texts = LOCALES.find((l) => l.code === current) ?? LOCALES[0];
  document.documentElement.lang = match;
  events.dispatchEvent(new Event('change'));
}

/** Call ``listener`` whenever the language changes; returns the function that stops it. */
export function onLanguageChange(listener: () => void): () => void {
  events.addEventListener('change', listener);
  return () => events.removeEventListener('change', listener);
}

/** The text for ``key`` in the current language, with ``{name}`` placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = texts.messages[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** A spec name (property, action or value description) in the current language. */
export function specText(name: string, fallback: string): string {
  return texts.spec[name] ?? texts.spec[fallback] ?? fallback;
}

/** A device's or room's name: in Chinese, its first Chinese alias when it has one. */
export function localName(name: string, aliases: readonly string[] = []): string {
  if (texts.server !== 'zh') return name;
  return aliases.find((a) => /[\u4e00-\u9fff]/.test(a)) ?? name;
}

const UNITS: Record<string, string> = {
  celsius: '°C',
  percentage: '%',
  kelvin: 'K',
  watt: 'W',
  kWh: 'kWh',
  volt: 'V',
  ampere: 'A',
  km: 'km',
  'km/h': 'km/h',
  meters: 'm',
  m2: 'm²',
  degree: '°',
};

/** A unit as people write it (``celsius`` -> ``°C``). */
export function unitSymbol(unit: string | null | undefined): string {
  if (!unit || unit === 'none') return '';
  return UNITS[unit] ?? unit;
}

/** A time as a short date and time in the current language, in ``timeZone`` when given. */
export function formatTime(epochSeconds: number, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  try {
    return new Date(epochSeconds * 1000).toLocaleString(current, { ...options, timeZone });
  } catch {
    // An unknown zone name: the phone's own zone is the best guess.
    return new Date(epochSeconds * 1000).toLocaleString(current, options);
  }
}

/** A number with at most ``digits`` decimals, in the current language's style. */
export function formatNumber(value: number, digits = 1): string {
  return value.toLocaleString(current, { maximumFractionDigits: digits });
}
