import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether something accepts TCP connections at host:port. */
export function reachable(host: string, port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * One backend process of packages/backend: app-config.yaml, then the given
 * config files (later ones win), with extra environment variables.
 */
export class BackendProcess {
  private child?: ChildProcess;
  private log = '';
  readonly baseUrl: string;

  constructor(
    readonly port: number,
    private readonly configFiles: string[],
    private readonly env: Record<string, string> = {},
  ) {
    this.baseUrl = `http://localhost:${port}`;
  }

  async start(timeoutMs = 240_000) {
    this.child = spawn(
      path.join(repoRoot, 'scripts', 'run-backend'),
      [path.join(repoRoot, 'app-config.yaml'), ...this.configFiles].flatMap(file => ['--config', file]),
      {
        cwd: repoRoot,
        env: { ...process.env, ...this.env, APP_CONFIG_backend_listen: `:${this.port}`, APP_CONFIG_backend_baseUrl: this.baseUrl, APP_CONFIG_app_baseUrl: this.baseUrl },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-20_000);
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`backend on ${this.port} exited:\n${this.log}`);
      try {
        const res = await fetch(`${this.baseUrl}/.backstage/health/v1/readiness`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise(r => setTimeout(r, 500));
    }
    throw new Error(`backend on ${this.port} not ready in time:\n${this.log}`);
  }

  async stop() {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise(resolve => this.child!.once('exit', resolve));
    // The whole process group, in case the backend spawned helpers.
    process.kill(-this.child.pid!, 'SIGTERM');
    await Promise.race([exited, new Promise(r => setTimeout(r, 15_000))]);
    if (this.child.exitCode === null) process.kill(-this.child.pid!, 'SIGKILL');
  }

  async guestToken(): Promise<string> {
    const res = await fetch(`${this.baseUrl}/api/auth/guest/refresh`, { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
    if (!res.ok) throw new Error(`guest refresh on ${this.port} answered ${res.status}`);
    return (await res.json()).backstageIdentity.token;
  }

  async get(pathAndQuery: string, token: string): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.baseUrl}${pathAndQuery}`, { headers: { Authorization: `Bearer ${token}` } });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // keep text
    }
    return { status: res.status, body };
  }

  async post(pathAndQuery: string, token: string, json: unknown) {
    const res = await fetch(`${this.baseUrl}${pathAndQuery}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(json),
    });
    return res.status;
  }
}

/** A copy of catalog-info/ the test may edit, keeping the folder name the rules match. */
export function copyCatalog(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-infra-replicas-'));
  const target = path.join(dir, 'catalog-info');
  fs.cpSync(path.join(repoRoot, 'catalog-info'), target, { recursive: true });
  return target;
}
