import { gitlabAuthApiRef } from '@backstage/core-plugin-api';
import { signInProviders } from './SignInPage';

describe('the sign-in providers', () => {
  it('are guest by default (make start)', () => {
    expect(signInProviders(undefined)).toEqual(['guest']);
  });

  it('are GitLab alone with the production config', () => {
    expect(signInProviders(['gitlab'])).toEqual([expect.objectContaining({ id: 'gitlab-auth-provider', title: 'GitLab', apiRef: gitlabAuthApiRef })]);
  });
});
