/** The home screen: the home at a glance, scenes, favourites, room tiles and device tiles. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, api, messageOf } from '../api';
import { recall, remember } from '../cache';
import { ViewElement } from '../element';
import { favourites, onFavouritesChange } from '../favourites';
import { isOn, temperatureOf } from '../glance';
import { formatNumber, localName, t } from '../i18n';
import { live } from '../live';
import { store } from '../store';
import { shared } from '../styles';
import type { Device, Room, Space } from '../types';
import './device-card';
import './home-summary';
import './scene-bar';
import './assistant-box';
import './car-panel';

@customElement('orbit-spaces')
export class SpacesView extends ViewElement {
  static styles = [
    shared,
    css`
      .grid {
        display: grid;
        gap: 0.5rem;
        grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
        margin-bottom: 0.6rem;
      }
      .grid.cards {
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
      }
      .rooms {
        display: flex;
        gap: 0.5rem;
        overflow-x: auto;
        padding-bottom: 0.5rem;
        scrollbar-width: none;
      }
      .rooms button {
        flex: none;
        min-width: 104px;
        text-align: left;
        background: var(--card);
        border-radius: 12px;
        padding: 0.4rem 0.7rem;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
      }
      .rooms button[aria-pressed='true'] {
        background: var(--accent);
        color: #fff;
      }
      .rooms button[aria-pressed='true'] span {
        color: #fff;
      }
      .rooms b {
        display: block;
        font-size: 0.9rem;
        white-space: nowrap;
      }
      .rooms span {
        display: block;
        font-size: 0.75rem;
        color: var(--muted);
        white-space: nowrap;
      }
      .space-tabs {
        margin-bottom: 0.25rem;
      }
      h2 {
        margin: 0.4rem 0 0.4rem;
        font-size: 0.95rem;
        color: var(--muted);
      }
    `,
  ];

  @property({ attribute: 'space-id' }) spaceId = '';
  @state() private spaces: Space[] = [];
  @state() private room = '';
  @state() private ids: string[] = [];
  @state() private error = '';
  @state() private loading = true;

  protected watchesDevices = true;
  private stopFavourites: (() => void) | null = null;

  connectedCallback(): void {
    super.connectedCallback();
    this.stopFavourites = onFavouritesChange(() => this.requestUpdate());
    void this.loadSpaces();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFavourites?.();
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('spaceId') && this.spaces.length > 0) void this.loadDevices();
  }

  private get space(): Space | undefined {
    return this.spaces.find((s) => s.id === this.spaceId) ?? this.spaces[0];
  }

  private async loadSpaces(): Promise<void> {
    try {
      this.spaces = await api.get<Space[]>('/api/spaces');
      remember('spaces', this.spaces);
      this.error = '';
      await this.loadDevices();
    } catch (error) {
      if (!this.fromCache(error)) this.error = messageOf(error);
      this.loading = false;
    }
  }

  private async loadDevices(): Promise<void> {
    const space = this.space;
    if (!space) {
      this.loading = false;
      return;
    }
    this.room = '';
    this.loading = true;
    try {
      const devices = await api.get<Device[]>(`/api/devices?space_id=${encodeURIComponent(space.id)}`);
      store.put(devices);
      remember(`devices.${space.id}`, devices);
      this.ids = devices.map((d) => d.id);
      live.follow({ spaces: [space.id] });
      this.error = '';
    } catch (error) {
      if (!this.fromCache(error)) this.error = messageOf(error);
    } finally {
      this.loading = false;
    }
  }

  /** Without the hub (status 0), show the space as last seen; true when that worked. */
  private fromCache(error: unknown): boolean {
    if (!(error instanceof ApiError) || error.status !== 0) return false;
    if (this.spaces.length === 0) this.spaces = recall<Space[]>('spaces') ?? [];
    const space = this.space;
    const devices = space ? recall<Device[]>(`devices.${space.id}`) : null;
    if (!devices) return false;
    store.put(devices);
    this.ids = devices.map((d) => d.id);
    return true;
  }

  render(): TemplateResult {
    const space = this.space;
    const home = space?.kind === 'home';
    return html`
      ${this.spaces.length > 1
        ? html`<nav class="chips space-tabs" aria-label=${t('nav.home')}>
            ${this.spaces.map(
              (s) => html`<button aria-pressed=${s.id === space?.id ? 'true' : 'false'}
                @click=${() => (location.hash = `#/space/${encodeURIComponent(s.id)}`)}>
                ${localName(s.name, s.aliases)}</button>`,
            )}
          </nav>`
        : nothing}
      ${space && home ? html`<orbit-home-summary space-id=${space.id}></orbit-home-summary>` : nothing}
      ${space ? html`<orbit-scene-bar space-id=${space.id}></orbit-scene-bar>` : nothing}
      <orbit-assistant-box .spaceId=${space?.id ?? ''} .roomId=${this.room}></orbit-assistant-box>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${space ? this.body(space) : this.loading ? html`<p class="muted">${t('app.loading')}</p>` : html`<p>${t('spaces.empty')}</p>`}
    `;
  }

  private body(space: Space): TemplateResult {
    const devices = this.ids.map((id) => store.get(id)).filter((d): d is Device => d !== undefined && d.space_id === space.id);
    const roomsWithDevices = space.rooms.filter((r) => devices.some((d) => d.room_id === r.id));
    const shown = this.room ? devices.filter((d) => d.room_id === this.room) : devices;
    const starred = this.room ? [] : favourites().map((id) => devices.find((d) => d.id === id)).filter((d): d is Device => d !== undefined);
    const groups = [
      ...roomsWithDevices.map((r) => ({ id: r.id, name: localName(r.name, r.aliases) })),
      { id: '', name: t('spaces.no_room') },
    ]
      .map((g) => ({ ...g, devices: shown.filter((d) => (d.room_id ?? '') === g.id) }))
      .filter((g) => g.devices.length > 0);
    // A car's page keeps its full cards: it has few devices and the car panel above them.
    const compact = space.kind !== 'vehicle';
    const tiles = (list: Device[]): TemplateResult => html`<div class="grid ${compact ? '' : 'cards'}">
      ${list.map((d) => html`<orbit-device-card ?tile=${compact} device-id=${d.id}></orbit-device-card>`)}
    </div>`;
    return html`
      ${space.kind === 'vehicle' ? html`<orbit-car-panel space-id=${space.id} .spaces=${this.spaces}></orbit-car-panel>` : nothing}
      ${roomsWithDevices.length > 1
        ? html`<nav class="rooms" aria-label=${t('spaces.rooms_all')}>
            ${roomsWithDevices.map((r) => this.roomTile(r, devices.filter((d) => d.room_id === r.id)))}
          </nav>`
        : nothing}
      ${this.loading && devices.length === 0 ? html`<p class="muted">${t('app.loading')}</p>` : nothing}
      ${!this.loading && devices.length === 0 ? html`<p>${t('spaces.empty')}</p>` : nothing}
      ${starred.length ? html`<h2 data-favourites>${t('spaces.favourites')}</h2>${tiles(starred)}` : nothing}
      ${groups.map(
        (g) => html`${groups.length > 1 || g.id ? html`<h2 data-room-heading=${g.id}>${g.name}</h2>` : nothing}${tiles(g.devices)}`,
      )}
    `;
  }

  /** A room as a tile: its temperature (or the first reading) and how many things are on. */
  private roomTile(room: Room, devices: Device[]): TemplateResult {
    const name = localName(room.name, room.aliases);
    const temperatures = devices.filter((d) => d.online && d.type.includes('sensor')).map(temperatureOf).filter((v): v is number => v !== null);
    const fallback = devices.map(temperatureOf).filter((v): v is number => v !== null);
    const temperature = temperatures[0] ?? fallback[0];
    const on = devices.filter((d) => d.online && isOn(d) === true).length;
    const parts = [
      temperature !== undefined ? `${formatNumber(temperature, 1)}°C` : '',
      on ? t('spaces.on_count', { count: on }) : t('spaces.all_off'),
    ].filter((p) => p);
    const selected = this.room === room.id;
    return html`<button data-room=${room.id} aria-pressed=${selected ? 'true' : 'false'}
      aria-describedby="room-${room.id}" @click=${() => (this.room = selected ? '' : room.id)}>
      <b>${name}</b><span id="room-${room.id}" aria-hidden="true">${parts.join(' · ')}</span>
    </button>`;
  }
}
