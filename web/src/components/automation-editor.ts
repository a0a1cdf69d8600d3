/** Review or edit one automation: a form for simple ones, YAML for the rest.

The hub checks what is saved; its problems come back with their YAML line, shown beside the
text, and nothing is saved while any remains.
*/

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, ApiError, YamlBody, messageOf } from '../api';
import { fromSimple, toSimple, toYaml, type Doc, type SimpleAutomation } from '../automation-doc';
import { ViewElement } from '../element';
import { t, type MessageKey } from '../i18n';
import { store } from '../store';
import { shared } from '../styles';
import type { Device } from '../types';
import './automation-form';

interface Problem {
  path: string;
  message: string;
  line?: number;
  /** For broken YAML: the usual slips by name, said in the app's language. */
  kind?: string;
}

const SLIPS: Record<string, MessageKey> = {
  indentation: 'editor.yaml_indentation',
  unclosed: 'editor.yaml_unclosed',
  tab: 'editor.yaml_tab',
};

@customElement('orbit-automation-editor')
export class AutomationEditor extends ViewElement {
  static styles = [
    shared,
    css`
      .tabs {
        display: flex;
        gap: 0.4rem;
        margin-bottom: 0.5rem;
      }
      .tabs button[aria-pressed='true'] {
        background: var(--accent);
        color: #fff;
      }
      .code {
        display: flex;
        border: 1px solid var(--line);
        border-radius: 10px;
        overflow: hidden;
        background: var(--bg);
      }
      .gutter {
        padding: 0.5rem 0.4rem;
        text-align: right;
        color: var(--muted);
        user-select: none;
        overflow: hidden;
      }
      .gutter div.bad {
        color: #fff;
        background: var(--danger);
        border-radius: 4px;
      }
      .gutter,
      textarea {
        font: 0.9rem/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      }
      textarea {
        flex: 1;
        min-height: 16rem;
        border: 0;
        padding: 0.5rem;
        resize: vertical;
        background: transparent;
        color: inherit;
        white-space: pre;
        overflow: auto;
      }
      .problems li {
        color: var(--danger);
      }
    `,
  ];

  /** The automation to start from. */
  @property({ attribute: false }) doc: Doc = {};
  @property() heading = '';
  @property() method: 'POST' | 'PUT' = 'POST';
  /** Where saving sends it (``/api/automations``, a suggestion's ``accept``...). */
  @property() path = '/api/automations';
  @state() private mode: 'form' | 'yaml' = 'form';
  @state() private form: SimpleAutomation | null = null;
  @state() private text = '';
  /** The YAML as it was when the YAML view opened: unchanged, the form can take over again. */
  private shown = '';
  @state() private problems: Problem[] = [];
  @state() private error = '';
  @state() private busy = false;

  connectedCallback(): void {
    super.connectedCallback();
    this.form = toSimple(this.doc);
    this.mode = this.form ? 'form' : 'yaml';
    this.text = this.shown = toYaml(this.doc);
    if (store.all().length === 0) void api.get<Device[]>('/api/devices').then((d) => store.put(d), () => undefined);
  }

  private toYamlMode(): void {
    if (this.form) this.text = this.shown = toYaml(fromSimple(this.form));
    this.mode = 'yaml';
  }

  private get formAvailable(): boolean {
    return this.form !== null && (this.mode === 'form' || this.text === this.shown);
  }

  private async save(): Promise<void> {
    this.busy = true;
    this.problems = [];
    this.error = '';
    try {
      const body = this.mode === 'form' && this.form ? fromSimple(this.form) : new YamlBody(this.text);
      const saved = await api.request<unknown>(this.method, this.path, body);
      this.dispatchEvent(new CustomEvent('saved', { detail: saved, bubbles: true, composed: true }));
    } catch (error) {
      this.error = messageOf(error);
      if (error instanceof ApiError) this.problems = problemsOf(error.detail);
    } finally {
      this.busy = false;
    }
  }

  render(): TemplateResult {
    return html`<section class="card" data-editor>
      ${this.heading ? html`<h2>${this.heading}</h2>` : nothing}
      <div class="tabs" role="group" aria-label=${t('editor.how')}>
        <button type="button" data-mode="form" aria-pressed=${this.mode === 'form' ? 'true' : 'false'} ?disabled=${!this.formAvailable}
          @click=${() => (this.mode = 'form')}>${t('editor.form')}</button>
        <button type="button" data-mode="yaml" aria-pressed=${this.mode === 'yaml' ? 'true' : 'false'} @click=${() => this.toYamlMode()}>YAML</button>
      </div>
      ${!this.form ? html`<p class="muted">${t('editor.yaml_only')}</p>` : nothing}
      ${this.mode === 'form' && this.form
        ? html`<orbit-automation-form .value=${this.form} @change=${(e: CustomEvent<SimpleAutomation>) => (this.form = e.detail)}></orbit-automation-form>`
        : this.yaml()}
      ${this.error && !this.problems.length ? html`<p class="error" role="alert" data-editor-error>${this.error}</p>` : nothing}
      ${this.problems.length
        ? html`<div role="alert"><ul class="problems" data-problems>
            ${this.problems.map((p) => html`<li data-problem-line=${p.line ?? ''}>${p.line ? `${t('editor.line', { line: p.line })}: ` : ''}${p.path !== '-' ? `${p.path}: ` : ''}${p.kind && SLIPS[p.kind] ? t(SLIPS[p.kind]) : p.message}</li>`)}
          </ul></div>`
        : nothing}
      <div class="row">
        <button class="primary" type="button" data-save ?disabled=${this.busy} @click=${() => this.save()}>${t('app.save')}</button>
        <button type="button" data-cancel @click=${() => this.dispatchEvent(new Event('cancel', { bubbles: true, composed: true }))}>${t('app.cancel')}</button>
      </div>
    </section>`;
  }

  private yaml(): TemplateResult {
    const bad = new Set(this.problems.map((p) => p.line).filter((l): l is number => typeof l === 'number'));
    const count = Math.max(1, this.text.split('\n').length);
    return html`<div class="code">
      <div class="gutter" aria-hidden="true" data-gutter>
        ${Array.from({ length: count }, (_, i) => html`<div class=${bad.has(i + 1) ? 'bad' : ''} data-line=${i + 1}>${i + 1}</div>`)}
      </div>
      <textarea spellcheck="false" autocapitalize="off" aria-label=${t('editor.yaml_label')} data-yaml .value=${this.text}
        @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}
        @scroll=${(e: Event) => this.syncGutter(e)}></textarea>
    </div>`;
  }

  private syncGutter(event: Event): void {
    const gutter = this.renderRoot.querySelector<HTMLElement>('[data-gutter]');
    if (gutter) gutter.scrollTop = (event.target as HTMLTextAreaElement).scrollTop;
  }
}

function problemsOf(detail: unknown): Problem[] {
  if (!detail || typeof detail !== 'object') return [];
  const errors = (detail as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
    .map((e) => ({
      path: String(e.path ?? '-'),
      message: String(e.message ?? ''),
      line: typeof e.line === 'number' ? e.line : undefined,
      kind: typeof e.kind === 'string' ? e.kind : undefined,
    }));
}
