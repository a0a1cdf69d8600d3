/** More: links to the less frequent views, language, companion and push settings, sign out. */

import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, messageOf } from '../api';
import { companionEnabled, setCompanion } from '../companion';
import { ViewElement } from '../element';
import { LANGUAGES, language, setLanguage, t, type Language } from '../i18n';
import { enablePush, pushSupported } from '../push';
import { shared } from '../styles';
import type { User } from '../types';

@customElement('orbit-settings')
export class SettingsView extends ViewElement {
  static styles = [shared];

  @property({ attribute: false }) user: User | null = null;
  @state() private companion = companionEnabled();
  @state() private push = '';
  @state() private error = '';

  render(): TemplateResult {
    const user = this.user;
    return html`
      <h1>${t('more.title')}</h1>
      <nav class="card">
        <ul class="plain">
          <li><a href="#/automations">${t('automations.title')}</a></li>
          ${user?.role === 'owner' ? html`<li><a href="#/users">${t('users.title')}</a></li>` : nothing}
          ${user?.role === 'owner' ? html`<li><a href="#/xiaomi">${t('xiaomi.title')}</a></li>` : nothing}
        </ul>
      </nav>
      <section class="card">
        <h2>${t('settings.title')}</h2>
        <label>${t('settings.language')}
          <select name="language" @change=${this.changeLanguage}>
            ${LANGUAGES.map((l) => html`<option value=${l.code} ?selected=${l.code === language()}>${l.label}</option>`)}
          </select>
        </label>
        <label class="row">
          <input type="checkbox" name="companion" .checked=${this.companion} @change=${this.toggleCompanion} />
          <span>${t('settings.companion')}</span>
        </label>
        <p class="muted">${t('settings.companion_hint')}</p>
        ${user?.role === 'owner'
          ? html`<label class="row">
              <input type="checkbox" name="security_notices" .checked=${user.security_notices !== false}
                @change=${this.toggleSecurityNotices} />
              <span>${t('settings.security_notices')}</span>
            </label>`
          : nothing}
        <h3>${t('settings.push')}</h3>
        ${pushSupported() ? html`<button @click=${this.enablePush}>${t('settings.push_on')}</button>` : nothing}
        ${this.push ? html`<p class="muted" role="status">${this.push}</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      </section>
      <section class="card">
        ${user ? html`<p>${t('settings.signed_in_as', { name: user.display_name || user.username, role: t(`users.role.${user.role}`) })}</p>` : nothing}
        <button @click=${() => void api.logout()}>${t('logout')}</button>
      </section>
    `;
  }

  private changeLanguage(event: Event): void {
    const next = (event.target as HTMLSelectElement).value as Language;
    setLanguage(next);
    // Remember it with the account too, so the hub's messages follow; a failure changes nothing here.
    void api.request('PATCH', '/api/me', { language: next }).catch(() => null);
  }

  private async toggleSecurityNotices(event: Event): Promise<void> {
    const box = event.target as HTMLInputElement;
    try {
      await api.request('PATCH', '/api/me', { security_notices: box.checked });
      if (this.user) this.user = { ...this.user, security_notices: box.checked };
      this.error = '';
    } catch (error) {
      box.checked = !box.checked;
      this.error = messageOf(error);
    }
  }

  private async toggleCompanion(event: Event): Promise<void> {
    this.companion = (event.target as HTMLInputElement).checked;
    try {
      await setCompanion(this.companion);
      this.error = '';
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private async enablePush(): Promise<void> {
    try {
      this.push = t((await enablePush()) ? 'settings.push_done' : 'settings.push_unavailable');
    } catch {
      this.push = t('settings.push_unavailable');
    }
  }
}
