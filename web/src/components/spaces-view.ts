/** The home screen: spaces as tabs, rooms as chips, device cards, the command box. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, api, messageOf } from '../api';
import { recall, remember } from '../cache';
import { ViewElement } from '../element';
import { localName, t } from '../i18n';
import { live } from '../live';
import { store } from '../store';
import { shared } from '../styles';
import type { Device, Space } from '../types';
import './device-card';
import './assistant-box';
import './car-panel';

@customElement('orbit-spaces')
export class SpacesView extends ViewElement {
  static styles = [
    shared,
    css`
      .grid {
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
      }
      .space-tabs {
        margin-bottom: 0.25rem;
      }
      h2 {
        margin-top: 0.75rem;
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

  connectedCallback(): void {
    super.connectedCallback();
    void this.loadSpaces();
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
    return html`
      <orbit-assistant-box .spaceId=${space?.id ?? ''} .roomId=${this.room}></orbit-assistant-box>
      ${this.spaces.length > 1
        ? html`<nav class="chips space-tabs" aria-label=${t('nav.home')}>
            ${this.spaces.map(
              (s) => html`<button aria-pressed=${s.id === space?.id ? 'true' : 'false'}
                @click=${() => (location.hash = `#/space/${encodeURIComponent(s.id)}`)}>
                ${localName(s.name, s.aliases)}</button>`,
            )}
          </nav>`
        : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${space ? this.body(space) : this.loading ? html`<p class="muted">${t('app.loading')}</p>` : html`<p>${t('spaces.empty')}</p>`}
    `;
  }

  private body(space: Space): TemplateResult {
    const devices = this.ids.map((id) => store.get(id)).filter((d): d is Device => d !== undefined && d.space_id === space.id);
    const roomsWithDevices = space.rooms.filter((r) => devices.some((d) => d.room_id === r.id));
    const shown = this.room ? devices.filter((d) => d.room_id === this.room) : devices;
    const groups = [
      ...roomsWithDevices.map((r) => ({ id: r.id, name: localName(r.name, r.aliases) })),
      { id: '', name: t('spaces.no_room') },
    ]
      .map((g) => ({ ...g, devices: shown.filter((d) => (d.room_id ?? '') === g.id) }))
      .filter((g) => g.devices.length > 0);
    return html`
      ${space.kind === 'vehicle' ? html`<orbit-car-panel space-id=${space.id} .spaces=${this.spaces}></orbit-car-panel>` : nothing}
      ${roomsWithDevices.length > 1
        ? html`<nav class="chips" aria-label=${t('spaces.rooms_all')}>
            <button aria-pressed=${this.room === '' ? 'true' : 'false'} @click=${() => (this.room = '')}>${t('spaces.rooms_all')}</button>
            ${roomsWithDevices.map(
              (r) => html`<button data-room=${r.id} aria-pressed=${this.room === r.id ? 'true' : 'false'}
                @click=${() => (this.room = r.id)}>${localName(r.name, r.aliases)}</button>`,
            )}
          </nav>`
        : nothing}
      ${this.loading && devices.length === 0 ? html`<p class="muted">${t('app.loading')}</p>` : nothing}
      ${!this.loading && devices.length === 0 ? html`<p>${t('spaces.empty')}</p>` : nothing}
      ${groups.map(
        (g) => html`${groups.length > 1 || g.id ? html`<h2 data-room-heading=${g.id}>${g.name}</h2>` : nothing}
          <div class="grid">${g.devices.map((d) => html`<orbit-device-card device-id=${d.id}></orbit-device-card>`)}</div>`,
      )}
    `;
  }
}
