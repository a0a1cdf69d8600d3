/** The air conditioner or thermostat: target in steps, the room's reading beside it, mode and fan. */

import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { humidityOf, temperatureOf } from '../glance';
import { formatNumber, t } from '../i18n';
import { store } from '../store';
import type { Device } from '../types';
import { KindPanel } from './device-panel';

@customElement('orbit-climate-panel')
export class ClimatePanel extends KindPanel {
  render(): TemplateResult | typeof nothing {
    const device = this.device;
    const p = this.kind?.props;
    if (!device || !p?.target) return nothing;
    const on = p.on ? this.value(p.on) !== false : true;
    return this.frame(
      device,
      p.on,
      html`${this.stepper(device, p.target)}
        <p class="beside muted" data-room>${this.room(device)}</p>
        ${on ? nothing : html`<p class="beside muted">${t('kind.climate_off')}</p>`}
        ${p.mode ? this.segments(device, p.mode) : nothing}
        ${p.fan ? this.segments(device, p.fan) : nothing}`,
    );
  }

  /** The room's temperature and humidity: the device's own sensor, else one in the same room. */
  private room(device: Device): string {
    const p = this.kind?.props;
    const own = this.number(p?.temperature);
    const neighbour = own === null && device.room_id ? store.all().find((d) => d.room_id === device.room_id && temperatureOf(d) !== null) : undefined;
    const temperature = own ?? (neighbour ? temperatureOf(neighbour) : null);
    if (temperature === null) return '';
    const humidity = this.number(p?.humidity) ?? (neighbour ? humidityOf(neighbour) : null);
    const reading = `${formatNumber(temperature, 1)}°C${humidity !== null ? ` · ${formatNumber(humidity, 0)}%` : ''}`;
    return t('kind.room_now', { reading });
  }
}
