export interface Config {
  /** Configuration of the data-infra backend plugin. */
  dataInfra?: {
    // dataInfra.domains is declared by @data-infra/backstage-plugin-data-infra-common,
    // which the frontend, this plugin and the catalog module all depend on.
    checks?: {
      /**
       * The share of the next 13 weeks (0–1) above which a person on call,
       * in any role of any rotation, is reported as overloaded
       * (finding on-call-share-too-high). Default 0.5.
       */
      maxOnCallShare?: number;
    };
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
      /**
       * The memory, in bytes, that all of the plugin's memos together may
       * hold: answers reused within callerTtl, on-call intervals, per-caller
       * views, permission decisions and entity bodies. One least-recently-
       * used order across them; sizes are estimated from above. Default
       * 268435456 (256 MiB); at least 1048576. The in-memory state of the
       * catalog (see refresh) is data, not a memo, and is not counted.
       */
      maxBytes?: number;
      /**
       * Whether each replica loads the in-memory state and the current
       * hour's findings when it starts and keeps them current every
       * `refresh` seconds in the background (a local scheduled task), so
       * no request waits for them. Default true. With false they are
       * computed when a request first needs them.
       */
      warm?: boolean;
    };
    /** Calendar subscription links (the Rotation card's Subscribe button). */
    calendar?: {
      /**
       * The key that signs subscription links (HMAC-SHA256), at least 32
       * characters. Default: a random key made on first use and kept in
       * the plugin's database, shared by every replica. Set it to keep
       * links unforgeable even for someone who can read the database.
       * @visibility secret
       */
      secret?: string;
    };
    /** Team policies the checks hold the catalog to. */
    policy?: {
      /**
       * How long an engineer stays in a subteam (the seed: "engineers
       * rotate between subteams every 6–9 months"), judged from each
       * member's `since` in Subteam spec.members. ISO-8601 durations.
       */
      subteamRotation?: {
        /** Before this, a member is not yet eligible to move (info finding). Default P6M. */
        min?: string;
        /** After this, a member is due to rotate (warning finding). Default P9M. */
        max?: string;
      };
    };
    /**
     * Whether responses include e-mail addresses of people and the contact
     * block of subteams. Default true.
     */
    showContactDetails?: boolean;
    /**
     * Measured SLAs: where the indicators of DataServices
     * (spec.sla.indicators) are evaluated. Without it, SLAs are shown as
     * declared and measured figures read "metrics unavailable".
     */
    metrics?: {
      prometheus?: {
        /** The Prometheus (or compatible: Thanos, Mimir, VictoriaMetrics) HTTP API, e.g. http://prometheus:9090. */
        baseUrl: string;
        /**
         * Headers sent with every query, e.g. Authorization: Bearer … or
         * X-Scope-OrgID for a multi-tenant Mimir or Cortex.
         * @visibility secret
         */
        headers?: { [name: string]: string };
        /** How long one query may take, in seconds. Default 10. */
        timeout?: number;
      };
      /**
       * How long measurements are reused before they are taken again, in
       * seconds. Default 60. Every window of every service is measured at
       * once, in batched queries, when a request finds them older.
       */
      refresh?: number;
      /**
       * How long a request waits for a measurement it does not have yet, in
       * seconds. Default 2. A slower Prometheus is reported as "measuring"
       * and the answer follows on a later request; pages never wait longer.
       */
      wait?: number;
    };
  };
}
