/*
 * Where a Rotation's file lives, and so how a change to it is published:
 * a GitLab merge request, a GitHub pull request, or (a `file:` location in
 * an allowed local folder) an edit in place.
 */
import path from 'node:path';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';

/** The config key listing the folders whose files may be edited in place. @public */
export const COVER_LOCAL_DIRECTORIES_CONFIG_KEY =
  'dataInfra.coverRequests.localDirectories';

/** How an edit of a Rotation's file is published. @public */
export type RotationFileLocation =
  | {
      publishVia: 'gitlab' | 'github';
      /** The file's URL, as the annotation gives it. */
      url: string;
      /** `host?owner=…&repo=…`, the form the publish actions take. */
      repoUrl: string;
      /** The branch the file was read from; the change targets it. */
      branch: string;
      /** Path of the file inside the repository. */
      filePath: string;
    }
  | {
      publishVia: 'local';
      /** Absolute path of the file on the backend's disk. */
      localPath: string;
      /** Workspace path the edited copy is written to. */
      filePath: string;
    };

function isYamlPath(p: string): boolean {
  return /\.ya?ml$/i.test(p);
}

/** The annotation that names the file: source-location if it names a file, else managed-by-location. */
function fileLocationRef(entity: Entity): { annotation: string; ref: string } {
  const annotations = entity.metadata.annotations ?? {};
  const source = annotations[ANNOTATION_SOURCE_LOCATION];
  if (typeof source === 'string' && source.startsWith('url:')) {
    try {
      if (isYamlPath(new URL(source.slice(4)).pathname)) {
        return { annotation: ANNOTATION_SOURCE_LOCATION, ref: source };
      }
    } catch {
      // not a URL: fall through to managed-by-location
    }
  }
  const managed = annotations[ANNOTATION_LOCATION];
  if (typeof managed === 'string' && managed) {
    return { annotation: ANNOTATION_LOCATION, ref: managed };
  }
  throw new InputError(
    `rotation: the Rotation has neither a ${ANNOTATION_SOURCE_LOCATION} naming a YAML file nor a ${ANNOTATION_LOCATION} annotation, so its file cannot be found`,
  );
}

function splitSegments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter(Boolean)
    .map(s => decodeURIComponent(s));
}

function refuse(annotation: string, url: string, expected: string): never {
  throw new InputError(
    `rotation: ${annotation} ${JSON.stringify(
      url.slice(0, 200),
    )} is not a file URL of the form ${expected}`,
  );
}

function checkPath(annotation: string, url: string, filePath: string) {
  if (
    !isYamlPath(filePath) ||
    filePath.split('/').some(s => s === '..' || s === '.' || s === '')
  ) {
    refuse(annotation, url, 'a .yaml file inside the repository');
  }
}

/**
 * Finds the Rotation's file and how to publish a change to it. The URL's
 * host is matched against `integrations.gitlab` and `integrations.github`
 * (github.com is always known); a `file:` location must lie under one of
 * `dataInfra.coverRequests.localDirectories`.
 */
export function locateRotationFile(
  entity: Entity,
  config: Config,
): RotationFileLocation {
  const { annotation, ref } = fileLocationRef(entity);
  let location: { type: string; target: string };
  try {
    location = parseLocationRef(ref);
  } catch {
    throw new InputError(
      `rotation: ${annotation} is not a location reference, got ${JSON.stringify(
        ref.slice(0, 200),
      )}`,
    );
  }

  if (location.type === 'file') {
    const localPath = path.resolve(location.target);
    const allowed = (
      config.getOptionalStringArray(COVER_LOCAL_DIRECTORIES_CONFIG_KEY) ?? []
    ).map(d => path.resolve(d));
    const inside = allowed.find(dir => {
      const rel = path.relative(dir, localPath);
      return rel && !rel.startsWith('..') && !path.isAbsolute(rel);
    });
    if (!inside || !isYamlPath(localPath)) {
      throw new InputError(
        `rotation: its file ${localPath} is a local file outside ${COVER_LOCAL_DIRECTORIES_CONFIG_KEY} (${
          allowed.join(', ') || 'not configured'
        }); add its folder there to edit it in place, or host it in a GitLab or GitHub repository`,
      );
    }
    return {
      publishVia: 'local',
      localPath,
      filePath: path.relative(inside, localPath).split(path.sep).join('/'),
    };
  }

  if (location.type !== 'url') {
    throw new InputError(
      `rotation: ${annotation} has the location type ${JSON.stringify(
        location.type.slice(0, 40),
      )}; only url (GitLab, GitHub) and file locations can be edited`,
    );
  }
  const url = location.target;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse(annotation, url, 'https://<host>/…');
  }
  const integrations = ScmIntegrations.fromConfig(config);
  const integration = integrations.byUrl(url);
  const gitlab = integrations.gitlab.byUrl(url);
  const host = parsed.host;

  if (gitlab) {
    // https://host[/prefix]/group/sub/project/-/blob/branch/path/to/file.yaml
    const base = new URL(
      gitlab.config.baseUrl ?? `https://${host}`,
    ).pathname.replace(/\/+$/, '');
    const pathname = parsed.pathname.startsWith(`${base}/`)
      ? parsed.pathname.slice(base.length)
      : parsed.pathname;
    const segments = splitSegments(pathname);
    const dash = segments.indexOf('-');
    if (
      dash < 2 ||
      segments[dash + 1] !== 'blob' ||
      segments.length < dash + 4
    ) {
      return refuse(
        annotation,
        url,
        `https://${host}/<group>/<project>/-/blob/<branch>/<path>.yaml`,
      );
    }
    const filePath = segments.slice(dash + 3).join('/');
    checkPath(annotation, url, filePath);
    const params = new URLSearchParams({
      owner: segments.slice(0, dash - 1).join('/'),
      repo: segments[dash - 1],
    });
    return {
      publishVia: 'gitlab',
      url,
      repoUrl: `${host}?${params}`,
      branch: segments[dash + 2],
      filePath,
    };
  }

  if (integrations.github.byUrl(url)) {
    // https://host/owner/repo/blob/branch/path/to/file.yaml
    const segments = splitSegments(parsed.pathname);
    if (segments.length < 5 || segments[2] !== 'blob') {
      return refuse(
        annotation,
        url,
        `https://${host}/<owner>/<repo>/blob/<branch>/<path>.yaml`,
      );
    }
    const filePath = segments.slice(4).join('/');
    checkPath(annotation, url, filePath);
    const params = new URLSearchParams({
      owner: segments[0],
      repo: segments[1],
    });
    return {
      publishVia: 'github',
      url,
      repoUrl: `${host}?${params}`,
      branch: segments[3],
      filePath,
    };
  }

  throw new InputError(
    `rotation: its file ${JSON.stringify(
      url.slice(0, 200),
    )} is on ${JSON.stringify(
      host,
    )}, which is neither in integrations.gitlab nor in integrations.github${
      integration ? ` (it is a ${integration.type} integration)` : ''
    }`,
  );
}
