/** The shape of one language of the app: adding a language is adding a file beside this one. */

import type { messages } from './en';

/** A key of a message; English (``en.ts``) has every key, and so must every language. */
export type MessageKey = keyof typeof messages;

export interface Locale {
  /** BCP 47 code, as the phone's ``navigator.language`` gives it (``de``, ``zh-CN``). */
  code: string;
  /** The language's name in itself, for the language menu. */
  label: string;
  /** The language of texts the hub writes itself (it writes English and Chinese). */
  server: 'en' | 'zh';
  messages: Record<MessageKey, string>;
  /** Spec names (properties, actions, value descriptions) by their English name. */
  spec: Record<string, string>;
}
