import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';

// Frontend plugins in this package's dependencies, ours included
// (@data-infra/backstage-plugin-data-infra/alpha), are discovered through
// `app.packages: all` in app-config.yaml.
export default createApp({
  features: [catalogPlugin, navModule, homeModule, signInModule],
});
