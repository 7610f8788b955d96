/*
 * A minimal npm registry for the packed @data-infra/* tarballs, so an
 * adopter app installs them exactly as it would from npmjs.com: `yarn add
 * @data-infra/…` resolves `latest`, and our packages' dependencies on each
 * other (`^0.1.0`) resolve through it too. Only the @data-infra scope is
 * routed here (yarn's `npmScopes`); everything else comes from the real
 * registry.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { execFileSync } from 'node:child_process';

type Version = { manifest: Record<string, unknown>; file: string; integrity: string; shasum: string };

function readManifest(tarball: string): Record<string, unknown> {
  return JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
  );
}

/**
 * Serves every tarball in `dir` as a published version. The publish time is
 * the tarball's modification time, as a registry would record it.
 */
export async function startRegistry(dir: string, port = 0) {
  const packages = new Map<string, Map<string, Version>>();
  const times = new Map<string, Record<string, string>>();
  for (const name of fs.readdirSync(dir).filter(f => f.endsWith('.tgz'))) {
    const file = path.join(dir, name);
    const body = fs.readFileSync(file);
    const manifest = readManifest(file);
    const pkg = String(manifest.name);
    const version = String(manifest.version);
    if (!packages.has(pkg)) packages.set(pkg, new Map());
    packages.get(pkg)!.set(version, {
      manifest,
      file,
      integrity: `sha512-${crypto.createHash('sha512').update(body).digest('base64')}`,
      shasum: crypto.createHash('sha1').update(body).digest('hex'),
    });
    const mtime = fs.statSync(file).mtime.toISOString();
    times.set(pkg, { ...times.get(pkg), [version]: mtime, modified: mtime, created: mtime });
  }

  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const { port: ownPort } = server.address() as AddressInfo;
    const tarballMatch = url.match(/^\/(@[^/]+\/[^/]+)\/-\/(.+\.tgz)$/);
    if (tarballMatch) {
      const versions = packages.get(tarballMatch[1]);
      const hit =
        versions &&
        [...versions].find(([version]) => tarballName(tarballMatch[1], version) === tarballMatch[2])?.[1];
      if (!hit) return notFound(res);
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      fs.createReadStream(hit.file).pipe(res);
      return undefined;
    }
    const name = url.slice(1);
    const versions = packages.get(name);
    if (!versions) return notFound(res);
    const sorted = [...versions.keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    const doc = {
      name,
      'dist-tags': { latest: sorted[sorted.length - 1] },
      time: times.get(name),
      versions: Object.fromEntries(
        [...versions].map(([version, v]) => [
          version,
          {
            ...v.manifest,
            dist: {
              // The conventional path, so yarn's lockfile records no archive URL.
              tarball: `http://127.0.0.1:${ownPort}/${name}/-/${tarballName(name, version)}`,
              integrity: v.integrity,
              shasum: v.shasum,
            },
          },
        ]),
      ),
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(doc));
    return undefined;
  });
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    packages: [...packages.keys()].sort(),
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

function tarballName(name: string, version: string) {
  return `${name.split('/').pop()}-${version}.tgz`;
}

function notFound(res: http.ServerResponse) {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end('{"error":"not found"}');
}
