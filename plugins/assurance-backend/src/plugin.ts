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
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  EvidenceFormat,
  assurancePermissions,
} from '@real-app-forever/plugin-assurance-common';
import {
  EvidenceParser,
  assuranceParsersExtensionPoint,
  createProvenanceParser,
  defaultParsers,
  readTrustedKeys,
} from '@real-app-forever/plugin-assurance-node';
import { DatabaseEvidenceStore } from './database/DatabaseEvidenceStore';
import { builtInGates } from './gates/gateDefinitions';
import { readGatePolicy } from './gates/gatePolicy';
import { IngestService } from './ingest/IngestService';
import { DatabaseLifecycleStore } from './database/DatabaseLifecycleStore';
import {
  readRetentionPolicy,
  runRetention,
  scheduleRetention,
} from './lifecycle/retention';
import { createRouter } from './service/router';

/** 20 MB, the default upload limit. */
const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * The assurance backend plugin: evidence ingest, gate verdicts.
 *
 * @public
 */
export const assurancePlugin = createBackendPlugin({
  pluginId: 'assurance',
  register(env) {
    const parsers = new Map<EvidenceFormat, EvidenceParser>(
      defaultParsers.map(parser => [parser.format, parser]),
    );
    const defaultProvenance = parsers.get('provenance');
    env.registerExtensionPoint(assuranceParsersExtensionPoint, {
      addParser(...added) {
        for (const parser of added) {
          parsers.set(parser.format, parser);
        }
      },
    });

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        config: coreServices.rootConfig,
        database: coreServices.database,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, database, httpRouter, logger, permissionsRegistry } =
          deps;
        permissionsRegistry.addPermissions(assurancePermissions);

        const policy = readGatePolicy({
          config,
          knownGates: new Set(builtInGates.keys()),
        });
        const maxUploadBytes =
          config.getOptionalNumber('assurance.maxUploadBytes') ??
          DEFAULT_MAX_UPLOAD_BYTES;
        const retention = readRetentionPolicy(config);
        // Signatures are checked against the keys in config, so the
        // provenance parser is made here rather than in the default list.
        // A module that registered its own provenance parser keeps it.
        if (
          !parsers.has('provenance') ||
          parsers.get('provenance') === defaultProvenance
        ) {
          parsers.set(
            'provenance',
            createProvenanceParser({ trustedKeys: readTrustedKeys(config) }),
          );
        }
        const store = await DatabaseEvidenceStore.create({ database });
        const lifecycle = await DatabaseLifecycleStore.create({ database });
        const ingest = new IngestService({
          store,
          parsers: () => [...parsers.values()],
          maxBytes: maxUploadBytes,
        });

        httpRouter.use(
          await createRouter({
            ...deps,
            store,
            lifecycle,
            ingest,
            policy,
            gates: builtInGates,
            maxUploadBytes,
          }),
        );
        await scheduleRetention({
          scheduler: deps.scheduler,
          run: async () =>
            runRetention({
              store: lifecycle,
              catalog: deps.catalog,
              auth: deps.auth,
              policy: retention,
              logger,
              now: new Date(),
            }),
        });
        logger.info('Assurance backend ready', {
          formats: [...parsers.keys()].join(','),
          maxUploadBytes,
        });
      },
    });
  },
});
