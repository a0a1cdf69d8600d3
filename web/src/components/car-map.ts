/** The car on a real map (Leaflet, OpenStreetMap tiles): its position, home and office, the day's track.

Loaded only when the car's page is open and the phone is online. When no tile loads (offline,
tiles blocked) it says so with a ``failed`` event, and the car panel draws its offline sketch.
*/

import { html, css, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CircleMarker, Map as LeafletMap, Polyline } from 'leaflet';
import { api } from '../api';
import { ViewElement } from '../element';
import { localName, t } from '../i18n';
import { shared } from '../styles';
import type { Space } from '../types';

const TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

interface Track {
  points: { time: number; latitude: number; longitude: number }[];
}

@customElement('orbit-car-map')
export class CarMap extends ViewElement {
  static styles = [
    shared,
    css`
      .map {
        height: 240px;
        border-radius: 10px;
        overflow: hidden;
        z-index: 0;
      }
    `,
  ];

  @property({ attribute: 'vehicle-id' }) vehicleId = '';
  @property({ attribute: false }) spaces: Space[] = [];
  @property({ type: Number }) latitude = 0;
  @property({ type: Number }) longitude = 0;
  private map: LeafletMap | null = null;
  private car: CircleMarker | null = null;
  private track: Polyline | null = null;

  render(): TemplateResult {
    return html`<div class="map" data-map role="region" aria-label=${t('car.location')}></div>`;
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.map?.remove();
    this.map = null;
  }

  protected async firstUpdated(): Promise<void> {
    const target = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!target) return;
    const L = await import('leaflet');
    const style = document.createElement('style');
    style.textContent = (await import('leaflet/dist/leaflet.css?inline')).default;
    this.renderRoot.appendChild(style);
    const map = L.map(target, { attributionControl: true }).setView([this.latitude, this.longitude], 13);
    this.map = map;
    let loaded = 0;
    let failed = 0;
    L.tileLayer(TILES, { maxZoom: 19, attribution: ATTRIBUTION })
      .on('tileload', () => (loaded += 1))
      .on('tileerror', () => {
        failed += 1;
        // Not one tile: the map would be a grey box, so the panel draws its sketch instead.
        if (loaded === 0 && failed >= 2) this.dispatchEvent(new Event('failed'));
      })
      .addTo(map);
    const bounds = L.latLngBounds([[this.latitude, this.longitude]]);
    for (const space of this.spaces) {
      if (space.kind === 'vehicle' || space.latitude === null || space.longitude === null) continue;
      bounds.extend([space.latitude, space.longitude]);
      L.circle([space.latitude, space.longitude], { radius: space.radius_m, color: '#1f6cc7', weight: 2 })
        .bindTooltip(localName(space.name, space.aliases), { permanent: true, direction: 'right' })
        .addTo(map);
    }
    this.car = L.circleMarker([this.latitude, this.longitude], {
      radius: 8,
      color: '#fff',
      weight: 2,
      fillColor: '#c23434',
      fillOpacity: 1,
    }).addTo(map);
    // Where the car is against the family's places: the view holds all of them.
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 });
    const track = await api.optional<Track>(`/api/vehicles/${encodeURIComponent(this.vehicleId)}/track`).catch(() => null);
    const points = (track?.points ?? []).map((p) => [p.latitude, p.longitude] as [number, number]);
    if (this.map !== map) return;
    if (points.length > 1) {
      this.track = L.polyline(points, { color: '#1f6cc7', weight: 4, className: 'track' }).addTo(map);
      map.fitBounds(bounds.extend(this.track.getBounds()), { padding: [30, 30], maxZoom: 15 });
    }
  }

  protected updated(changed: Map<string, unknown>): void {
    if ((changed.has('latitude') || changed.has('longitude')) && this.car) {
      this.car.setLatLng([this.latitude, this.longitude]);
      this.track?.addLatLng([this.latitude, this.longitude]);
    }
  }
}
