/** The HTTP client: bearer tokens kept on this device, refreshed once on 401, errors as ApiError. */

import { language, t } from './i18n';
import type { Tokens, User } from './types';

const TOKENS_KEY = 'orbithub.tokens';

/** An error answer from the hub, or no answer at all (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail: unknown = null,
  ) {
    super(message);
  }

  /** The endpoint is not there (404) or its service is not running (503): hide the feature. */
  get missing(): boolean {
    return this.status === 404 || this.status === 503;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request body sent as YAML text (an automation typed in the app's YAML editor). */
export class YamlBody {
  constructor(readonly text: string) {}
}

class Api extends EventTarget {
  private tokens: Tokens | null = null;
  /** Whether the hub answered the last request (any status); false after no answer at all. */
  reachable = true;
  private refreshing: Promise<boolean> | null = null;

  constructor() {
    super();
    try {
      this.tokens = JSON.parse(localStorage.getItem(TOKENS_KEY) ?? 'null') as Tokens | null;
    } catch {
      this.tokens = null;
    }
  }

  get signedIn(): boolean {
    return this.tokens !== null;
  }

  get accessToken(): string | null {
    return this.tokens?.access_token ?? null;
  }

  /** Keep a new token pair (after login, onboarding or refresh). */
  keep(tokens: Tokens): void {
    this.tokens = { access_token: tokens.access_token, refresh_token: tokens.refresh_token };
    localStorage.setItem(TOKENS_KEY, JSON.stringify(this.tokens));
    this.dispatchEvent(new Event('tokens'));
  }

  /** Forget the tokens and tell the app (``signedout`` event). */
  forget(): void {
    this.tokens = null;
    localStorage.removeItem(TOKENS_KEY);
    this.dispatchEvent(new Event('signedout'));
  }

  async login(username: string, password: string): Promise<User | undefined> {
    const tokens = await this.request<Tokens>('POST', '/api/auth/login', { username, password }, false);
    this.keep(tokens);
    return tokens.user;
  }

  async logout(): Promise<void> {
    const refresh = this.tokens?.refresh_token;
    if (refresh) {
      await this.request('POST', '/api/auth/logout', { refresh_token: refresh }, false).catch(() => null);
    }
    this.forget();
  }

  /** Trade the refresh token for a new pair; one refresh at a time. False when it failed. */
  refresh(): Promise<boolean> {
    if (this.refreshing) return this.refreshing;
    const refresh = this.tokens?.refresh_token;
    if (!refresh) return Promise.resolve(false);
    this.refreshing = this.request<Tokens>('POST', '/api/auth/refresh', { refresh_token: refresh }, false)
      .then((pair) => {
        this.keep(pair);
        return true;
      })
      .catch((error: unknown) => {
        // Only a refused token signs the user out; a hub that is briefly away does not.
        if (error instanceof ApiError && error.status !== 0) this.forget();
        return false;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  /** GET that answers null when the feature is missing on this hub (404/503). */
  async optional<T>(path: string): Promise<T | null> {
    try {
      return await this.get<T>(path);
    } catch (error) {
      if (error instanceof ApiError && error.missing) return null;
      throw error;
    }
  }

  async request<T>(method: Method, path: string, body?: unknown, auth = true): Promise<T> {
    let response = await this.send(method, path, body, auth);
    if (response.status === 401 && auth && (await this.refresh())) {
      response = await this.send(method, path, body, auth);
    }
    if (response.status === 401 && auth) this.forget();
    if (!response.ok) throw await errorOf(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async send(method: Method, path: string, body: unknown, auth: boolean): Promise<Response> {
    // The app's language, not the browser's: the hub writes its messages in it.
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language() };
    if (body !== undefined) headers['Content-Type'] = body instanceof YamlBody ? 'application/yaml' : 'application/json';
    if (auth && this.tokens) headers.Authorization = `Bearer ${this.tokens.access_token}`;
    try {
      const response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : body instanceof YamlBody ? body.text : JSON.stringify(body),
      });
      this.setReachable(true);
      return response;
    } catch {
      this.setReachable(false);
      throw new ApiError(0, 'offline', t('error.offline'));
    }
  }

  /** Note whether the hub answered (a request, or the live socket that connected). */
  setReachable(reachable: boolean): void {
    if (reachable === this.reachable) return;
    this.reachable = reachable;
    this.dispatchEvent(new Event('reachability'));
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: string; message?: string; detail?: unknown };
    const message = body.message ?? (typeof body.detail === 'string' ? body.detail : null);
    return new ApiError(
      response.status,
      body.code ?? 'error',
      message ?? t('error.generic', { status: response.status }),
      body.detail ?? null,
    );
  } catch {
    return new ApiError(response.status, 'error', t('error.generic', { status: response.status }));
  }
}

/** The one client the whole app shares. */
export const api = new Api();

/** The message to show for any error thrown by a request. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
