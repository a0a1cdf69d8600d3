/** The home at a glance: who is home, the inside climate, doors and locks, energy today, the car. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api } from '../api';
import { recall, remember } from '../cache';
import { noteHubTime } from '../clock';
import { ViewElement } from '../element';
import { humidityOf, lockedOf, openOf, temperatureOf } from '../glance';
import { formatNumber, language, localName, t } from '../i18n';
import { store } from '../store';
import { shared } from '../styles';
import type { Device, Presence, Summary, Vehicle } from '../types';

@customElement('orbit-home-summary')
export class HomeSummary extends ViewElement {
  static styles = [
    shared,
    css`
      .glance {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
        gap: 0.4rem;
        margin-bottom: 0.6rem;
      }
      .item {
        background: var(--card);
        border-radius: 12px;
        padding: 0.4rem 0.6rem;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
        color: inherit;
        text-decoration: none;
        min-width: 0;
      }
      .item span {
        display: block;
        font-size: 0.75rem;
        color: var(--muted);
      }
      .item b {
        display: block;
        font-weight: 600;
        font-size: 0.92rem;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .alert b {
        color: var(--danger);
      }
    `,
  ];

  @property({ attribute: 'space-id' }) spaceId = '';
  @state() private summary: Summary | null = null;
  @state() private presence: Presence[] | null = null;
  @state() private car: Vehicle | null = null;

  protected watchesDevices = true;

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('spaceId') && this.spaceId) void this.load();
  }

  private async load(): Promise<void> {
    const space = encodeURIComponent(this.spaceId);
    const [summary, presence, vehicles] = await Promise.all([
      api.get<Summary>(`/api/summary?space_id=${space}`).catch(() => recall<Summary>(`summary.${this.spaceId}`)),
      // Guests are not told who is home (403); a hub without phones has no presence (404/503).
      api.get<Presence[]>('/api/presence').catch(() => null),
      api.get<Vehicle[]>('/api/vehicles').catch(() => null),
    ]);
    if (summary) {
      noteHubTime(summary.now);
      remember(`summary.${this.spaceId}`, summary);
    }
    this.summary = summary;
    this.presence = presence;
    this.car = vehicles?.[0] ?? null;
  }

  render(): TemplateResult {
    const devices = store.all().filter((d) => d.space_id === this.spaceId);
    return html`<div class="glance" role="group" aria-label=${t('glance.title')} data-summary>
      ${this.people()} ${this.climate(devices)} ${this.security(devices)} ${this.energy()} ${this.vehicle()}
    </div>`;
  }

  private people(): TemplateResult | typeof nothing {
    const here = this.presence?.find((p) => p.space_id === this.spaceId);
    if (!here) return nothing;
    const names = here.people.map((p) => p.person.charAt(0).toUpperCase() + p.person.slice(1));
    return html`<div class="item" data-glance="people">
      <span>${t('glance.people')}</span><b>${names.length ? names.join(', ') : t('glance.nobody')}</b>
    </div>`;
  }

  private climate(devices: Device[]): TemplateResult | typeof nothing {
    // Sensors first: an air conditioner's own reading is taken where the air leaves it.
    const sensors = devices.filter((d) => d.online && d.type.includes('sensor') && temperatureOf(d) !== null);
    const measured = sensors.length ? sensors : devices.filter((d) => d.online && temperatureOf(d) !== null);
    if (measured.length === 0) return nothing;
    const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
    const temperature = mean(measured.map((d) => temperatureOf(d) ?? 0));
    const humidities = measured.map(humidityOf).filter((h): h is number => h !== null);
    const text = `${formatNumber(temperature, 1)}°C${humidities.length ? ` · ${formatNumber(mean(humidities), 0)}%` : ''}`;
    return html`<div class="item" data-glance="climate"><span>${t('glance.inside')}</span><b>${text}</b></div>`;
  }

  private security(devices: Device[]): TemplateResult | typeof nothing {
    const locks = devices.filter((d) => lockedOf(d) !== null);
    const doors = devices.filter((d) => openOf(d) !== null);
    if (locks.length === 0 && doors.length === 0) return nothing;
    const unlocked = locks.filter((d) => lockedOf(d) === false);
    const open = doors.filter((d) => openOf(d) === true);
    const parts: string[] = [];
    if (unlocked.length === 0 && open.length === 0) parts.push(t(locks.length ? 'glance.secure' : 'glance.doors_closed'));
    else if (unlocked.length) parts.push(t('glance.unlocked_named', { names: unlocked.map((d) => localName(d.name, d.aliases)).join(', ') }));
    else if (locks.length) parts.push(t('glance.all_locked'));
    if (open.length) parts.push(t('glance.open_count', { count: open.length }));
    const alert = unlocked.length > 0 || open.length > 0;
    return html`<div class="item ${alert ? 'alert' : ''}" data-glance="security">
      <span>${t('glance.doors')}</span><b>${parts.join(' · ')}</b>
    </div>`;
  }

  private energy(): TemplateResult | typeof nothing {
    const energy = this.summary?.energy;
    if (!energy) return nothing;
    let text = `${formatNumber(energy.kwh, 1)} kWh`;
    if (energy.cost !== null && energy.currency) {
      text += ` · ${energy.cost.toLocaleString(language(), { style: 'currency', currency: energy.currency })}`;
    }
    return html`<a class="item" href="#/energy" data-glance="energy"><span>${t('glance.energy')}</span><b>${text}</b></a>`;
  }

  private vehicle(): TemplateResult | typeof nothing {
    const car = this.car;
    if (!car || car.battery === null) return nothing;
    const parts = [`${formatNumber(car.battery, 0)}%`];
    const coming = car.places.find((p) => p.eta && !p.inside);
    if (coming?.eta) parts.push(t('glance.eta', { place: localName(coming.name), minutes: Math.max(1, Math.round(coming.eta.seconds / 60)) }));
    else if (car.charging.state === 'charging') parts.push(t('glance.charging'));
    return html`<a class="item" href="#/space/${encodeURIComponent(car.id)}" data-glance="car">
      <span>${t('car.title')}</span><b>${parts.join(' · ')}</b>
    </a>`;
  }
}
