/** The command box: a sentence to the assistant, its answer below; hidden when the hub has none. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, api, messageOf } from '../api';
import { ViewElement } from '../element';
import { language, t } from '../i18n';
import { shared } from '../styles';
import type { AssistantAnswer } from '../types';

let missing = false;

@customElement('orbit-assistant-box')
export class AssistantBox extends ViewElement {
  static styles = [
    shared,
    css`
      form {
        display: flex;
        gap: 0.4rem;
        margin-bottom: 0.75rem;
      }
      input {
        flex: 1;
      }
    `,
  ];

  /** The space and room on screen: "make it warmer" means the room the person is looking at. */
  @property({ attribute: false }) spaceId = '';
  @property({ attribute: false }) roomId = '';
  @state() private answer: AssistantAnswer | null = null;
  @state() private error = '';
  @state() private busy = false;

  render(): TemplateResult | typeof nothing {
    if (missing) return nothing;
    return html`
      <form @submit=${this.ask}>
        <input type="text" name="text" enterkeyhint="send" autocomplete="off"
          aria-label=${t('assistant.send')} placeholder=${t('assistant.placeholder')} />
        <button class="primary" ?disabled=${this.busy}>${t('assistant.send')}</button>
      </form>
      ${this.answer
        ? html`<div class="card" role="status" data-answer>
            <p>${this.answer.answer}</p>
            ${this.answer.needs_clarification && this.answer.choices?.length
              ? html`<div class="chips" role="group" aria-label=${t('assistant.choices')}>
                  ${this.answer.choices.map(
                    (c) => html`<button type="button" data-choice=${c.id} ?disabled=${this.busy}
                      @click=${() => this.choose(c.id)}>${c.label ?? c.name ?? c.id}</button>`,
                  )}
                  ${this.answer.choices.length > 1
                    ? html`<button type="button" data-choice="all" ?disabled=${this.busy}
                        @click=${() => this.choose('all')}>${t('assistant.all')}</button>`
                    : nothing}
                  <button type="button" data-choice="cancel" ?disabled=${this.busy}
                    @click=${() => this.choose('cancel')}>${t('assistant.cancel')}</button>
                </div>`
              : nothing}
          </div>`
        : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    `;
  }

  /** A tapped choice answers the question by id: no sentence to misread. */
  private async choose(choice: string): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      this.answer = await api.request<AssistantAnswer>('POST', '/api/assistant/choose', { choice, language: language() });
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }

  private async ask(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('text') as HTMLInputElement;
    const text = input.value.trim();
    if (!text) return;
    this.busy = true;
    this.error = '';
    try {
      const where = { ...(this.spaceId ? { space_id: this.spaceId } : {}), ...(this.roomId ? { room_id: this.roomId } : {}) };
      this.answer = await api.request<AssistantAnswer>('POST', '/api/assistant/ask', { text, language: language(), ...where });
      input.value = '';
    } catch (error) {
      if (error instanceof ApiError && error.missing) {
        missing = true;
        this.requestUpdate();
      } else {
        this.error = messageOf(error);
      }
    } finally {
      this.busy = false;
    }
  }
}
