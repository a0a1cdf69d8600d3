/** The car's charging settings, editable: the target by departure, the departure time, the limit. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, messageOf } from '../api';
import { ViewElement } from '../element';
import { t } from '../i18n';
import { shared } from '../styles';
import type { Vehicle } from '../types';

@customElement('orbit-charge-settings')
export class ChargeSettingsForm extends ViewElement {
  static styles = [
    shared,
    css`
      .fields {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
        gap: 0.5rem;
      }
      .fields label {
        margin: 0;
        font-size: 0.85rem;
      }
      input {
        width: 100%;
        padding: 0.5rem;
        border-radius: 10px;
        border: 1px solid var(--line);
        background: var(--bg);
        min-height: 44px;
        margin-top: 0.2rem;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.6rem;
      }
    `,
  ];

  @property({ attribute: false }) vehicle: Vehicle | null = null;
  @state() private busy = false;
  @state() private message = '';
  @state() private error = '';

  render(): TemplateResult | typeof nothing {
    const vehicle = this.vehicle;
    const settings = vehicle?.charging.settings;
    if (!vehicle || !settings || vehicle.controllable === false) return nothing;
    const limit = vehicle.charging.limit_soc ?? settings.limit_soc;
    return html`<form class="card" data-car="settings" @submit=${this.save}>
      <h3>${t('car.settings')}</h3>
      <div class="fields">
        <label>${t('car.target')}
          <input type="number" name="target" inputmode="numeric" min="10" max="100" step="1" required .value=${String(Math.round(settings.target_soc))} /></label>
        <label>${t('car.departure')}
          <input type="time" name="departure" required .value=${settings.departure_time ?? '07:30'} /></label>
        <label>${t('car.limit')}
          <input type="number" name="limit" inputmode="numeric" min="50" max="100" step="1" required .value=${String(Math.round(limit))} /></label>
      </div>
      <p class="muted">${t('car.settings_hint')}</p>
      <div class="buttons">
        <button class="primary" ?disabled=${this.busy}>${t('app.save')}</button>
        <button type="button" ?disabled=${this.busy} @click=${this.precondition}>${t('car.precondition')}</button>
      </div>
      ${this.message ? html`<p class="muted" role="status">${this.message}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </form>`;
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const vehicle = this.vehicle;
    if (!vehicle) return;
    const form = new FormData(event.target as HTMLFormElement);
    const target = Number(form.get('target'));
    const limit = Number(form.get('limit'));
    if (target > limit) {
      this.message = '';
      this.error = t('car.target_over_limit', { target, limit });
      return;
    }
    await this.run(async () => {
      await api.request('PUT', `/api/vehicles/${encodeURIComponent(vehicle.id)}/charging`, {
        target_soc: target,
        departure_time: String(form.get('departure')),
        limit,
      });
      this.message = t('car.saved');
      this.dispatchEvent(new Event('changed'));
    });
  }

  private async precondition(): Promise<void> {
    const vehicle = this.vehicle;
    if (!vehicle) return;
    await this.run(async () => {
      const answer = await api.request<{ confirmed: boolean; message: string; target_temperature: number }>(
        'POST',
        `/api/vehicles/${encodeURIComponent(vehicle.id)}/precondition`,
      );
      this.message = answer.confirmed ? t('car.preconditioning', { temperature: answer.target_temperature }) : answer.message;
    });
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.message = '';
    this.error = '';
    try {
      await work();
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }
}
