/** For the owner: people who use the hub, their roles, and what each may see and control. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, messageOf } from '../api';
import { ViewElement } from '../element';
import { formatTime, localName, t } from '../i18n';
import { shared } from '../styles';
import type { Device, Grant, Role, Space, User } from '../types';

const ROLES: Role[] = ['adult', 'child', 'guest', 'owner'];

@customElement('orbit-users')
export class UsersView extends ViewElement {
  static styles = [
    shared,
    css`
      .checks label {
        display: inline-flex;
        gap: 0.3rem;
        margin-right: 0.8rem;
      }
      .grow {
        flex: 1;
      }
      form.row {
        align-items: flex-end;
      }
      form.row button {
        margin-bottom: 0.5rem;
      }
      .ask {
        background: var(--bg);
        border-radius: 10px;
        padding: 0.6rem 0.8rem;
        margin-top: 0.5rem;
      }
      .ask p {
        margin: 0 0 0.5rem;
      }
      .danger {
        background: var(--danger);
        color: #fff;
      }
    `,
  ];

  @state() private users: User[] = [];
  @state() private spaces: Space[] = [];
  @state() private devices: Device[] = [];
  /** The user whose removal waits for a second tap. */
  @state() private removing = '';
  /** The grant whose removal waits for a second tap. */
  @state() private revoking = '';
  @state() private notice = '';
  @state() private grants: Record<string, Grant[]> = {};
  @state() private open = '';
  @state() private grantSpace = '';
  @state() private error = '';

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      [this.users, this.spaces, this.devices] = await Promise.all([
        api.get<User[]>('/api/users'),
        api.get<Space[]>('/api/spaces'),
        api.get<Device[]>('/api/devices'),
      ]);
      this.grantSpace ||= this.spaces[0]?.id ?? '';
      this.error = '';
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private async loadGrants(userId: string): Promise<void> {
    this.open = this.open === userId ? '' : userId;
    if (!this.open) return;
    try {
      this.grants = { ...this.grants, [userId]: await api.get<Grant[]>(`/api/users/${encodeURIComponent(userId)}/grants`) };
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private async guarded(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
      this.error = '';
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    await this.guarded(async () => {
      await api.request('POST', '/api/users', {
        username: data.get('username'),
        password: data.get('password'),
        display_name: data.get('display_name') || data.get('username'),
        role: data.get('role'),
      });
      form.reset();
      await this.load();
    });
  }

  private async grant(event: SubmitEvent, userId: string): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const rooms = data.getAll('rooms').map(String);
    const devices = data.getAll('devices').map(String);
    const expires = String(data.get('expires') ?? '');
    await this.guarded(async () => {
      await api.request('POST', `/api/users/${encodeURIComponent(userId)}/grants`, {
        space_id: data.get('space'),
        room_ids: rooms.length ? rooms : null,
        device_ids: devices.length ? devices : null,
        expires_at: expires ? new Date(expires).getTime() / 1000 : null,
      });
      this.open = '';
      await this.loadGrants(userId);
    });
  }

  private async revoke(grant: Grant): Promise<void> {
    this.revoking = '';
    await this.guarded(async () => {
      await api.request('DELETE', `/api/grants/${encodeURIComponent(grant.id)}`);
      this.open = '';
      await this.loadGrants(grant.user_id);
    });
  }

  private async setCounts(user: User, counts: boolean): Promise<void> {
    await this.guarded(async () => {
      await api.request('PATCH', `/api/users/${encodeURIComponent(user.id)}`, { counts_for_presence: counts });
      await this.load();
    });
  }

  private async removeUser(user: User): Promise<void> {
    this.removing = '';
    await this.guarded(async () => {
      await api.request('DELETE', `/api/users/${encodeURIComponent(user.id)}`);
      await this.load();
    });
  }

  private async setRole(user: User, role: Role): Promise<void> {
    await this.guarded(async () => {
      await api.request('PATCH', `/api/users/${encodeURIComponent(user.id)}`, { role });
      await this.load();
    });
  }

  /** An owner sets a new password; the hub ends that person's sessions. */
  private async resetPassword(event: SubmitEvent, user: User): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const password = String(new FormData(form).get('password') ?? '');
    await this.guarded(async () => {
      await api.request('PATCH', `/api/users/${encodeURIComponent(user.id)}`, { password });
      form.reset();
      this.notice = t('users.password_set', { name: user.display_name || user.username });
    });
  }

  private name(id: string, kind: 'room' | 'device', spaceId: string): string {
    if (kind === 'device') {
      const device = this.devices.find((d) => d.id === id);
      return device ? localName(device.name, device.aliases) : id;
    }
    const room = this.spaces.find((s) => s.id === spaceId)?.rooms.find((r) => r.id === id);
    return room ? localName(room.name, room.aliases) : id;
  }

  render(): TemplateResult {
    return html`
      <h1>${t('users.title')}</h1>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p class="muted" role="status">${this.notice}</p>` : nothing}
      ${this.users.map(
        (u) => html`<section class="card" data-user=${u.username}>
          <div class="row between">
            <strong>${u.display_name || u.username}</strong><span class="muted">${u.username} · ${t(`users.role.${u.role}`)}</span>
          </div>
          ${u.role !== 'owner'
            ? html`<label class="row">
                <input type="checkbox" name="counts_for_presence" .checked=${u.counts_for_presence !== false}
                  @change=${(e: Event) => this.setCounts(u, (e.target as HTMLInputElement).checked)} />
                <span>${t('users.counts_for_presence')}</span>
              </label>`
            : nothing}
          ${u.role !== 'owner'
            ? html`<label>${t('users.role')}
                <select name="role" .value=${u.role} @change=${(e: Event) => this.setRole(u, (e.target as HTMLSelectElement).value as Role)}>
                  ${ROLES.map((r) => html`<option value=${r} ?selected=${r === u.role}>${t(`users.role.${r}`)}</option>`)}
                </select></label>
              <form class="row" @submit=${(e: SubmitEvent) => this.resetPassword(e, u)}>
                <label class="grow">${t('users.new_password')}
                  <input type="password" name="password" required minlength="8" autocomplete="new-password" /></label>
                <button>${t('users.reset_password')}</button>
              </form>`
            : nothing}
          <div class="row">
            <button @click=${() => this.loadGrants(u.id)}>${t('users.grants')}</button>
            ${u.role !== 'owner' && this.removing !== u.id
              ? html`<button @click=${() => (this.removing = u.id)}>${t('users.delete')}</button>`
              : nothing}
          </div>
          ${this.removing === u.id
            ? html`<div class="ask" role="alertdialog" aria-label=${t('users.delete_question', { name: u.display_name || u.username })}>
                <p>${t('users.delete_question', { name: u.display_name || u.username })}</p>
                <div class="row">
                  <button class="danger" @click=${() => this.removeUser(u)}>${t('users.delete')}</button>
                  <button @click=${() => (this.removing = '')}>${t('app.cancel')}</button>
                </div>
              </div>`
            : nothing}
          ${this.open === u.id ? this.grantsOf(u) : nothing}
        </section>`,
      )}
      <section class="card">
        <h2>${t('users.create')}</h2>
        <form @submit=${this.create}>
          <label>${t('login.username')}<input type="text" name="username" required autocomplete="off" /></label>
          <label>${t('users.display_name')}<input type="text" name="display_name" autocomplete="off" /></label>
          <label>${t('login.password')}<input type="password" name="password" required autocomplete="new-password" /></label>
          <label>${t('users.role')}
            <select name="role">${ROLES.map((r) => html`<option value=${r}>${t(`users.role.${r}`)}</option>`)}</select>
          </label>
          <button class="primary">${t('users.create')}</button>
        </form>
      </section>
    `;
  }

  private grantsOf(user: User): TemplateResult {
    const grants = this.grants[user.id] ?? [];
    const space = this.spaces.find((s) => s.id === this.grantSpace);
    const spaceName = (id: string): string => {
      const s = this.spaces.find((x) => x.id === id);
      return s ? localName(s.name, s.aliases) : id;
    };
    const person = user.display_name || user.username;
    return html`
      <ul class="plain">
        ${grants.map((g) => {
          const what = `${spaceName(g.space_id)}: ${
            [
              ...(g.room_ids ?? []).map((id) => this.name(id, 'room', g.space_id)),
              ...(g.device_ids ?? []).map((id) => this.name(id, 'device', g.space_id)),
            ].join(', ') || t('users.whole_space')
          }`;
          const question = t('users.revoke_question', { name: person, what });
          return html`<li data-grant=${g.id}>
            <div class="row between">
              <span>${what}
                <span class="muted">${g.expires_at ? t('users.until', { time: formatTime(g.expires_at) }) : t('users.no_expiry')}</span></span>
              ${this.revoking !== g.id ? html`<button @click=${() => (this.revoking = g.id)}>${t('users.revoke')}</button>` : nothing}
            </div>
            ${this.revoking === g.id
              ? html`<div class="ask" role="alertdialog" aria-label=${question}>
                  <p>${question}</p>
                  <div class="row">
                    <button class="danger" @click=${() => this.revoke(g)}>${t('users.revoke')}</button>
                    <button @click=${() => (this.revoking = '')}>${t('app.cancel')}</button>
                  </div>
                </div>`
              : nothing}
          </li>`;
        })}
      </ul>
      <form @submit=${(e: SubmitEvent) => this.grant(e, user.id)}>
        <label>${t('users.space')}
          <select name="space" @change=${(e: Event) => (this.grantSpace = (e.target as HTMLSelectElement).value)}>
            ${this.spaces.map((s) => html`<option value=${s.id} ?selected=${s.id === this.grantSpace}>${localName(s.name, s.aliases)}</option>`)}
          </select>
        </label>
        ${space?.rooms.length
          ? html`<div class="checks"><div class="muted">${t('users.rooms')}</div>
              ${space.rooms.map((r) => html`<label><input type="checkbox" name="rooms" value=${r.id} />${localName(r.name, r.aliases)}</label>`)}
            </div>`
          : nothing}
        ${this.devices.some((d) => d.space_id === space?.id)
          ? html`<div class="checks"><div class="muted">${t('users.devices')}</div>
              ${this.devices
                .filter((d) => d.space_id === space?.id)
                .map((d) => html`<label><input type="checkbox" name="devices" value=${d.id} />${localName(d.name, d.aliases)}</label>`)}
            </div>`
          : nothing}
        <label>${t('users.expires')}<input type="datetime-local" name="expires" /></label>
        <button class="primary">${t('users.grant')}</button>
      </form>
    `;
  }
}
