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

import { createElement } from 'react';
import {
  ApiBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { assuranceApiFactory } from './api';

/**
 * The assurance API, `api:assurance`.
 *
 * @alpha
 */
export const assuranceApi = ApiBlueprint.make({
  params: defineParams => defineParams(assuranceApiFactory),
});

/**
 * The Gates tab of Component entities, `entity-content:assurance/gates`.
 *
 * @alpha
 */
export const assuranceEntityGatesContent = EntityContentBlueprint.make({
  name: 'gates',
  params: {
    path: 'gates',
    title: 'Gates',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityGatesContent').then(m =>
        createElement(m.EntityGatesContent),
      ),
  },
});

/**
 * The Evidence tab of Component entities,
 * `entity-content:assurance/evidence`. Honours `?id=<evidence id>` and the
 * filters `?format=…&executionId=…&artifact=…&digest=…&releaseId=…&workItem=…`.
 *
 * @alpha
 */
export const assuranceEntityEvidenceContent = EntityContentBlueprint.make({
  name: 'evidence',
  params: {
    path: 'evidence',
    title: 'Evidence',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityEvidenceContent').then(m =>
        createElement(m.EntityEvidenceContent),
      ),
  },
});

/**
 * The Releases tab of Component entities,
 * `entity-content:assurance/releases`: what is deployed in each environment,
 * what to roll back to, and the release history.
 *
 * @alpha
 */
export const assuranceEntityReleasesContent = EntityContentBlueprint.make({
  name: 'releases',
  params: {
    path: 'releases',
    title: 'Releases',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityReleasesContent').then(m =>
        createElement(m.EntityReleasesContent),
      ),
  },
});

/**
 * The assurance plugin for the new frontend system: an API and the Gates,
 * Evidence and Releases tabs of Component entities.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'assurance',
  title: 'Assurance',
  extensions: [
    assuranceApi,
    assuranceEntityGatesContent,
    assuranceEntityEvidenceContent,
    assuranceEntityReleasesContent,
  ],
});
