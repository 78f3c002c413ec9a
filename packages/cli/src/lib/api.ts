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
  AssuranceClient,
  EntityGates,
  EvidenceRecord,
  PromotionDecision,
  Release,
  RollbackResult,
  entityRefToPath,
} from '@real-app-forever/plugin-assurance-common';
import { Connection } from './config';
import { createMultipartBody } from './multipart';
import {
  REQUEST_TIMEOUT_MS,
  connectionError,
  httpError,
  toApiError,
} from './httpErrors';

export { describeStatus } from './httpErrors';

/** The answer to one upload. */
export interface UploadResult {
  /** False when the backend already had these bytes for this execution. */
  created: boolean;
  record: EvidenceRecord;
}

/**
 * The calls the CLI makes. Reads go through the shared AssuranceClient;
 * the upload is here because the client has no upload method.
 */
export class CliApi {
  readonly #connection: Connection;
  readonly #fetch: typeof fetch;
  readonly #log?: (line: string) => void;
  readonly #client: AssuranceClient;

  constructor(options: {
    connection: Connection;
    fetch?: typeof fetch;
    /** Gets one line per request and response (--verbose). */
    log?: (line: string) => void;
  }) {
    this.#connection = options.connection;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#log = options.log;
    this.#client = new AssuranceClient({
      discoveryApi: { getBaseUrl: async () => this.#connection.apiBaseUrl },
      fetchApi: { fetch: this.#authorizedFetch },
    });
  }

  async getGates(options: {
    entityRef: string;
    /** Sent as `?digest=`; backends that do not know it ignore it. */
    digest?: string;
  }): Promise<EntityGates> {
    const { entityRef, digest } = options;
    if (!digest) {
      try {
        return await this.#client.getGates({ entityRef });
      } catch (error) {
        throw await toApiError(error);
      }
    }
    const url = `${this.#connection.apiBaseUrl}/v1/entities/${entityRefToPath(
      entityRef,
    )}/gates?${new URLSearchParams({ digest })}`;
    const response = await this.#authorizedFetch(url);
    if (!response.ok) {
      throw await httpError(response);
    }
    return (await response.json()) as EntityGates;
  }

  async uploadEvidence(options: {
    fileName: string;
    bytes: Uint8Array;
    fields: Record<string, string | undefined>;
    onProgress?: (fileBytesSent: number) => void;
  }): Promise<UploadResult> {
    const multipart = createMultipartBody(options);
    const response = await this.#authorizedFetch(
      `${this.#connection.apiBaseUrl}/v1/evidence`,
      {
        method: 'POST',
        headers: {
          'content-type': multipart.contentType,
          'content-length': String(multipart.length),
        },
        body: multipart.body,
        // Node's fetch needs this to send a stream.
        duplex: 'half',
      } as RequestInit,
    );
    if (response.status !== 201 && response.status !== 200) {
      throw await httpError(response);
    }
    const record = (await response.json()) as EvidenceRecord;
    return { created: response.status === 201, record };
  }

  /** `POST /v1/entities/{kind}/{ns}/{name}/releases`: a deployment. */
  async recordRelease(options: {
    entityRef: string;
    body: Record<string, unknown>;
  }): Promise<Release> {
    return (await this.#sendJson({
      method: 'POST',
      path: `/v1/entities/${entityRefToPath(options.entityRef)}/releases`,
      body: options.body,
      okStatuses: [200, 201],
    })) as Release;
  }

  /** `PATCH /v1/releases/{id}`: how the deployment proceeds. */
  async updateRelease(options: {
    id: string;
    body: Record<string, unknown>;
  }): Promise<Release> {
    return (await this.#sendJson({
      method: 'PATCH',
      path: `/v1/releases/${encodeURIComponent(options.id)}`,
      body: options.body,
      okStatuses: [200],
    })) as Release;
  }

  /**
   * `POST /v1/releases/{id}/reject`: ends a promotion request waiting for
   * approval; the backend makes it `withdrawn` when the caller asked for
   * it, else `rejected` (which needs the right to approve).
   */
  async rejectRelease(options: {
    id: string;
    body: Record<string, unknown>;
  }): Promise<Release> {
    return (await this.#sendJson({
      method: 'POST',
      path: `/v1/releases/${encodeURIComponent(options.id)}/reject`,
      body: options.body,
      okStatuses: [200],
    })) as Release;
  }

  /**
   * `POST …/environments/{env}/promotions`. The backend answers 201
   * promoted, 202 pending-approval or 200 refused: all three are decisions.
   */
  async promote(options: {
    entityRef: string;
    environment: string;
    body: Record<string, unknown>;
  }): Promise<PromotionDecision> {
    return (await this.#sendJson({
      method: 'POST',
      path: `/v1/entities/${entityRefToPath(
        options.entityRef,
      )}/environments/${encodeURIComponent(options.environment)}/promotions`,
      body: options.body,
      okStatuses: [200, 201, 202],
    })) as PromotionDecision;
  }

  /**
   * `POST …/environments/{env}/rollbacks`: 201 with the new release of the
   * rollback target and the release rolled back; 409 without a target.
   */
  async rollback(options: {
    entityRef: string;
    environment: string;
    body: Record<string, unknown>;
  }): Promise<RollbackResult> {
    return (await this.#sendJson({
      method: 'POST',
      path: `/v1/entities/${entityRefToPath(
        options.entityRef,
      )}/environments/${encodeURIComponent(options.environment)}/rollbacks`,
      body: options.body,
      okStatuses: [200, 201],
    })) as RollbackResult;
  }

  async #sendJson(options: {
    method: string;
    path: string;
    body: Record<string, unknown>;
    okStatuses: number[];
  }): Promise<unknown> {
    const response = await this.#authorizedFetch(
      `${this.#connection.apiBaseUrl}${options.path}`,
      {
        method: options.method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(options.body),
      },
    );
    if (!options.okStatuses.includes(response.status)) {
      throw await httpError(response);
    }
    return response.json();
  }

  readonly #authorizedFetch = async (
    input: RequestInfo | URL,
    init?: RequestInit,
  ): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${this.#connection.token}`);
    headers.set('accept', 'application/json');
    this.#log?.(`-> ${method} ${url} (Authorization: Bearer ***)`);
    const started = Date.now();
    let response: Response;
    try {
      response = await this.#fetch(url, {
        ...init,
        headers,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw connectionError(error, url);
    }
    this.#log?.(
      `<- ${response.status} ${response.statusText} (${
        Date.now() - started
      } ms)`,
    );
    return response;
  };
}
