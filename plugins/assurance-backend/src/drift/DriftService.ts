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

import { randomUUID } from 'node:crypto';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  EnvironmentDrift,
  RuntimeConfigReport,
  RuntimeConfigReportResult,
} from '@real-app-forever/plugin-assurance-common';
import { PolicyService } from '../policy/PolicyService';
import {
  ConfigComparison,
  compareConfig,
  documentVersion,
  expectedConfig,
  flattenDocument,
} from './compareConfig';
import { DatabaseRuntimeConfigStore } from './DatabaseRuntimeConfigStore';

/**
 * Records the config environments report they run and compares it with
 * the effective gate policy of that environment (SOP §8.4).
 */
export class DriftService {
  constructor(
    private readonly options: {
      store: Pick<
        DatabaseRuntimeConfigStore,
        'insertReport' | 'getLatest' | 'getLastInSync'
      >;
      policyService: PolicyService;
    },
  ) {}

  /** Stores a report (audited) and answers how it compares. */
  async report(options: {
    entity: Entity;
    entityRef: string;
    environment: string;
    document: Record<string, unknown>;
    actor: string;
    now: Date;
  }): Promise<RuntimeConfigReportResult> {
    const { entity, entityRef, environment, document, actor, now } = options;
    const environments = this.options.policyService.listEnvironments(entity);
    if (!environments.includes(environment)) {
      throw new InputError(
        `Unknown environment '${environment}'; known environments: ${
          environments.join(', ') || 'none'
        }`,
      );
    }

    const comparison = await this.compare({ entity, environment, document });
    const id = randomUUID();
    const version = documentVersion(document);
    const report = await this.options.store.insertReport({
      report: {
        id,
        entityRef,
        environment,
        version,
        reportedBy: actor,
        reportedAt: now.toISOString(),
        document,
        inSync: comparison.inSync,
        differences: comparison.differences,
      },
      audit: {
        actor,
        action: 'runtime-config.report',
        entityRef,
        subjectId: id,
        details: {
          environment,
          version,
          inSync: comparison.inSync,
          differences: comparison.differences.map(d => d.key),
        },
      },
    });
    const lastKnownGood = comparison.inSync
      ? report
      : await this.options.store.getLastInSync({ entityRef, environment });
    return {
      report,
      drift: toDrift({
        environment,
        latest: report,
        comparison,
        lastKnownGood,
        matchedWhenReported: comparison.inSync,
      }),
    };
  }

  /**
   * The drift of every environment, in the policy's order, each newest
   * report compared with the policy in force now: a policy change shows up
   * as drift until the environment reports again.
   */
  async getDrift(options: {
    entity: Entity;
    entityRef: string;
  }): Promise<EnvironmentDrift[]> {
    const { entity, entityRef } = options;
    const result: EnvironmentDrift[] = [];
    for (const environment of this.options.policyService.listEnvironments(
      entity,
    )) {
      const stored = await this.options.store.getLatest({
        entityRef,
        environment,
      });
      if (!stored) {
        result.push({
          environment,
          status: 'unknown',
          reason: `No runtime config has been reported for ${environment}`,
          differences: [],
        });
        continue;
      }
      const comparison = await this.compare({
        entity,
        environment,
        document: stored.document,
      });
      const lastKnownGood = comparison.inSync
        ? stored.report
        : await this.options.store.getLastInSync({ entityRef, environment });
      result.push(
        toDrift({
          environment,
          latest: stored.report,
          comparison,
          lastKnownGood,
          matchedWhenReported: stored.inSync,
        }),
      );
    }
    return result;
  }

  private async compare(options: {
    entity: Entity;
    environment: string;
    document: Record<string, unknown>;
  }): Promise<ConfigComparison> {
    const policy = await this.options.policyService.getEffectivePolicy({
      entity: options.entity,
      environment: options.environment,
    });
    return compareConfig({
      expected: expectedConfig(policy),
      actual: flattenDocument(options.document),
    });
  }
}

function toDrift(options: {
  environment: string;
  latest: RuntimeConfigReport;
  comparison: ConfigComparison;
  lastKnownGood?: RuntimeConfigReport;
  matchedWhenReported: boolean;
}): EnvironmentDrift {
  const { environment, latest, comparison, lastKnownGood } = options;
  const { differences, compared, ignored } = comparison;
  const ignoredNote = ignored.length
    ? `; ${ignored.length} reported key${
        ignored.length === 1 ? '' : 's'
      } that policy does not set ${
        ignored.length === 1 ? 'was' : 'were'
      } ignored`
    : '';
  const changedNote =
    !comparison.inSync && options.matchedWhenReported
      ? ' (the report matched when it was made: the policy changed since)'
      : '';
  return {
    environment,
    status: comparison.inSync ? 'in-sync' : 'drifted',
    reason: comparison.inSync
      ? `The reported config matches all ${compared} expected keys${ignoredNote}`
      : `${differences.length} of ${compared} expected keys are missing or differ${changedNote}${ignoredNote}`,
    latest,
    differences,
    ...(lastKnownGood ? { lastKnownGood } : {}),
  };
}
