export interface Config {
  /**
   * The data-infra plugins. The other keys are declared by the packages
   * that read them (backend plugin, scaffolder module).
   */
  dataInfra?: {
    /**
     * The domains of the ownership map, in display order. Default: the four
     * domains of the Data Infrastructure group (data-platform,
     * data-engineering, mlops, bi-services).
     * Read by the catalog module (validating Subteam spec.domain), the
     * backend (the map) and the frontend (titles, the search page's Domain
     * filter). Declared here, in the package all three depend on, so the
     * frontend sees it in any app without further configuration
     * (deep: `@visibility` alone would hand the frontend an empty list,
     * without the items' fields).
     * @deepVisibility frontend
     */
    domains?: Array<{
      /** Identifier used in Subteam spec.domain, e.g. data-platform. */
      id: string;
      /** Display title, e.g. Data Platform. Default: the id. */
      title?: string;
      /** One sentence about what the domain covers. */
      description?: string;
      /** Sort key of the map's columns (ascending). Default: position in the list. */
      order?: number;
    }>;
  };
}
