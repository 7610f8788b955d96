import { SignInPage, type SignInProviderConfig } from '@backstage/core-components';
import { configApiRef, gitlabAuthApiRef, useApi } from '@backstage/core-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';

const GITLAB: SignInProviderConfig = {
  id: 'gitlab-auth-provider',
  title: 'GitLab',
  message: 'Sign in with your GitLab account',
  apiRef: gitlabAuthApiRef,
};

/** The sign-in page's providers for the names in `app.signIn.providers` (default: guest). */
export function signInProviders(names: string[] | undefined): Array<'guest' | SignInProviderConfig> {
  return (names ?? ['guest']).map(name => (name === 'gitlab' ? GITLAB : 'guest'));
}

/**
 * The providers named in `app.signIn.providers` (default: guest, as
 * `make start` runs). app-config.production.yaml lists GitLab only: the
 * backend refuses guest sign-in outside development anyway. (The
 * production page is looked at in Chromium by the replica test.)
 */
export function ConfiguredSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  return <SignInPage {...props} providers={signInProviders(config.getOptionalStringArray('app.signIn.providers'))} />;
}
