/** The app shell: who is signed in, which view the address shows, the live and offline states. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, messageOf } from '../api';
import { forgetAll, recall, remember } from '../cache';
import { forgetCompanion, startCompanion } from '../companion';
import { setFavouritesOwner } from '../favourites';
import { ViewElement } from '../element';
import { language, t, type MessageKey } from '../i18n';
import { live } from '../live';
import { store } from '../store';
import { shared } from '../styles';
import type { Grant, LiveMessage, User } from '../types';
import './login-view';
import './spaces-view';
import './device-page';
import './energy-view';
import './activity-view';
import './inbox-view';
import './automations-view';
import './users-view';
import './settings-view';
import './xiaomi-view';

const TABS: { route: string; key: MessageKey; icon: string }[] = [
  { route: '', key: 'nav.home', icon: '⌂' },
  { route: 'energy', key: 'nav.energy', icon: '⚡' },
  { route: 'activity', key: 'nav.activity', icon: '☰' },
  { route: 'inbox', key: 'nav.alerts', icon: '✉' },
  { route: 'more', key: 'nav.more', icon: '⋯' },
];

@customElement('orbit-app')
export class OrbitApp extends ViewElement {
  static styles = [
    shared,
    css`
      :host {
        min-height: 100vh;
        display: flex;
        flex-direction: column;
      }
      header {
        position: sticky;
        top: 0;
        z-index: 2;
        background: var(--bar);
        color: #fff;
        padding: calc(env(safe-area-inset-top) + 0.6rem) 1rem 0.6rem;
        display: flex;
        align-items: center;
        justify-content: space-between;
      }
      header strong {
        font-size: 1.1rem;
      }
      .status {
        font-size: 0.8rem;
        opacity: 0.9;
      }
      .banner {
        background: var(--warn);
        color: #000;
        padding: 0.5rem 1rem;
        font-size: 0.9rem;
      }
      main {
        flex: 1;
        padding: 0.75rem 0.75rem 5.5rem;
        width: 100%;
        max-width: 1100px;
        margin: 0 auto;
      }
      nav.tabs {
        position: fixed;
        bottom: 0;
        left: 0;
        right: 0;
        display: flex;
        background: var(--card);
        border-top: 1px solid var(--line);
        padding-bottom: env(safe-area-inset-bottom);
        z-index: 2;
      }
      nav.tabs a {
        flex: 1;
        text-align: center;
        padding: 0.45rem 0 0.55rem;
        color: var(--muted);
        text-decoration: none;
        font-size: 0.75rem;
      }
      nav.tabs a span {
        display: block;
        font-size: 1.25rem;
        line-height: 1.3;
      }
      nav.tabs a[aria-current='page'] {
        color: var(--accent);
      }
      .badge {
        background: var(--danger);
        color: #fff;
        border-radius: 999px;
        padding: 0 0.4em;
        font-size: 0.7rem;
      }
      .toast {
        position: fixed;
        left: 0.75rem;
        right: 0.75rem;
        bottom: calc(4.5rem + env(safe-area-inset-bottom));
        background: var(--bar);
        color: #fff;
        padding: 0.75rem 1rem;
        border-radius: 12px;
        z-index: 3;
        box-shadow: 0 4px 12px rgb(0 0 0 / 0.25);
      }
    `,
  ];

  @state() private route = location.hash;
  @state() private user: User | null = null;
  @state() private online = navigator.onLine;
  @state() private reachable = true;
  @state() private error = '';
  @state() private unseen = 0;
  @state() private toast = '';
  private toastTimer: number | undefined;

  private readonly onHash = (): void => {
    this.route = location.hash;
    if (this.parts[0] === 'inbox') this.unseen = 0;
  };
  private readonly onNetwork = (): void => {
    this.online = navigator.onLine;
    if (this.online && api.signedIn && (!this.user || !this.reachable)) void this.loadMe();
  };
  private readonly onSignedOut = (): void => {
    this.user = null;
    live.stop();
    forgetCompanion();
    store.clear();
    forgetAll();
  };
  private readonly onLiveStatus = (): void => this.requestUpdate();
  private readonly onLiveMessage = (event: Event): void => {
    const message = (event as CustomEvent<LiveMessage>).detail;
    if (message.type !== 'notification') return;
    if (this.parts[0] !== 'inbox') this.unseen += 1;
    this.toast = [message.title, message.message].filter((x) => typeof x === 'string' && x).join(': ');
    window.clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => (this.toast = ''), 6000);
  };

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    window.addEventListener('online', this.onNetwork);
    window.addEventListener('offline', this.onNetwork);
    api.addEventListener('signedout', this.onSignedOut);
    api.addEventListener('reachability', this.onLiveStatus);
    live.addEventListener('status', this.onLiveStatus);
    live.addEventListener('message', this.onLiveMessage);
    if (api.signedIn) void this.loadMe();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    window.removeEventListener('online', this.onNetwork);
    window.removeEventListener('offline', this.onNetwork);
    api.removeEventListener('signedout', this.onSignedOut);
    api.removeEventListener('reachability', this.onLiveStatus);
    live.removeEventListener('status', this.onLiveStatus);
    live.removeEventListener('message', this.onLiveMessage);
  }

  private async loadMe(): Promise<void> {
    try {
      const me = await api.get<{ user: User; grants: Grant[] }>('/api/me');
      this.user = me.user;
      setFavouritesOwner(me.user.username);
      remember('me', me.user);
      this.reachable = true;
      this.error = '';
      // The language the person signed in with holds (the phone's, chosen or detected); the
      // account learns it, so what the hub writes for this person (notifications) matches.
      if (me.user.language !== language()) {
        void api.request('PATCH', '/api/me', { language: language() }).catch(() => null);
      }
      live.start();
      startCompanion().catch(() => null);
    } catch (error) {
      this.reachable = (error as { status?: number }).status !== 0;
      if (this.reachable) this.error = messageOf(error);
      // Offline: open the app as this person last saw it; the views fall back to their cache.
      else this.user ??= recall<User>('me');
      if (this.user) setFavouritesOwner(this.user.username);
    }
  }

  render(): TemplateResult {
    const offline = !this.online || !this.reachable || !api.reachable;
    const signedIn = api.signedIn;
    return html`
      <header>
        <strong>${t('app.name')}</strong>
        <span class="status" data-live=${live.status}>
          ${offline ? t('device.offline') : signedIn && this.user ? (live.status === 'live' ? `● ${t('app.live')}` : t('app.reconnecting')) : ''}
        </span>
      </header>
      ${offline ? html`<div class="banner" role="status" data-offline>${t('app.offline')}
          <button @click=${() => this.loadMe()}>${t('app.retry')}</button></div>` : nothing}
      <main>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${signedIn
          ? this.user
            ? this.view(this.user)
            : offline
              ? nothing
              : html`<p class="muted">${t('app.loading')}</p>`
          : offline
            ? nothing
            : html`<orbit-login @signedin=${() => this.loadMe()}></orbit-login>`}
      </main>
      ${this.toast ? html`<div class="toast" role="status" data-toast @click=${() => (this.toast = '')}>${this.toast}</div>` : nothing}
      ${signedIn && this.user ? this.tabs() : nothing}
    `;
  }

  private get parts(): string[] {
    return this.route.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  }

  private view(user: User): TemplateResult {
    const [name, id] = this.parts;
    switch (name) {
      case 'device':
        return html`<orbit-device-page device-id=${id ?? ''}></orbit-device-page>`;
      case 'energy':
        return html`<orbit-energy .user=${user}></orbit-energy>`;
      case 'activity':
        return html`<orbit-activity></orbit-activity>`;
      case 'inbox':
        return html`<orbit-inbox .user=${user}></orbit-inbox>`;
      case 'automations':
        return html`<orbit-automations></orbit-automations>`;
      case 'users':
        return user.role === 'owner' ? html`<orbit-users></orbit-users>` : html`<orbit-settings .user=${user}></orbit-settings>`;
      case 'xiaomi':
        return user.role === 'owner' ? html`<orbit-xiaomi></orbit-xiaomi>` : html`<orbit-settings .user=${user}></orbit-settings>`;
      case 'more':
        return html`<orbit-settings .user=${user}></orbit-settings>`;
      default:
        return html`<orbit-spaces space-id=${name === 'space' ? id ?? '' : ''}></orbit-spaces>`;
    }
  }

  private tabs(): TemplateResult {
    const [name] = this.parts;
    const current = name === 'space' || name === 'device' ? '' : name === 'automations' || name === 'users' || name === 'xiaomi' ? 'more' : name ?? '';
    return html`<nav class="tabs" aria-label=${t('app.name')} lang=${language()}>
      ${TABS.map(
        (tab) => html`<a href="#/${tab.route}" aria-current=${tab.route === current ? 'page' : 'false'} data-tab=${tab.route || 'home'}>
          <span aria-hidden="true">${tab.icon}</span>${t(tab.key)}${tab.route === 'inbox' && this.unseen
            ? html` <b class="badge" data-unseen>${this.unseen}</b>`
            : nothing}</a>`,
      )}
    </nav>`;
  }
}
