/** What a person reads at a glance from a device's state: its key reading, whether it is on. */

import { formatNumber, t } from './i18n';
import type { Device } from './types';

const TEMPERATURE = ['temperature-humidity-sensor.temperature', 'environment.temperature'];
const HUMIDITY = ['temperature-humidity-sensor.relative-humidity', 'environment.relative-humidity'];

function value(device: Device, path: string): unknown {
  return device.state[path]?.value;
}

function first(device: Device, paths: readonly string[]): number | null {
  for (const path of paths) {
    const v = value(device, path);
    if (typeof v === 'number') return v;
  }
  return null;
}

/** The room temperature a device measures (sensors and air conditioners), or null. */
export function temperatureOf(device: Device): number | null {
  return first(device, TEMPERATURE);
}

export function humidityOf(device: Device): number | null {
  return first(device, HUMIDITY);
}

/** True/false for a device with a main ``on`` switch, null for one without. */
export function isOn(device: Device): boolean | null {
  for (const [path, entry] of Object.entries(device.state)) {
    if (path.endsWith('.on') && typeof entry.value === 'boolean') return entry.value;
  }
  return null;
}

/** Locked (true), unlocked (false), or null when the device is not a lock. */
export function lockedOf(device: Device): boolean | null {
  const v = value(device, 'lock.locked');
  return typeof v === 'boolean' ? v : null;
}

/** Open (true), closed (false), or null when the device is no door or window contact. */
export function openOf(device: Device): boolean | null {
  const v = value(device, 'magnet-sensor.contact-state');
  return typeof v === 'boolean' ? !v : null;
}

/** The one line a tile shows: the reading a person checks first, in words and units. */
export function glanceLine(device: Device): string {
  if (!device.online) return t('device.unavailable');
  const locked = lockedOf(device);
  if (locked !== null) return t(locked ? 'glance.locked' : 'glance.unlocked');
  const open = openOf(device);
  if (open !== null) return t(open ? 'glance.open' : 'glance.closed');
  const motion = value(device, 'motion-sensor.motion-state');
  if (typeof motion === 'boolean') return t(motion ? 'glance.motion' : 'glance.no_motion');
  const parts: string[] = [];
  const on = isOn(device);
  if (on !== null) parts.push(t(on ? 'glance.on' : 'glance.off'));
  const brightness = value(device, 'light.brightness');
  if (on && typeof brightness === 'number') parts.push(`${formatNumber(brightness, 0)}%`);
  const position = value(device, 'curtain.current-position');
  if (typeof position === 'number') parts.push(t('glance.position', { value: formatNumber(position, 0) }));
  const temperature = temperatureOf(device);
  if (temperature !== null) parts.push(`${formatNumber(temperature, 1)}°C`);
  const humidity = humidityOf(device);
  if (humidity !== null && on === null) parts.push(`${formatNumber(humidity, 0)}%`);
  const pm = value(device, 'environment.pm2.5-density');
  if (typeof pm === 'number') parts.push(`PM2.5 ${formatNumber(pm, 0)}`);
  const battery = value(device, 'battery.battery-level');
  if (parts.length === 0 && typeof battery === 'number') parts.push(t('glance.battery', { value: formatNumber(battery, 0) }));
  const power = value(device, 'power-meter.electric-power');
  if (typeof power === 'number' && power >= 1) {
    parts.push(power >= 1000 ? `${formatNumber(power / 1000, 1)} kW` : `${formatNumber(power, 0)} W`);
  }
  return parts.join(' · ');
}
