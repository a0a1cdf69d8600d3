/** A sensor: its readings first, in words and units — temperature, humidity, PM2.5, the door open
or closed, the last motion "3 min ago" — and its battery. */

import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api } from '../api';
import { hubNow } from '../clock';
import { airWord } from '../glance';
import { formatNumber, language, t } from '../i18n';
import type { History } from '../types';
import { KindPanel } from './device-panel';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

@customElement('orbit-sensor-panel')
export class SensorPanel extends KindPanel {
  private timer = 0;
  /** When the sensor last saw motion (hub time), from its recorded day; null when it did not. */
  @state() private lastMotion: number | null = null;
  /** The motion value the last look at the history was for: it is looked up again on a change. */
  private lookedFor: unknown = undefined;

  connectedCallback(): void {
    super.connectedCallback();
    // "3 min ago" ages while the page is open.
    this.timer = window.setInterval(() => this.requestUpdate(), 30_000);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearInterval(this.timer);
  }

  render(): TemplateResult | typeof nothing {
    const device = this.device;
    const p = this.kind?.props;
    if (!device || !p) return nothing;
    const facts: TemplateResult[] = [];
    const temperature = this.number(p.temperature);
    if (temperature !== null) facts.push(this.fact(t('kind.temperature'), `${formatNumber(temperature, 1)}°C`, 'temperature'));
    const humidity = this.number(p.humidity);
    if (humidity !== null) facts.push(this.fact(t('kind.humidity'), `${formatNumber(humidity, 0)}%`, 'humidity'));
    const pm = this.number(p.pm25);
    if (pm !== null) facts.push(this.fact('PM2.5', `${formatNumber(pm, 0)} µg/m³ · ${t(airWord(pm))}`, 'pm25'));
    const contact = this.value(p.contact);
    // The spec's contact-state is true while the magnet touches: closed.
    if (typeof contact === 'boolean') facts.push(this.fact(t('kind.door'), t(contact ? 'glance.closed' : 'glance.open'), 'contact'));
    if (p.motion) facts.push(this.fact(t('kind.motion'), this.motion(), 'motion'));
    const lux = this.number(p.illumination);
    if (lux !== null) facts.push(this.fact(t('kind.light_level'), `${formatNumber(lux, 0)} lx`, 'illumination'));
    const battery = this.number(p.battery);
    return this.frame(
      device,
      undefined,
      html`<div class="facts">${facts}</div>
        ${battery !== null ? html`<p class="muted" data-battery>${t('glance.battery', { value: formatNumber(battery, 0) })}</p>` : nothing}`,
    );
  }

  /** "Motion now", or when it last saw motion ("Last motion 3 min ago"), or "No motion". */
  private motion(): string {
    const path = this.kind?.props.motion?.path;
    const now = path ? this.device?.state[path]?.value : undefined;
    if (path && now !== this.lookedFor) {
      this.lookedFor = now;
      void this.findLastMotion(path);
    }
    if (now === true) return t('glance.motion');
    if (this.lastMotion === null) return t('kind.no_motion_day');
    return t('kind.last_motion', { ago: ago(hubNow() - this.lastMotion) });
  }

  /** When the recorded day last had motion: the moment the last "motion" turned to "none".
  Raw points (a sensor reports at most about once a minute), since buckets keep only each
  bucket's last value and would hide a short motion. */
  private async findLastMotion(path: string): Promise<void> {
    const since = Math.floor(hubNow() - DAY);
    const url = `/api/devices/${encodeURIComponent(this.deviceId)}/history/${encodeURIComponent(path)}?since=${since}`;
    const points = (await api.get<History>(url).catch(() => null))?.points ?? [];
    const last = points.map((point) => Boolean(point.value)).lastIndexOf(true);
    this.lastMotion = last < 0 ? null : (points[last + 1]?.time ?? hubNow());
  }
}

/** How long ago, in the app's language ("3 min ago", "vor 3 Min.", "3分钟前"). */
export function ago(seconds: number): string {
  const format = new Intl.RelativeTimeFormat(language(), { numeric: 'auto', style: 'short' });
  const s = Math.max(0, seconds);
  // Under a minute still reads "1 min ago": "now" would read like motion now.
  if (s < HOUR) return format.format(-Math.max(1, Math.round(s / MINUTE)), 'minute');
  if (s < DAY) return format.format(-Math.round(s / HOUR), 'hour');
  return format.format(-Math.round(s / DAY), 'day');
}
