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

/**
 * Finds the base URL of a backend plugin. Matches Backstage's DiscoveryApi.
 *
 * @public
 */
export interface AssuranceDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/**
 * Makes authenticated requests. Matches Backstage's FetchApi.
 *
 * @public
 */
export interface AssuranceFetch {
  fetch: typeof fetch;
}

/**
 * The HTTP plumbing of {@link AssuranceClient}: resolves the backend's base
 * URL, sends JSON and turns a failed response into a `ResponseError`.
 */
export class AssuranceRequests {
  readonly #discoveryApi: AssuranceDiscovery;
  readonly #fetchApi: AssuranceFetch;

  constructor(options: {
    discoveryApi: AssuranceDiscovery;
    fetchApi: AssuranceFetch;
  }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  /** The assurance backend's base URL. */
  baseUrl(): Promise<string> {
    return this.#discoveryApi.getBaseUrl('assurance');
  }

  async get<T>(path: string): Promise<T> {
    const baseUrl = await this.baseUrl();
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }

  async post<T>(path: string, body: object): Promise<T> {
    return this.send('POST', path, body);
  }

  async send<T>(method: string, path: string, body: object): Promise<T> {
    const baseUrl = await this.baseUrl();
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** `?key=value&…` of the given values, or '' when none is set. */
export function toQuery(values: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value) {
      query.set(key, value);
    }
  }
  return query.size ? `?${query}` : '';
}
