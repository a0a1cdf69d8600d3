/** Sign in, or on a fresh hub create the owner account. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, messageOf } from '../api';
import { ViewElement } from '../element';
import { LANGUAGES, language, setLanguage, t, type Language } from '../i18n';
import { shared } from '../styles';
import type { Tokens } from '../types';

@customElement('orbit-login')
export class LoginView extends ViewElement {
  static styles = [shared, css`:host { max-width: 420px; margin: 2rem auto; } form { margin-top: 1rem; }`];

  @state() private onboarding: boolean | null = null;
  @state() private error = '';
  @state() private busy = false;

  connectedCallback(): void {
    super.connectedCallback();
    api.get<{ needed: boolean }>('/api/onboarding').then(
      (answer) => (this.onboarding = answer.needed),
      (error: unknown) => {
        this.onboarding = false;
        this.error = messageOf(error);
      },
    );
  }

  render(): TemplateResult {
    const onboarding = this.onboarding === true;
    return html`
      <section class="card">
        <h1>${onboarding ? t('onboarding.title') : t('login.title')}</h1>
        ${onboarding ? html`<p>${t('onboarding.intro')}</p>` : nothing}
        <form @submit=${this.submit}>
          <label>${t('login.username')}<input type="text" name="username" required autocomplete="username" autocapitalize="none" /></label>
          ${onboarding
            ? html`<label>${t('onboarding.display_name')}<input type="text" name="display_name" autocomplete="name" /></label>`
            : nothing}
          <label>${t('login.password')}
            <input type="password" name="password" required autocomplete=${onboarding ? 'new-password' : 'current-password'} /></label>
          <button class="primary" ?disabled=${this.busy || this.onboarding === null}>
            ${onboarding ? t('onboarding.submit') : t('login.submit')}</button>
        </form>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <label>${t('settings.language')}
          <select @change=${(e: Event) => setLanguage((e.target as HTMLSelectElement).value as Language)}>
            ${LANGUAGES.map((l) => html`<option value=${l.code} ?selected=${l.code === language()}>${l.label}</option>`)}
          </select>
        </label>
      </section>
    `;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    this.busy = true;
    this.error = '';
    try {
      if (this.onboarding) {
        const tokens = await api.request<Tokens>(
          'POST',
          '/api/onboarding',
          { username, password, display_name: String(data.get('display_name') || username), language: language() },
          false,
        );
        api.keep(tokens);
      } else {
        await api.login(username, password);
      }
      this.dispatchEvent(new CustomEvent('signedin', { bubbles: true, composed: true }));
    } catch (error) {
      this.error = t('login.failed', { message: messageOf(error) });
    } finally {
      this.busy = false;
    }
  }
}
