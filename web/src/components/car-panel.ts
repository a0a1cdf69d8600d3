/** The car at a glance: battery, range, charging, an offline map against home and office, the plan. */

import { html, css, nothing, svg, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api } from '../api';
import { ViewElement } from '../element';
import { formatNumber, formatTime, language, localName, serverLanguage, specText, t, unitSymbol } from '../i18n';
import { store } from '../store';
import { shared } from '../styles';
import type { Device, Space, Vehicle } from '../types';
import './car-map';
import './charge-settings';

const CHARGING = ['Disconnected', 'Plugged', 'Charging', 'Complete'];

@customElement('orbit-car-panel')
export class CarPanel extends ViewElement {
  static styles = [
    shared,
    css`
      .stats {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 0.5rem;
        text-align: center;
      }
      .big {
        font-size: 1.25rem;
        white-space: nowrap;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .bar {
        height: 10px;
        border-radius: 5px;
        background: var(--line);
        overflow: hidden;
        margin: 0.6rem 0 0.2rem;
        position: relative;
      }
      .bar span {
        display: block;
        height: 100%;
        background: var(--ok);
      }
      .bar i {
        position: absolute;
        top: 0;
        bottom: 0;
        width: 2px;
        background: var(--fg);
      }
      svg {
        width: 100%;
        height: auto;
        background: var(--bg);
        border-radius: 10px;
      }
      svg text {
        font-size: 11px;
        fill: var(--fg);
      }
    `,
  ];

  @property({ attribute: 'space-id' }) spaceId = '';
  @property({ attribute: false }) spaces: Space[] = [];
  @state() private vehicle: Vehicle | null = null;
  /** The real map could not load a tile: draw the offline sketch instead. */
  @state() private mapFailed = false;

  protected watchesDevices = true;

  connectedCallback(): void {
    super.connectedCallback();
    this.load();
  }

  private load(): void {
    // The planning service may be missing on this hub: the panel then shows the car's own state.
    api.optional<Vehicle>(`/api/vehicles/${encodeURIComponent(this.spaceId)}`).then(
      (v) => (this.vehicle = v),
      () => (this.vehicle = null),
    );
  }

  /** Times of the car are shown in its space's zone (the plan speaks of home's clock). */
  private get zone(): string | undefined {
    return this.spaces.find((s) => s.id === this.spaceId)?.timezone;
  }

  private get car(): Device | undefined {
    return store.all().find((d) => d.space_id === this.spaceId && d.type === 'vehicle');
  }

  render(): TemplateResult | typeof nothing {
    const car = this.car;
    if (!car) return nothing;
    const v = (path: string): number | undefined => {
      const value = car.state[path]?.value;
      return typeof value === 'number' ? value : undefined;
    };
    const battery = v('battery.battery-level');
    const limit = v('charging.charge-limit');
    const state = v('charging.charging-state');
    return html`
      <section class="card" aria-label=${t('car.title')}>
        <div class="stats">
          <div><div class="muted">${t('car.battery')}</div><div class="big" data-car="battery">${battery === undefined ? '–' : `${formatNumber(battery, 0)}%`}</div></div>
          <div><div class="muted">${t('car.range')}</div><div class="big" data-car="range">${v('vehicle.range') === undefined ? '–' : `${formatNumber(v('vehicle.range') ?? 0, 0)} ${unitSymbol('km')}`}</div></div>
          <div><div class="muted">${t('car.charging')}</div><div class="big" data-car="charging">${state === undefined ? '–' : specText(CHARGING[state] ?? '', CHARGING[state] ?? String(state))}</div></div>
        </div>
        <div class="bar" role="img" aria-label="${t('car.battery')} ${battery ?? ''}% / ${t('car.limit')} ${limit ?? ''}%">
          <span style="width:${battery ?? 0}%"></span>${limit !== undefined ? html`<i style="left:${limit}%"></i>` : nothing}
        </div>
        <div class="muted">${t('car.limit')}: ${limit ?? '–'}%</div>
      </section>
      ${this.location(v('location.latitude'), v('location.longitude'))}
      ${this.plan()}
      <orbit-charge-settings .vehicle=${this.vehicle} @changed=${() => this.load()}></orbit-charge-settings>
      <h2>${t('car.climate')}</h2>
    `;
  }

  /** A real map when online; the sketch against home and office when not (or no tile loads). */
  private location(lat: number | undefined, lon: number | undefined): TemplateResult | typeof nothing {
    if (lat === undefined || lon === undefined) return nothing;
    if (!navigator.onLine || this.mapFailed) return this.sketch(lat, lon);
    return html`<section class="card" aria-label=${t('car.location')}>
      <h3>${t('car.location')}</h3>
      <orbit-car-map vehicle-id=${this.spaceId} .spaces=${this.spaces} .latitude=${lat} .longitude=${lon}
        @failed=${() => (this.mapFailed = true)}></orbit-car-map>
    </section>`;
  }

  private sketch(lat: number | undefined, lon: number | undefined): TemplateResult | typeof nothing {
    const home = this.spaces.find((s) => s.kind === 'home' && s.latitude !== null);
    if (lat === undefined || lon === undefined || !home || home.latitude === null || home.longitude === null) return nothing;
    const lat0 = home.latitude;
    const lon0 = home.longitude;
    // Equirectangular projection around home: exact enough for a city, and needs no map tiles.
    const km = (la: number, lo: number): [number, number] => [
      (lo - lon0) * 111.32 * Math.cos((lat0 * Math.PI) / 180),
      -(la - lat0) * 110.57,
    ];
    const places = this.spaces
      .filter((s) => s.kind !== 'vehicle' && s.latitude !== null && s.longitude !== null)
      .map((s) => ({ space: s, at: km(s.latitude ?? 0, s.longitude ?? 0) }));
    const car = km(lat, lon);
    const xs = [car[0], ...places.map((p) => p.at[0])];
    const ys = [car[1], ...places.map((p) => p.at[1])];
    const pad = 1;
    const minX = Math.min(...xs) - pad;
    const minY = Math.min(...ys) - pad;
    const span = Math.max(Math.max(...xs) - minX + pad, Math.max(...ys) - minY + pad, 2);
    const W = 320;
    const H = 200;
    const scale = Math.min(W, H) / span;
    const px = ([x, y]: [number, number]): [number, number] => [(x - minX) * scale + (W - span * scale) / 2, (y - minY) * scale];
    const [cx, cy] = px(car);
    const distance = Math.hypot(car[0], car[1]);
    return html`<section class="card" aria-label=${t('car.location')}>
      <h3>${t('car.location')}</h3>
      <svg data-map-sketch viewBox="0 0 ${W} ${H}" role="img" aria-label=${t('car.distance', { km: formatNumber(distance, 1) })}>
        ${places.map(({ space, at }) => {
          const [x, y] = px(at);
          return svg`<circle cx=${x} cy=${y} r=${Math.max(4, (space.radius_m / 1000) * scale)} fill="var(--accent)" fill-opacity="0.2" stroke="var(--accent)"></circle>
            <text x=${x + 7} y=${y - 7}>${localName(space.name, space.aliases)}</text>`;
        })}
        <circle cx=${cx} cy=${cy} r="6" fill="var(--danger)" stroke="#fff" stroke-width="2"></circle>
      </svg>
      <div class="muted">${t('car.distance', { km: formatNumber(distance, 1) })}</div>
    </section>`;
  }

  private plan(): TemplateResult | typeof nothing {
    const vehicle = this.vehicle;
    if (!vehicle) return nothing;
    const plan = vehicle.charging?.plan ?? null;
    const lang = serverLanguage();
    const inLanguage = (texts: Record<string, string>): string => texts[lang] ?? Object.values(texts)[0] ?? '';
    const reasons = vehicle.charging?.plan_reason_text ?? null;
    const reason = reasons ? inLanguage(reasons) : (vehicle.charging?.plan_reason ?? null);
    const etas = (vehicle.places ?? []).filter((p) => p.eta && !p.inside);
    if (!plan && !reason && etas.length === 0) return nothing;
    const explanation = plan ? inLanguage(plan.explanation) : '';
    return html`<section class="card" aria-label=${t('car.plan')} data-car="plan">
      ${plan || reason
        ? html`<h3>${t('car.plan')}</h3>
            ${reason ? html`<p data-car="plan-reason">${reason}</p>` : nothing}
            ${plan
              ? html`<p class="muted" data-car="plan-summary">${t('car.plan_line', {
                    target: formatNumber(plan.target_soc, 0),
                    time: formatTime(plan.departure, this.zone),
                    cost: plan.cost.toLocaleString(language(), { style: 'currency', currency: plan.currency }),
                  })}</p><p>${explanation}</p>`
              : nothing}`
        : nothing}
      ${etas.length
        ? html`<h3>${t('car.eta')}</h3>
            ${etas.map((p) => {
              const space = this.spaces.find((s) => s.id === p.space_id);
              const name = space ? localName(space.name, space.aliases) : p.name;
              const minutes = formatNumber((p.eta?.seconds ?? 0) / 60, 0);
              return html`<div>${t('car.eta_line', { place: name, time: formatTime(p.eta?.arrival ?? 0, this.zone), minutes })}</div>`;
            })}`
        : nothing}
    </section>`;
  }
}
