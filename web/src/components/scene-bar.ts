/** One-tap scenes: the hub's scenes that set devices of this space, as buttons. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, messageOf } from '../api';
import { ViewElement } from '../element';
import { localName, t } from '../i18n';
import { store } from '../store';
import { shared } from '../styles';
import type { Scene, SceneResult } from '../types';

@customElement('orbit-scene-bar')
export class SceneBar extends ViewElement {
  static styles = [
    shared,
    css`
      .chips {
        padding-bottom: 0.4rem;
      }
      .chips button {
        background: var(--card);
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
      }
      p {
        margin: 0 0 0.4rem;
      }
    `,
  ];

  @property({ attribute: 'space-id' }) spaceId = '';
  @state() private scenes: Scene[] = [];
  @state() private busy = '';
  @state() private message = '';
  @state() private error = '';

  // Which scenes belong here depends on the devices loaded: re-render when they arrive.
  protected watchesDevices = true;

  connectedCallback(): void {
    super.connectedCallback();
    // No automations on this hub (404/503) or no answer: simply no scene buttons.
    void api
      .get<Scene[]>('/api/scenes')
      .then((scenes) => (this.scenes = scenes))
      .catch(() => null);
  }

  render(): TemplateResult | typeof nothing {
    // A scene belongs to the space of its devices (those not loaded yet count as elsewhere).
    const here = this.scenes.filter((s) => s.devices.some((id) => store.get(id)?.space_id === this.spaceId));
    if (here.length === 0) return nothing;
    return html`<div class="chips" role="group" aria-label=${t('scenes.title')}>
        ${here.map(
          (s) => html`<button data-scene=${s.id} ?disabled=${this.busy !== ''} @click=${() => this.activate(s)}>
            ${localName(s.name, s.aliases)}</button>`,
        )}
      </div>
      ${this.message ? html`<p class="muted" role="status">${this.message}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}`;
  }

  private async activate(scene: Scene): Promise<void> {
    this.busy = scene.id;
    this.message = '';
    this.error = '';
    const name = localName(scene.name, scene.aliases);
    try {
      const result = await api.request<SceneResult>('POST', `/api/scenes/${encodeURIComponent(scene.id)}/activate`);
      if (result.failed.length === 0) this.message = t('scenes.done', { name });
      else this.error = t('scenes.partial', { name, count: result.failed.length, reason: result.failed[0].message });
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = '';
    }
  }
}
