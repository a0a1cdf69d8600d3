/** Whether what the app shows is current: the phone is online, the hub answers, the live view is up.

When it is not, values are the last ones seen (stale) and controls are disabled: a tap could
not reach the hub, and a switch must not pretend it did.
*/

import { api } from './api';
import { live } from './live';

class Connection extends EventTarget {
  private wasLive = false;
  private last = false;

  constructor() {
    super();
    const check = (): void => this.check();
    window.addEventListener('online', check);
    window.addEventListener('offline', check);
    api.addEventListener('reachability', check);
    api.addEventListener('signedout', () => {
      this.wasLive = false;
      this.check();
    });
    live.addEventListener('status', () => {
      if (live.status === 'live') {
        this.wasLive = true;
        api.setReachable(true); // the socket's answer is the hub's: it is reachable again
      }
      this.check();
    });
  }

  /** True while the app cannot be sure its values are the hub's current ones. */
  get stale(): boolean {
    // Before the live view first connects, values come fresh from HTTP; after, a dropped live
    // view means changes may be missed.
    return !navigator.onLine || !api.reachable || (this.wasLive && live.status !== 'live');
  }

  private check(): void {
    const now = this.stale;
    if (now === this.last) return;
    this.last = now;
    this.dispatchEvent(new Event('change'));
  }
}

export const connection = new Connection();
