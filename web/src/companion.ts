/** The phone as a companion: location and battery readings reported to the hub while the app is open. */

import { api } from './api';

const SETTING_KEY = 'orbithub.companion';
const PHONE_KEY = 'orbithub.companion.phone';
const MIN_INTERVAL_MS = 60_000;

interface BatteryManager extends EventTarget {
  level: number;
  charging: boolean;
}

/** The phone's registration: its device id and the device token that signs its reports. */
interface Phone {
  device_id: string;
  token: string;
}

interface Report {
  location?: { latitude: number; longitude: number; accuracy: number | null; speed: number | null };
  battery?: { level: number; charging: boolean | null };
}

let watch: number | null = null;
let lastSent = 0;

export function companionEnabled(): boolean {
  return localStorage.getItem(SETTING_KEY) === 'on';
}

/** Turn companion reporting on or off (off by default); on starts it at once. */
export async function setCompanion(on: boolean): Promise<void> {
  localStorage.setItem(SETTING_KEY, on ? 'on' : 'off');
  if (on) await startCompanion();
  else stopCompanion();
}

/** Register this phone with the hub once and start reporting, if the user turned it on. */
export async function startCompanion(): Promise<void> {
  if (!companionEnabled() || watch !== null) return;
  const phone = await registered();
  const battery = await readBattery();
  if (!('geolocation' in navigator)) {
    if (battery) await report(phone, { battery });
    return;
  }
  watch = navigator.geolocation.watchPosition(
    (position) => {
      const now = Date.now();
      // A phone moves a lot; one report a minute is enough for presence and geofences.
      if (now - lastSent < MIN_INTERVAL_MS) return;
      lastSent = now;
      const { latitude, longitude, accuracy, speed } = position.coords;
      void readBattery().then((b) =>
        report(phone, { location: { latitude, longitude, accuracy, speed }, ...(b ? { battery: b } : {}) }),
      );
    },
    () => {
      if (battery) void report(phone, { battery });
    },
    { enableHighAccuracy: false, maximumAge: 60_000 },
  );
}

/** Forget this phone's registration (on sign-out: the next person registers their own). */
export function forgetCompanion(): void {
  stopCompanion();
  localStorage.removeItem(PHONE_KEY);
}

export function stopCompanion(): void {
  if (watch !== null) navigator.geolocation.clearWatch(watch);
  watch = null;
}

async function registered(): Promise<Phone> {
  const kept = JSON.parse(localStorage.getItem(PHONE_KEY) ?? 'null') as Phone | null;
  if (kept) return kept;
  const name = navigator.userAgent.includes('Mobile') ? 'Phone (web app)' : 'Browser (web app)';
  const phone = await api.request<Phone>('POST', '/api/companion/register', { name });
  localStorage.setItem(PHONE_KEY, JSON.stringify(phone));
  return phone;
}

async function readBattery(): Promise<{ level: number; charging: boolean } | null> {
  const nav = navigator as Navigator & { getBattery?: () => Promise<BatteryManager> };
  if (!nav.getBattery) return null;
  try {
    const b = await nav.getBattery();
    return { level: Math.round(b.level * 100), charging: b.charging };
  } catch {
    return null;
  }
}

/** Send one reading, signed with the phone's own token (not the user's). */
async function report(phone: Phone, reading: Report): Promise<void> {
  const response = await fetch('/api/companion/report', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${phone.token}` },
    body: JSON.stringify({ ...reading, time: Date.now() / 1000 }),
  }).catch(() => null);
  if (response?.status === 401) {
    // The hub revoked this phone: forget it; the next start registers it again.
    localStorage.removeItem(PHONE_KEY);
    stopCompanion();
  }
}

