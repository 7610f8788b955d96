import { createDevApp } from '@backstage/frontend-dev-utils';

import plugin from '../src/alpha';

// The installed @backstage/frontend-dev-utils 0.1.6 carries its own nested
// @backstage/frontend-plugin-api 0.18, whose FrontendFeature type predates
// 1.0; the plugin object is the same at runtime. Drop the cast once the
// dev-utils version is aligned with the release.
createDevApp({ features: [plugin as any] });
