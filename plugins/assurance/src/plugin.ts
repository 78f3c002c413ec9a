/*
 * Copyright 2026 The Real App Forever Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import {
  createComponentExtension,
  createPlugin,
} from '@backstage/core-plugin-api';
import { assuranceApiFactory } from './api';

/**
 * The assurance plugin for apps on the legacy frontend system. Apps on the
 * new frontend system install `@real-app-forever/plugin-assurance/alpha`.
 *
 * @public
 */
export const assurancePlugin = createPlugin({
  id: 'assurance',
  apis: [assuranceApiFactory],
});

/**
 * The Gates tab of an entity page, for `<EntityLayout.Route path="/gates">`.
 *
 * @public
 */
export const EntityAssuranceGatesContent = assurancePlugin.provide(
  createComponentExtension({
    name: 'EntityAssuranceGatesContent',
    component: {
      lazy: () =>
        import('./components/EntityGatesContent').then(
          m => m.EntityGatesContent,
        ),
    },
  }),
);

/**
 * The Evidence tab of an entity page, for
 * `<EntityLayout.Route path="/evidence">`. The Gates tab links to
 * `../evidence?id=<evidence id>`, so mount it next to the Gates tab.
 *
 * @public
 */
export const EntityAssuranceEvidenceContent = assurancePlugin.provide(
  createComponentExtension({
    name: 'EntityAssuranceEvidenceContent',
    component: {
      lazy: () =>
        import('./components/EntityEvidenceContent').then(
          m => m.EntityEvidenceContent,
        ),
    },
  }),
);

/**
 * The Releases tab of an entity page, for
 * `<EntityLayout.Route path="/releases">`.
 *
 * @public
 */
export const EntityAssuranceReleasesContent = assurancePlugin.provide(
  createComponentExtension({
    name: 'EntityAssuranceReleasesContent',
    component: {
      lazy: () =>
        import('./components/EntityReleasesContent').then(
          m => m.EntityReleasesContent,
        ),
    },
  }),
);
