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

import { entityRefToPath } from '../entityRef';
import { EffectivePolicy, EnvironmentDrift, GateOverride } from '../policy';
import {
  Artifact,
  EvidenceFilter,
  EvidencePage,
  EvidenceRecord,
  EvidenceVerification,
} from '../types';
import { EntityGates } from '../gateResults';
import {
  DeploymentMeasures,
  EnvironmentState,
  MigrationStatus,
  PromotionDecision,
  Release,
  ReleaseFilter,
  ReleasePage,
  RollbackResult,
} from '../releases';
import { AssuranceApi } from './AssuranceApi';
import {
  AssuranceDiscovery,
  AssuranceFetch,
  AssuranceRequests,
  toQuery,
} from './AssuranceRequests';

export type { AssuranceDiscovery, AssuranceFetch } from './AssuranceRequests';

/**
 * The HTTP client of the assurance backend; runs in the browser and in Node.
 *
 * @public
 */
export class AssuranceClient implements AssuranceApi {
  readonly #requests: AssuranceRequests;

  constructor(options: {
    discoveryApi: AssuranceDiscovery;
    fetchApi?: AssuranceFetch;
  }) {
    this.#requests = new AssuranceRequests({
      discoveryApi: options.discoveryApi,
      fetchApi: options.fetchApi ?? { fetch: globalThis.fetch },
    });
  }

  async getGates(options: {
    entityRef: string;
    digest?: string;
    environment?: string;
  }): Promise<EntityGates> {
    const { entityRef, digest, environment } = options;
    return this.#requests.get(
      `/v1/entities/${entityRefToPath(entityRef)}/gates${toQuery({
        digest,
        environment,
      })}`,
    );
  }

  async getPolicy(options: {
    entityRef: string;
    environment?: string;
  }): Promise<EffectivePolicy> {
    const { entityRef, environment } = options;
    return this.#requests.get(
      `/v1/entities/${entityRefToPath(entityRef)}/policy${toQuery({
        environment,
      })}`,
    );
  }

  async listOverrides(options: { entityRef: string }): Promise<GateOverride[]> {
    const { items } = await this.#requests.get<{ items: GateOverride[] }>(
      `/v1/entities/${entityRefToPath(options.entityRef)}/overrides`,
    );
    return items;
  }

  async requestOverride(options: {
    entityRef: string;
    gateId: string;
    reason: string;
    expiresInDays: number;
    digest?: string;
  }): Promise<GateOverride> {
    const { entityRef, gateId, reason, expiresInDays, digest } = options;
    return this.#requests.post(
      `/v1/entities/${entityRefToPath(entityRef)}/gates/${encodeURIComponent(
        gateId,
      )}/overrides`,
      digest ? { reason, expiresInDays, digest } : { reason, expiresInDays },
    );
  }

  async approveOverride(options: {
    id: string;
    comment?: string;
  }): Promise<GateOverride> {
    const { id, comment } = options;
    return this.#requests.post(
      `/v1/overrides/${encodeURIComponent(id)}/approve`,
      comment ? { comment } : {},
    );
  }

  async rejectOverride(options: {
    id: string;
    comment: string;
  }): Promise<GateOverride> {
    const { id, comment } = options;
    return this.#requests.post(
      `/v1/overrides/${encodeURIComponent(id)}/reject`,
      { comment },
    );
  }

  async getDrift(options: { entityRef: string }): Promise<EnvironmentDrift[]> {
    const { environments } = await this.#requests.get<{
      environments: EnvironmentDrift[];
    }>(`/v1/entities/${entityRefToPath(options.entityRef)}/drift`);
    return environments;
  }

  async listEnvironments(options: {
    entityRef: string;
  }): Promise<EnvironmentState[]> {
    const { environments } = await this.#requests.get<{
      environments: EnvironmentState[];
    }>(`/v1/entities/${entityRefToPath(options.entityRef)}/environments`);
    return environments;
  }

  async listReleases(options: {
    entityRef: string;
    filter?: ReleaseFilter;
    limit?: number;
    cursor?: string;
  }): Promise<ReleasePage> {
    const { environment, status, since } = options.filter ?? {};
    return this.#requests.get<ReleasePage>(
      `/v1/entities/${entityRefToPath(options.entityRef)}/releases${toQuery({
        environment,
        status: status?.join(','),
        since,
        limit: options.limit?.toString(),
        cursor: options.cursor,
      })}`,
    );
  }

  async getDeploymentMeasures(options: {
    entityRef: string;
    environment?: string;
    weeks?: number;
  }): Promise<DeploymentMeasures> {
    return this.#requests.get(
      `/v1/entities/${entityRefToPath(
        options.entityRef,
      )}/releases/measures${toQuery({
        environment: options.environment,
        weeks: options.weeks?.toString(),
      })}`,
    );
  }

  async promote(options: {
    entityRef: string;
    environment: string;
    digest: string;
    reason?: string;
  }): Promise<PromotionDecision> {
    const { entityRef, environment, ...body } = options;
    return this.#requests.post(
      `/v1/entities/${entityRefToPath(
        entityRef,
      )}/environments/${encodeURIComponent(environment)}/promotions`,
      body,
    );
  }

  async updateRelease(options: {
    id: string;
    status?: 'succeeded' | 'failed';
    migrationStatus?: MigrationStatus;
  }): Promise<Release> {
    const { id, ...body } = options;
    return this.#requests.send(
      'PATCH',
      `/v1/releases/${encodeURIComponent(id)}`,
      body,
    );
  }

  async approveRelease(options: { id: string }): Promise<Release> {
    return this.#requests.post(
      `/v1/releases/${encodeURIComponent(options.id)}/approve`,
      {},
    );
  }

  async rejectRelease(options: {
    id: string;
    reason: string;
  }): Promise<Release> {
    return this.#requests.post(
      `/v1/releases/${encodeURIComponent(options.id)}/reject`,
      { reason: options.reason },
    );
  }

  async rollback(options: {
    entityRef: string;
    environment: string;
    reason: string;
  }): Promise<RollbackResult> {
    const { entityRef, environment, reason } = options;
    return this.#requests.post(
      `/v1/entities/${entityRefToPath(
        entityRef,
      )}/environments/${encodeURIComponent(environment)}/rollbacks`,
      { reason },
    );
  }

  async listEvidence(options: {
    entityRef: string;
    limit?: number;
    cursor?: string;
    filter?: EvidenceFilter;
  }): Promise<EvidencePage> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(options.filter ?? {})) {
      if (value) {
        query.set(key, value);
      }
    }
    if (options.limit !== undefined) {
      query.set('limit', String(options.limit));
    }
    if (options.cursor) {
      query.set('cursor', options.cursor);
    }
    const suffix = query.size ? `?${query}` : '';
    return this.#requests.get(
      `/v1/entities/${entityRefToPath(options.entityRef)}/evidence${suffix}`,
    );
  }

  async getEvidence(options: { id: string }): Promise<EvidenceRecord> {
    return this.#requests.get(`/v1/evidence/${encodeURIComponent(options.id)}`);
  }

  async getEvidenceContentUrl(options: { id: string }): Promise<string> {
    const baseUrl = await this.#requests.baseUrl();
    return `${baseUrl}/v1/evidence/${encodeURIComponent(options.id)}/content`;
  }

  async verifyEvidence(options: { id: string }): Promise<EvidenceVerification> {
    return this.#requests.get(
      `/v1/evidence/${encodeURIComponent(options.id)}/verify`,
    );
  }

  async getEvidenceExportUrl(options: { entityRef: string }): Promise<string> {
    const baseUrl = await this.#requests.baseUrl();
    return `${baseUrl}/v1/entities/${entityRefToPath(
      options.entityRef,
    )}/evidence/export`;
  }

  async listArtifacts(options: { entityRef: string }): Promise<Artifact[]> {
    const { items } = await this.#requests.get<{ items: Artifact[] }>(
      `/v1/entities/${entityRefToPath(options.entityRef)}/artifacts`,
    );
    return items;
  }
}
