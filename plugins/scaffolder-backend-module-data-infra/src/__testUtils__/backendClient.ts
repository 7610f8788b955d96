/*
 * Talking to a test backend as a signed-in user: the registration and the
 * cover-request tests drive the real scaffolder and catalog over HTTP.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';

export interface BackendClient {
  /** One request; the body is JSON when the answer parses as JSON, else text. */
  call(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Polls `probe` every 250 ms until it returns a value. */
  waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs?: number): Promise<T>;
  /** The catalog's entity, or undefined while it is not there. */
  entity(ref: string): Promise<Entity | undefined>;
}

/** `baseUrl` is read at each call: the backend's port is known only once it has started. */
export function backendClient(baseUrl: () => string): BackendClient {
  async function call(method: string, url: string, body?: unknown) {
    const res = await fetch(`${baseUrl()}${url}`, {
      method,
      headers: {
        Authorization: mockCredentials.user.header(),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, body: json };
  }

  async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }

  async function entity(ref: string): Promise<Entity | undefined> {
    const [kind, rest] = ref.split(':');
    const { status, body } = await call('GET', `/catalog/entities/by-name/${kind}/${rest}`);
    return status === 200 ? body : undefined;
  }

  return { call, waitFor, entity };
}
