export interface Config {
  dataInfra?: {
    registration?: {
      /**
       * Folder the `data-infra:publish:local` scaffolder action writes
       * `<name>.yaml` into, for setups without an SCM integration. Relative
       * paths resolve against the backend's working directory. A
       * `catalog.locations` entry of type `file` must glob it
       * (`<folder>/*.yaml`). No default: unset, the action fails.
       */
      localDirectory?: string;
    };
    coverRequests?: {
      /**
       * Folders whose Rotation files the "Request on-call cover" template
       * may edit in place, for Rotations read from a `file:` location (no
       * SCM integration). Relative paths resolve against the backend's
       * working directory. No default: a Rotation from a local file outside
       * these folders is refused (GitLab and GitHub files are published
       * with a merge or pull request instead).
       */
      localDirectories?: string[];
    };
  };
}
