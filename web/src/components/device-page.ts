/** One device: a panel designed for its kind (or every control of its spec when it has none), the
rest of its controls under "More", and charts of what a person reads as a chart. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, messageOf } from '../api';
import { recall } from '../cache';
import { propLabel } from '../controls';
import { ViewElement } from '../element';
import { isFavourite, onFavouritesChange, setFavourite } from '../favourites';
import { t, type MessageKey } from '../i18n';
import { live } from '../live';
import { store } from '../store';
import { shared } from '../styles';
import type { Device, Space, Spec, SpecProperty } from '../types';
import './device-card';
import './device-charger';
import './device-climate';
import './device-cover';
import { kindOf, shownPaths, type Kind } from './device-kind';
import './device-light';
import './device-purifier';
import './device-sensor';
import './device-status';
import './device-vacuum';
import './history-chart';

const RANGES: { key: MessageKey; seconds: number }[] = [
  { key: 'range.hour', seconds: 3600 },
  { key: 'range.day', seconds: 86400 },
  { key: 'range.week', seconds: 7 * 86400 },
  { key: 'range.month', seconds: 30 * 86400 },
];

const CHARTED = new Set(['int8', 'int16', 'int32', 'uint8', 'uint16', 'uint32', 'float', 'bool']);

@customElement('orbit-device-page')
export class DevicePage extends ViewElement {
  static styles = [
    shared,
    css`
      a.back {
        color: var(--accent);
        display: inline-block;
      }
      .top {
        margin-bottom: 0.5rem;
      }
      .star[aria-pressed='true'] {
        background: var(--warn);
        color: #000;
      }
    `,
  ];

  @property({ attribute: 'device-id' }) deviceId = '';
  @state() private spec: Spec | null = null;
  @state() private range = RANGES[1].seconds;
  @state() private error = '';

  protected watchesDevices = true;
  private stopFavourites: (() => void) | null = null;

  connectedCallback(): void {
    super.connectedCallback();
    this.stopFavourites = onFavouritesChange(() => this.requestUpdate());
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFavourites?.();
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('deviceId')) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const device = await api.get<Device>(`/api/devices/${encodeURIComponent(this.deviceId)}`);
      store.put([device]);
      this.spec = device.spec ?? null;
      this.error = '';
      live.follow({ devices: [device.id] });
    } catch (error) {
      this.error = (error as { status?: number }).status === 404 ? t('device.not_found') : messageOf(error);
    }
  }

  /** The time zone of the device's space (times on this page), empty when not known. */
  private get zone(): string {
    const device = store.get(this.deviceId);
    return device ? (recall<Space[]>('spaces')?.find((s) => s.id === device.space_id)?.timezone ?? '') : '';
  }

  private pick(seconds: number): void {
    this.range = seconds;
  }

  /** The kind's panel and what it leaves out under "More", or the generic card with everything. */
  private body(kind: Kind | null): TemplateResult {
    const id = this.deviceId;
    const status = html`<orbit-device-status device-id=${id} .timeZone=${this.zone || undefined} ?quiet=${kind !== null}></orbit-device-status>`;
    if (!kind) return html`${status}<orbit-device-card device-id=${id} full></orbit-device-card>`;
    const panel = {
      climate: html`<orbit-climate-panel device-id=${id} .kind=${kind}></orbit-climate-panel>`,
      purifier: html`<orbit-purifier-panel device-id=${id} .kind=${kind}></orbit-purifier-panel>`,
      light: html`<orbit-light-panel device-id=${id} .kind=${kind}></orbit-light-panel>`,
      cover: html`<orbit-cover-panel device-id=${id} .kind=${kind}></orbit-cover-panel>`,
      sensor: html`<orbit-sensor-panel device-id=${id} .kind=${kind}></orbit-sensor-panel>`,
      vacuum: html`<orbit-vacuum-panel device-id=${id} .kind=${kind}></orbit-vacuum-panel>`,
      charger: html`<orbit-charger-panel device-id=${id} .kind=${kind}></orbit-charger-panel>`,
    }[kind.name];
    return html`${panel}${status}<orbit-device-card device-id=${id} full more .omit=${shownPaths(kind)}></orbit-device-card>`;
  }

  render(): TemplateResult {
    const device = store.get(this.deviceId);
    const charted = this.spec ? this.spec.services.flatMap((s) => s.properties).filter((p) => chartable(p, device)) : [];
    const zone = this.zone;
    return html`
      <div class="row between top">
        <a class="back" href="#/">‹ ${t('device.back')}</a>
        ${this.spec
          ? html`<button class="star" data-favourite aria-pressed=${isFavourite(this.deviceId) ? 'true' : 'false'}
              @click=${() => setFavourite(this.deviceId, !isFavourite(this.deviceId))}>★ ${t('device.favourite')}</button>`
          : nothing}
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.spec
        ? this.body(kindOf(this.spec))
        : nothing}
      ${charted.length
        ? html`<h2>${t('device.history')}</h2>
            <div class="chips" role="group" aria-label=${t('device.history')}>
              ${RANGES.map(
                (r) => html`<button aria-pressed=${this.range === r.seconds ? 'true' : 'false'}
                  @click=${() => this.pick(r.seconds)}>${t(r.key)}</button>`,
              )}
            </div>
            ${charted.map(
              (p) => html`<orbit-history-chart device-id=${this.deviceId} .prop=${p} label=${propLabel(p)}
                time-zone=${zone} .range=${this.range}></orbit-history-chart>`,
            )}`
        : nothing}
    `;
  }
}

/** Readings a person reads as a chart; on/off values (switches, motion, doors) as timelines. The
rest — positions, headings, counters, settings — is read as a number on the panel above. */
const CHARTS = new Set(['temperature', 'relative-humidity', 'pm2.5-density', 'electric-power', 'illumination', 'outside-temperature']);
/** A car's page charts what its driver follows over a trip or a charge. */
const VEHICLE_CHARTS = new Set(['battery-level', 'range', 'speed']);

function chartable(prop: SpecProperty, device: Device | undefined): boolean {
  if (!prop.access.includes('read') || !CHARTED.has(prop.format) || prop.values) return false;
  if (device?.type === 'vehicle') return VEHICLE_CHARTS.has(prop.name);
  if (prop.format === 'bool') return true;
  return CHARTS.has(prop.name) && !prop.access.includes('write');
}
