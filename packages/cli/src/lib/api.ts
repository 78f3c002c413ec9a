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

import { ResponseError } from '@backstage/errors';
import {
  AssuranceClient,
  EntityGates,
  EvidenceRecord,
  PromotionDecision,
  Release,
  entityRefToPath,
} from '@real-app-forever/plugin-assurance-common';
import { Connection } from './config';
import { ApiError, errorMessage } from './errors';
import { createMultipartBody } from './multipart';

const REQUEST_TIMEOUT_MS = 5 * 60 * 1000;

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

const CONNECTION_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
};

function connectionError(error: unknown, url: string): ApiError {
  const origin = new URL(url).origin;
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new ApiError(
      `No answer from ${origin} within ${REQUEST_TIMEOUT_MS / 1000} s`,
      { fatal: true },
    );
  }
  type Cause = { code?: string; message?: string; errors?: Cause[] };
  let cause = ((error as { cause?: unknown })?.cause ?? error) as Cause;
  if (cause?.errors?.length) {
    cause = cause.errors[0]; // AggregateError of all the addresses tried
  }
  const reason =
    (cause?.code && CONNECTION_REASONS[cause.code]) ??
    cause?.message ??
    errorMessage(error);
  return new ApiError(
    `Could not reach the assurance backend at ${origin} (${reason}). Is it running, and is ASSURANCE_URL right?`,
    { fatal: true },
  );
}

/** The backend's `{ error: { message } }`, or a short plain-text body. */
function serverMessage(body: unknown, text?: string): string | undefined {
  const message = (body as { error?: { message?: unknown } })?.error?.message;
  if (typeof message === 'string' && message) {
    return message;
  }
  const trimmed = text?.trim();
  if (trimmed && !trimmed.startsWith('<')) {
    return trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed;
  }
  return undefined;
}

async function httpError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return describeStatus(response.status, serverMessage(body, text));
}

async function toApiError(error: unknown): Promise<unknown> {
  if (error instanceof ResponseError) {
    // A body that is not Backstage's error shape comes back wrapped as
    // "Request failed with status …, <body>"; unwrap it.
    const message = serverMessage(error.body, undefined);
    const wrapped = message?.match(/^Request failed with status [^,]*, (.*)$/s);
    if (wrapped) {
      let body: unknown;
      try {
        body = JSON.parse(wrapped[1]);
      } catch {
        body = undefined;
      }
      return describeStatus(
        error.response.status,
        serverMessage(body, wrapped[1]),
      );
    }
    return describeStatus(error.response.status, message);
  }
  return error;
}

/** A message for the status that says what to do about it. */
export function describeStatus(status: number, message?: string): ApiError {
  const detail = message ? `: ${message}` : '';
  switch (status) {
    case 400:
      return new ApiError(
        (message ?? 'the backend refused the request').replace(
          /^Evidence refused: /,
          '',
        ),
        { status, fatal: false },
      );
    case 401:
      return new ApiError(
        `401 Unauthorized${detail}. The backend did not accept ASSURANCE_TOKEN; check that it matches the backend's CI token (ASSURANCE_CI_TOKEN) and has not been rotated.`,
        { status, fatal: true },
      );
    case 403:
      return new ApiError(
        `403 Forbidden${detail}. The token is valid but may not do this for this entity.`,
        { status, fatal: true },
      );
    case 404:
      return new ApiError(
        `404 Not Found${detail}. Check the entity reference (is the entity in the catalog?) and that ASSURANCE_URL is the Backstage backend with the assurance plugin.`,
        { status, fatal: true },
      );
    case 413:
      return new ApiError(
        `too large (413)${
          detail || ': the file is larger than the backend accepts'
        }`,
        { status, fatal: false },
      );
    default:
      return new ApiError(`the backend answered ${status}${detail}`, {
        status,
        fatal: false,
      });
  }
}
