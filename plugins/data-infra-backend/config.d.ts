export interface Config {
  /** Configuration of the data-infra backend plugin. */
  dataInfra?: {
    // dataInfra.domains is declared by @data-infra/backstage-plugin-data-infra-common,
    // which the frontend, this plugin and the catalog module all depend on.
    cache?: {
      /**
       * How long computed facts shared between callers (the findings of a
       * given catalog state) are kept, in seconds. Default 60. Entries are
       * keyed by the entities' etags, so a catalog change never serves a
       * stale answer; the TTL only bounds memory.
       */
      ttl?: number;
      /**
       * How long the answers computed for one caller (what they may see of
       * the catalog, the map, on-call…) are reused for that same caller, in
       * seconds. Default 5; 0 disables. Never shared between callers; a
       * catalog or permission change shows up at most this much later.
       */
      callerTtl?: number;
      /**
       * How often each backend replica re-reads which of our entities
       * changed (refs and etags only, then the changed bodies), in seconds.
       * Default 10. Callers whom the permission policy allows to read every
       * catalog entity are answered from this in-memory state, so a catalog
       * change reaches them at most this much later; other callers are
       * answered from the catalog on their behalf.
       */
      refresh?: number;
    };
    /**
     * Whether responses include e-mail addresses of people and the contact
     * block of subteams. Default true.
     */
    showContactDetails?: boolean;
  };
}
