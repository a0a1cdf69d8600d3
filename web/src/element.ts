/** The base of every view: re-renders when the language or the device store changes. */

import { LitElement } from 'lit';
import { connection } from './connection';
import { onLanguageChange } from './i18n';
import { store } from './store';

export class ViewElement extends LitElement {
  /** Whether device changes re-render this element (views that show device state). */
  protected watchesDevices = false;
  private stopLanguage: (() => void) | null = null;
  private readonly onStore = (): void => this.requestUpdate();

  connectedCallback(): void {
    super.connectedCallback();
    this.stopLanguage = onLanguageChange(() => this.requestUpdate());
    if (this.watchesDevices) {
      store.addEventListener('change', this.onStore);
      connection.addEventListener('change', this.onStore);
    }
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLanguage?.();
    store.removeEventListener('change', this.onStore);
    connection.removeEventListener('change', this.onStore);
  }
}
