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
  AuditorService,
  AuthService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { EvidenceStore } from '../database/EvidenceStore';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { GateDefinition } from '../gates/gateDefinitions';
import { IngestService } from '../ingest/IngestService';
import { EntityAccess } from './EntityAccess';
import { createEntityRouter } from './entities.router';
import { createEvidenceRouter } from './evidence.router';
import { createPolicyRouter } from './policy.router';
import { PolicyService } from '../policy/PolicyService';
import { OverrideReader } from '../overrides/OverrideReader';
import { OverrideNotifier } from '../overrides/OverrideNotifier';
import { OverrideStore } from '../overrides/OverrideStore';
import { DriftService } from '../drift/DriftService';
import { createOverridesRouter } from './overrides.router';
import { createDriftRouter } from './drift.router';
import { ReleaseNotifier } from '../releases/ReleaseNotifier';
import { ReleaseService } from '../releases/ReleaseService';
import { ReleaseStore } from '../releases/ReleaseStore';
import { createReleasesRouter } from './releases.router';

/**
 * Everything the assurance HTTP API needs.
 */
export interface RouterOptions {
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  auditor: AuditorService;
  store: EvidenceStore;
  lifecycle: DatabaseLifecycleStore;
  ingest: IngestService;
  policyService: PolicyService;
  /** Where the gates route reads overrides from. */
  overrides: OverrideReader;
  /**
   * Override requests and decisions. TODO(#4): make this and `drift`
   * required once every caller passes them; without them those routes
   * are not served.
   */
  overrideRequests?: { store: OverrideStore; notifier: OverrideNotifier };
  /** Runtime config reports and drift. */
  drift?: DriftService;
  /** Releases, promotions and rollbacks; not served without it. */
  releases?: {
    store: ReleaseStore;
    service: ReleaseService;
    notifier: ReleaseNotifier;
  };
  gates: ReadonlyMap<string, GateDefinition>;
  maxUploadBytes: number;
  now?: () => Date;
}

/**
 * The assurance HTTP API, mounted at /api/assurance.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const access = new EntityAccess(options);
  const router = Router();
  // Before the 100 kB body limit: runtime config documents may be larger.
  if (options.drift) {
    router.use(createDriftRouter({ ...options, access, drift: options.drift }));
  }
  router.use(express.json({ limit: '100kb' }));

  router.use(createEvidenceRouter({ ...options, access }));
  router.use(createEntityRouter({ ...options, access }));
  router.use(createPolicyRouter({ ...options, access }));
  if (options.overrideRequests) {
    router.use(
      createOverridesRouter({
        ...options,
        access,
        overrides: options.overrideRequests.store,
        notifier: options.overrideRequests.notifier,
      }),
    );
  }
  if (options.releases) {
    router.use(
      createReleasesRouter({
        ...options,
        access,
        releases: options.releases.store,
        releaseService: options.releases.service,
        notifier: options.releases.notifier,
      }),
    );
  }

  return router;
}
