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
  };
}
