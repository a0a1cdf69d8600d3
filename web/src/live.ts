/** The live socket: authenticates, subscribes to what is on screen, resumes after drops. */

import { api } from './api';
import { store } from './store';
import type { ChangedMessage, LiveMessage, OnlineMessage, SnapshotMessage } from './types';

export interface Subscription {
  spaces?: string[];
  rooms?: string[];
  devices?: string[];
}

export type LiveStatus = 'connecting' | 'live' | 'offline';

const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
// Close codes a hub may use for a refused token (RFC 6455 policy violation, or 4401 by analogy).
const AUTH_CLOSE_CODES = new Set([1008, 4001, 4401, 4403]);

class Live extends EventTarget {
  status: LiveStatus = 'offline';
  private socket: WebSocket | null = null;
  private subscription: Subscription = {};
  private lastSeq: number | null = null;
  // The hub run that lastSeq counts in: sequence numbers start again when the hub restarts.
  private epoch: string | null = null;
  private attempts = 0;
  private timer: number | undefined;
  private running = false;

  constructor() {
    super();
    // A refreshed access token keeps an open socket going rather than waiting for it to close.
    api.addEventListener('tokens', () => {
      const token = api.accessToken;
      if (token && this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'auth', token }));
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  stop(): void {
    this.running = false;
    window.clearTimeout(this.timer);
    this.socket?.close(1000);
    this.socket = null;
    this.lastSeq = null;
    this.epoch = null;
    this.setStatus('offline');
  }

  /** Follow these spaces/rooms/devices from now on (what the current view shows). */
  follow(subscription: Subscription): void {
    const same = JSON.stringify(subscription) === JSON.stringify(this.subscription);
    this.subscription = subscription;
    if (!same) {
      // A new set of things: the hub sends a snapshot of them rather than a replay.
      this.lastSeq = null;
      this.sendSubscribe();
    }
  }

  private connect(): void {
    const token = api.accessToken;
    if (!this.running || !token) return;
    this.setStatus('connecting');
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/api/ws`);
    this.socket = socket;
    socket.onopen = () => {
      socket.send(JSON.stringify({ type: 'auth', token }));
      this.sendSubscribe();
    };
    socket.onmessage = (event) => {
      let message: LiveMessage;
      try {
        message = JSON.parse(String(event.data)) as LiveMessage;
      } catch {
        return;
      }
      this.attempts = 0;
      this.setStatus('live');
      this.handle(message);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.setStatus('offline');
      if (!this.running) return;
      if (AUTH_CLOSE_CODES.has(event.code)) {
        void api.refresh().then((ok) => ok && this.schedule());
      } else {
        this.schedule();
      }
    };
  }

  private schedule(): void {
    // Exponential backoff with jitter, so phones do not all come back at the same instant.
    const base = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.attempts);
    this.attempts += 1;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.connect(), base / 2 + Math.random() * (base / 2));
  }

  private sendSubscribe(): void {
    if (this.socket?.readyState !== WebSocket.OPEN) return;
    this.socket.send(
      JSON.stringify({
        type: 'subscribe',
        spaces: this.subscription.spaces ?? [],
        rooms: this.subscription.rooms ?? [],
        devices: this.subscription.devices ?? [],
        since_seq: this.lastSeq,
        // Without the epoch the hub cannot tell a restart apart and sends a snapshot.
        epoch: this.lastSeq === null ? null : this.epoch,
      }),
    );
  }

  private handle(message: LiveMessage): void {
    if (typeof message.epoch === 'string' && message.epoch !== this.epoch) {
      // Another run of the hub: positions seen before mean nothing to it.
      this.epoch = message.epoch;
      this.lastSeq = null;
    }
    if (typeof message.seq === 'number') this.lastSeq = Math.max(this.lastSeq ?? 0, message.seq);
    switch (message.type) {
      case 'snapshot':
        // A snapshot is a new starting point, even when its seq is below an earlier one.
        if (typeof message.seq === 'number') this.lastSeq = message.seq;
        store.put((message as SnapshotMessage).devices);
        break;
      case 'changed': {
        const m = message as ChangedMessage;
        store.setValue(m.device_id, m.path, m.value, m.time);
        break;
      }
      case 'online': {
        const m = message as OnlineMessage;
        store.setOnline(m.device_id, m.online);
        break;
      }
      case 'resync':
        // Fell behind: forget the position; the hub follows with a fresh snapshot.
        this.lastSeq = null;
        break;
      default:
        break;
    }
    this.dispatchEvent(new CustomEvent<LiveMessage>('message', { detail: message }));
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.dispatchEvent(new Event('status'));
  }
}

export const live = new Live();
