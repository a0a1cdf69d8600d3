/** Devices as last seen, shared by every view: changes from commands and the live socket land here. */

import { api } from './api';
import type { Device, Spec, Value } from './types';

class DeviceStore extends EventTarget {
  private readonly devices = new Map<string, Device>();
  private readonly specs = new Map<string, Promise<Spec | null>>();

  get(id: string): Device | undefined {
    return this.devices.get(id);
  }

  all(): Device[] {
    return [...this.devices.values()];
  }

  /** Replace what is known of these devices (a list answer or a live snapshot). */
  put(devices: readonly Device[]): void {
    for (const device of devices) {
      const old = this.devices.get(device.id);
      this.devices.set(device.id, { ...device, spec: device.spec ?? old?.spec });
      if (device.spec) this.specs.set(device.id, Promise.resolve(device.spec));
    }
    this.changed();
  }

  /** Apply one property value the hub confirmed or reported. */
  setValue(id: string, path: string, value: Value, time?: number): void {
    const device = this.devices.get(id);
    if (!device) return;
    const state = { ...device.state, [path]: { ...device.state[path], value, last_changed: time } };
    this.devices.set(id, { ...device, state });
    this.changed();
  }

  setOnline(id: string, online: boolean): void {
    const device = this.devices.get(id);
    if (!device) return;
    this.devices.set(id, { ...device, online });
    this.changed();
  }

  /** The spec of a device: from the list when it came with it, else from ``GET /api/devices/{id}``. */
  spec(id: string): Promise<Spec | null> {
    let spec = this.specs.get(id);
    if (!spec) {
      spec = api
        .get<Device>(`/api/devices/${encodeURIComponent(id)}`)
        .then((device) => {
          this.put([device]);
          return device.spec ?? null;
        })
        .catch(() => {
          this.specs.delete(id);
          return null;
        });
      this.specs.set(id, spec);
    }
    return spec;
  }

  clear(): void {
    this.devices.clear();
    this.specs.clear();
    this.changed();
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

export const store = new DeviceStore();
