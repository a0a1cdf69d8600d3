/** Web Push: subscribe this browser with the hub's VAPID key, through the service worker. */

import { api } from './api';

/** Whether this browser can receive push at all. */
export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** Ask permission, subscribe, and hand the subscription to the hub. False when not possible. */
export async function enablePush(): Promise<boolean> {
  if (!pushSupported()) return false;
  const key = await api.optional<Record<string, string>>('/api/push/key').catch(() => null);
  const publicKey = key?.public_key ?? key?.key ?? key?.vapid_public_key;
  if (!publicKey) return false;
  if ((await Notification.requestPermission()) !== 'granted') return false;
  const registration = await navigator.serviceWorker.ready;
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlBytes(publicKey) }));
  await api.request('POST', '/api/push/subscriptions', subscription.toJSON());
  return true;
}

function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = (text + '='.repeat((4 - (text.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}
