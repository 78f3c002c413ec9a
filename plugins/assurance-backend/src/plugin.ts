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
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  EvidenceFormat,
  assurancePermissions,
} from '@real-app-forever/plugin-assurance-common';
import {
  EvidenceParser,
  assuranceGatesExtensionPoint,
  assuranceParsersExtensionPoint,
  createProvenanceParser,
  defaultParsers,
  readTrustedKeys,
} from '@real-app-forever/plugin-assurance-node';
import { DatabaseEvidenceStore } from './database/DatabaseEvidenceStore';
import { createGateRegistry } from './gates/gateRegistry';
import { DatabaseOverrideStore } from './overrides/DatabaseOverrideStore';
import { OverrideNotifier } from './overrides/OverrideNotifier';
import {
  readNotifyDaysBefore,
  runOverrideExpiry,
  scheduleOverrideExpiry,
} from './overrides/overrideExpiry';
import { DatabaseRuntimeConfigStore } from './drift/DatabaseRuntimeConfigStore';
import { DriftService } from './drift/DriftService';
import { DefaultPolicyService } from './policy/DefaultPolicyService';
import { IngestService } from './ingest/IngestService';
import { DatabaseLifecycleStore } from './database/DatabaseLifecycleStore';
import {
  readRetentionPolicy,
  runRetention,
  scheduleRetention,
} from './lifecycle/retention';
import { createRouter } from './service/router';
import { DatabaseReleaseStore } from './releases/DatabaseReleaseStore';
import { ReleaseNotifier } from './releases/ReleaseNotifier';
import { ReleaseService } from './releases/ReleaseService';
import { readReleaseConfig } from './releases/promotionRules';
import {
  runApprovalLapse,
  scheduleApprovalLapse,
} from './releases/approvalLapse';

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
    const gates = createGateRegistry();
    env.registerExtensionPoint(
      assuranceGatesExtensionPoint,
      gates.extensionPoint,
    );

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
        notifications: notificationService,
      },
      async init(deps) {
        const { config, database, httpRouter, logger, permissionsRegistry } =
          deps;
        permissionsRegistry.addPermissions(assurancePermissions);

        // Module gates are in by now: the policy may require them.
        const policyService = await DefaultPolicyService.create({
          config,
          database,
          knownGates: new Set(gates.gates.keys()),
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
        const overrides = await DatabaseOverrideStore.create({ database });
        const notifier = new OverrideNotifier({
          notifications: deps.notifications,
          logger,
        });
        const notifyDaysBefore = readNotifyDaysBefore(config);
        const drift = new DriftService({
          store: await DatabaseRuntimeConfigStore.create({ database }),
          policyService,
        });
        const releaseStore = await DatabaseReleaseStore.create({ database });
        const releaseConfig = readReleaseConfig({
          config,
          environments: policyService.listEnvironments(),
        });
        if (releaseConfig.annotationOnly.length > 0) {
          logger.info(
            'Promotion rules for environments that only entity annotations name',
            { environments: releaseConfig.annotationOnly.join(',') },
          );
        }
        const releaseService = new ReleaseService({
          releases: releaseStore,
          store,
          policyService,
          overrides,
          gates: gates.gates,
          config: releaseConfig,
        });
        const releaseNotifier = new ReleaseNotifier({
          notifications: deps.notifications,
          logger,
        });
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
            policyService,
            overrides,
            overrideRequests: { store: overrides, notifier },
            drift,
            releases: {
              store: releaseStore,
              service: releaseService,
              notifier: releaseNotifier,
            },
            gates: gates.gates,
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
        await scheduleOverrideExpiry({
          scheduler: deps.scheduler,
          run: async () =>
            runOverrideExpiry({
              store: overrides,
              notifier,
              catalog: deps.catalog,
              auth: deps.auth,
              logger,
              notifyDaysBefore,
              now: new Date(),
            }),
        });
        await scheduleApprovalLapse({
          scheduler: deps.scheduler,
          run: async () =>
            runApprovalLapse({
              releases: releaseStore,
              notifier: releaseNotifier,
              catalog: deps.catalog,
              auth: deps.auth,
              logger,
              now: new Date(),
            }),
        });
        logger.info('Assurance backend ready', {
          formats: [...parsers.keys()].join(','),
          gates: [...gates.gates.keys()].join(','),
          maxUploadBytes,
        });
      },
    });
  },
});
