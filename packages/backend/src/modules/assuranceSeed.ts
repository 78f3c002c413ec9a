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
  AuthService,
  coreServices,
  createBackendModule,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { findExampleEvidence, uploadExampleEvidence } from './exampleEvidence';
import {
  exampleBuildArtifact,
  loadExampleReleases,
  seedExampleReleases,
} from './exampleReleases';

/**
 * Seeds `examples/evidence` and then the release history of
 * `examples/releases.yaml` through the assurance HTTP API after startup,
 * so that a fresh local portal already shows verdicts and releases.
 * Enabled by `assurance.seedExampleEvidence: true`; meant for local
 * development only.
 */
export const assuranceModuleExampleEvidenceSeed = createBackendModule({
  pluginId: 'assurance',
  moduleId: 'example-evidence-seed',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        lifecycle: coreServices.lifecycle,
        rootLifecycle: coreServices.rootLifecycle,
      },
      async init({
        config,
        logger,
        auth,
        discovery,
        lifecycle,
        rootLifecycle,
      }) {
        if (
          config.getOptionalBoolean('assurance.seedExampleEvidence') !== true
        ) {
          return;
        }

        const examples = resolvePackagePath('backend', '../../examples');
        const controller = new AbortController();
        lifecycle.addShutdownHook(() => controller.abort());

        const seed = async () => {
          const plan = await loadExampleReleases(`${examples}/releases.yaml`);
          const files = (await findExampleEvidence(`${examples}/evidence`)).map(
            file => ({
              ...file,
              artifact: exampleBuildArtifact(
                plan,
                file.entityRef,
                file.executionId,
              ),
            }),
          );
          logger.info('Seeding example evidence', {
            files: files.length,
            entities: new Set(files.map(f => f.entityRef)).size,
          });
          const result = await uploadExampleEvidence({
            files,
            baseUrl: await discovery.getBaseUrl('assurance'),
            getToken: () => getAssuranceToken(auth),
            logger,
            signal: controller.signal,
          });
          logger.info('Seeded example evidence', { ...result });

          const releases = await seedExampleReleases({
            plan,
            baseUrl: await discovery.getBaseUrl('assurance'),
            getToken: () => getAssuranceToken(auth),
            logger,
          });
          logger.info('Seeded example releases', { ...releases });
        };

        // Not awaited: the catalog ingests entities after startup, and
        // seeding waits for them without holding startup back.
        rootLifecycle.addStartupHook(() => {
          seed().catch(error => {
            if (!controller.signal.aborted) {
              logger.error('Seeding example evidence failed', error);
            }
          });
        });
      },
    });
  },
});

export default assuranceModuleExampleEvidenceSeed;

async function getAssuranceToken(auth: AuthService): Promise<string> {
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await auth.getOwnServiceCredentials(),
    targetPluginId: 'assurance',
  });
  return token;
}
