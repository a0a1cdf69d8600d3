/** What a person reads at a glance from a device's state: its key reading, whether it is on. */

import { formatValue } from './controls';
import { formatNumber, t } from './i18n';
import type { Device } from './types';

// A room's reading, from whichever wire: MIoT sensors, Home Assistant and zigbee2mqtt sensors
// (``environment``) and thermostats (``thermostat``). Not a water heater's or a car cabin's.
const TEMPERATURE = ['temperature-humidity-sensor.temperature', 'environment.temperature', 'thermostat.temperature'];
const HUMIDITY = ['temperature-humidity-sensor.relative-humidity', 'environment.relative-humidity', 'thermostat.relative-humidity'];

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

/** China's air quality bands for PM2.5 (24 h, µg/m³), which the people reading it know. */
export function airWord(pm: number): 'kind.air_good' | 'kind.air_moderate' | 'kind.air_poor' {
  if (pm <= 35) return 'kind.air_good';
  if (pm <= 75) return 'kind.air_moderate';
  return 'kind.air_poor';
}

/** The PM2.5 a device reads, or null. */
export function pm25Of(device: Device): number | null {
  const v = matching(device, /\.pm2\.5-density$/);
  return typeof v === 'number' ? v : null;
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

/** The value of the first property whose path matches ``pattern`` (any service suffix). */
function matching(device: Device, pattern: RegExp): unknown {
  const path = Object.keys(device.state).find((p) => pattern.test(p));
  return path === undefined ? undefined : device.state[path].value;
}

/** Whether the device is an air purifier (by its spec's service, as its page is picked). */
function isPurifier(device: Device): boolean {
  return device.spec?.services.some((s) => s.name === 'air-purifier') ?? Object.keys(device.state).some((p) => p.startsWith('air-purifier.'));
}

/** What a vacuum or a charger is doing, in words ("Sweeping", "Charging"), when its spec is known. */
function activity(device: Device): string | null {
  for (const service of device.spec?.services ?? []) {
    if (!/^(vacuum|charger)/.test(service.name)) continue;
    const prop = service.properties.find((p) => (p.name === 'status' || p.name === 'charging-state') && p.values);
    const v = prop ? device.state[prop.path]?.value : undefined;
    if (prop && v !== undefined) return formatValue(prop, v);
  }
  return null;
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
  const pm = pm25Of(device);
  if (isPurifier(device) && pm !== null) {
    // A purifier's tile leads with the air it cleans: the room's temperature is a sensor's job.
    const running = isOn(device);
    if (running !== null) parts.push(t(running ? 'glance.on' : 'glance.off'));
    parts.push(t('glance.pm25', { value: formatNumber(pm, 0), band: t(airWord(pm)) }));
    return parts.join(' · ');
  }
  const doing = activity(device);
  const on = isOn(device);
  if (on !== null && !(on && doing)) parts.push(t(on ? 'glance.on' : 'glance.off'));
  if (doing) parts.push(doing);
  const brightness = matching(device, /^light[^.]*\.brightness$/);
  if (on && typeof brightness === 'number') parts.push(`${formatNumber(brightness, 0)}%`);
  const position = matching(device, /\.current-position$/);
  if (typeof position === 'number') parts.push(t('glance.position', { value: formatNumber(position, 0) }));
  const temperature = temperatureOf(device);
  if (temperature !== null) parts.push(`${formatNumber(temperature, 1)}°C`);
  const humidity = humidityOf(device);
  if (humidity !== null && on === null) parts.push(`${formatNumber(humidity, 0)}%`);
  if (pm !== null) parts.push(t('glance.pm25', { value: formatNumber(pm, 0), band: t(airWord(pm)) }));
  const battery = value(device, 'battery.battery-level');
  if ((parts.length === 0 || doing) && typeof battery === 'number') parts.push(t('glance.battery', { value: formatNumber(battery, 0) }));
  const power = value(device, 'power-meter.electric-power');
  if (typeof power === 'number' && power >= 1) {
    parts.push(power >= 1000 ? `${formatNumber(power / 1000, 1)} kW` : `${formatNumber(power, 0)} W`);
  }
  return parts.join(' · ');
}
