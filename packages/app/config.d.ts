export interface Config {
  app?: {
    signIn?: {
      /**
       * The sign-in providers the sign-in page offers, in order: `guest`
       * (development only; the backend refuses it elsewhere) and `gitlab`
       * (auth.providers.gitlab). Default: [guest].
       * @visibility frontend
       */
      providers?: Array<'guest' | 'gitlab'>;
    };
  };
}
