/** For the owner: Xiaomi devices on the home network. Look for them, add one by address and token. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, messageOf } from '../api';
import { ViewElement } from '../element';
import { localName, t } from '../i18n';
import { shared } from '../styles';
import type { Space } from '../types';

interface XiaomiDevice {
  id: string;
  name: string;
  model: string;
  address: string;
  did: number;
  space_id: string;
  room_id: string | null;
  spec_source: string | null;
  problem: string | null;
  online: boolean | null;
}

interface Found {
  address: string;
  port: number;
  did: number;
  model: string | null;
  token_revealed: boolean;
  added_as: string | null;
}

interface Discovery {
  found: Found[];
  problems: string[];
  tokens: string;
}

@customElement('orbit-xiaomi')
export class XiaomiView extends ViewElement {
  static styles = [
    shared,
    css`
      .ask {
        background: var(--bg);
        border-radius: 10px;
        padding: 0.6rem 0.8rem;
        margin-top: 0.5rem;
      }
      .danger {
        background: var(--danger);
        color: #fff;
      }
    `,
  ];

  @state() private devices: XiaomiDevice[] | null = null;
  @state() private spaces: Space[] = [];
  @state() private discovery: Discovery | null = null;
  @state() private looking = false;
  @state() private adding = false;
  @state() private host = '';
  @state() private space = 'home';
  /** The device whose removal waits for a second tap. */
  @state() private removing = '';
  @state() private notice = '';
  @state() private error = '';

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      [this.devices, this.spaces] = await Promise.all([
        api.optional<XiaomiDevice[]>('/api/xiaomi/devices'),
        api.get<Space[]>('/api/spaces'),
      ]);
      if (!this.spaces.some((s) => s.id === this.space)) this.space = this.spaces[0]?.id ?? 'home';
      this.error = '';
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private async look(): Promise<void> {
    this.looking = true;
    try {
      this.discovery = await api.request<Discovery>('POST', '/api/xiaomi/discover', { seconds: 3 });
      this.error = '';
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.looking = false;
    }
  }

  private async add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (key: string): string | null => String(data.get(key) ?? '').trim() || null;
    this.adding = true;
    try {
      const added = await api.request<XiaomiDevice>('POST', '/api/xiaomi/devices', {
        host: text('host'),
        token: text('token'),
        name: text('name'),
        space_id: text('space') ?? 'home',
        room_id: text('room'),
      });
      form.reset();
      this.host = '';
      this.notice = added.problem
        ? t('xiaomi.added_waiting', { name: added.name, problem: added.problem })
        : t('xiaomi.added', { name: added.name, model: added.model });
      this.error = '';
      await this.load();
    } catch (error) {
      this.notice = '';
      this.error = messageOf(error);
    } finally {
      this.adding = false;
    }
  }

  private async forget(device: XiaomiDevice): Promise<void> {
    this.removing = '';
    try {
      await api.request('DELETE', `/api/xiaomi/devices/${encodeURIComponent(device.id)}`);
      this.notice = t('xiaomi.removed', { name: device.name });
      await this.load();
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private stateOf(device: XiaomiDevice): string {
    if (device.problem) return t('xiaomi.waiting_spec');
    if (device.online === null) return t('xiaomi.starting');
    return t(device.online ? 'xiaomi.answering' : 'xiaomi.silent');
  }

  render(): TemplateResult {
    if (this.devices === null && !this.error) {
      return html`<h1>${t('xiaomi.title')}</h1><p class="muted">${t('app.unavailable')}</p>`;
    }
    const rooms = this.spaces.find((s) => s.id === this.space)?.rooms ?? [];
    return html`
      <h1>${t('xiaomi.title')}</h1>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p class="muted" role="status">${this.notice}</p>` : nothing}
      <section class="card">
        <h2>${t('xiaomi.added_devices')}</h2>
        ${this.devices?.length
          ? html`<ul class="plain">
              ${this.devices.map(
                (d) => html`<li data-xiaomi=${d.id}>
                  <div class="row between">
                    <span><strong>${d.name}</strong> <span class="muted">${d.model} · ${d.address}</span></span>
                    <span data-state>${this.stateOf(d)}</span>
                  </div>
                  ${d.problem ? html`<p class="muted">${d.problem}</p>` : nothing}
                  ${this.removing === d.id
                    ? html`<div class="ask" role="alertdialog" aria-label=${t('xiaomi.remove_question', { name: d.name })}>
                        <p>${t('xiaomi.remove_question', { name: d.name })}</p>
                        <div class="row">
                          <button class="danger" @click=${() => this.forget(d)}>${t('xiaomi.remove')}</button>
                          <button @click=${() => (this.removing = '')}>${t('app.cancel')}</button>
                        </div>
                      </div>`
                    : html`<button @click=${() => (this.removing = d.id)}>${t('xiaomi.remove')}</button>`}
                </li>`,
              )}
            </ul>`
          : html`<p class="muted">${t('xiaomi.none')}</p>`}
      </section>
      <section class="card">
        <h2>${t('xiaomi.find')}</h2>
        <button @click=${this.look} ?disabled=${this.looking}>${this.looking ? t('xiaomi.looking') : t('xiaomi.look')}</button>
        ${this.discovery ? this.found(this.discovery) : nothing}
      </section>
      <section class="card">
        <h2>${t('xiaomi.add')}</h2>
        <form @submit=${this.add}>
          <label>${t('xiaomi.host')}<input type="text" name="host" required autocomplete="off" .value=${this.host}
            placeholder="192.168.1.20" /></label>
          <label>${t('xiaomi.token')}<input type="password" name="token" autocomplete="off" spellcheck="false"
            minlength="32" maxlength="32" placeholder="0123456789abcdef0123456789abcdef" /></label>
          <p class="muted">${t('xiaomi.token_hint')}</p>
          <label>${t('xiaomi.name')}<input type="text" name="name" autocomplete="off" /></label>
          <label>${t('users.space')}
            <select name="space" @change=${(e: Event) => (this.space = (e.target as HTMLSelectElement).value)}>
              ${this.spaces.map((s) => html`<option value=${s.id} ?selected=${s.id === this.space}>${localName(s.name, s.aliases)}</option>`)}
            </select>
          </label>
          <label>${t('xiaomi.room')}
            <select name="room">
              <option value="">—</option>
              ${rooms.map((r) => html`<option value=${r.id}>${localName(r.name, r.aliases)}</option>`)}
            </select>
          </label>
          <button class="primary" ?disabled=${this.adding}>${this.adding ? t('xiaomi.adding') : t('xiaomi.add')}</button>
        </form>
      </section>
    `;
  }

  private found(discovery: Discovery): TemplateResult {
    return html`
      ${discovery.problems.map((p) => html`<p class="muted">${p}</p>`)}
      ${discovery.found.length
        ? html`<ul class="plain">
            ${discovery.found.map(
              (f) => html`<li data-found=${f.did}>
                <div class="row between">
                  <span>${f.address} <span class="muted">${f.model ?? t('xiaomi.model_unknown')} · ${f.did}</span></span>
                  ${f.added_as
                    ? html`<span class="muted">${t('xiaomi.already_added')}</span>`
                    : html`<button @click=${() => (this.host = f.port === 54321 ? f.address : `${f.address}:${f.port}`)}>
                        ${t('xiaomi.use')}</button>`}
                </div>
                ${f.token_revealed ? html`<p class="muted">${t('xiaomi.token_revealed')}</p>` : nothing}
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${t('xiaomi.nothing_found')}</p>`}
      <details>
        <summary>${t('xiaomi.where_tokens')}</summary>
        <p>${discovery.tokens}</p>
      </details>
    `;
  }
}
