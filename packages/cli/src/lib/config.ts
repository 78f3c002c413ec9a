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

import { UsageError } from './errors';
import { Output } from './io';

/** Where the backend is and how to authenticate. */
export interface Connection {
  /** The assurance API, e.g. `http://localhost:7007/api/assurance`. */
  apiBaseUrl: string;
  token: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Reads the backend URL (`--url` or `ASSURANCE_URL`) and the token
 * (`ASSURANCE_TOKEN` only: a flag would show it in the process list and in
 * CI logs). Registers the token with the output so it is never printed.
 */
export function resolveConnection(options: {
  url?: string;
  env: Record<string, string | undefined>;
  output: Output;
}): Connection {
  const { env, output } = options;
  const token = env.ASSURANCE_TOKEN?.trim();
  output.addSecret(env.ASSURANCE_TOKEN);
  output.addSecret(token);

  const raw = (options.url ?? env.ASSURANCE_URL)?.trim();
  if (!raw) {
    throw new UsageError(
      'Set ASSURANCE_URL (or pass --url) to the base URL of the Backstage backend, e.g. http://localhost:7007',
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(
      `ASSURANCE_URL is not a URL: '${raw}'; expected e.g. http://localhost:7007`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError('ASSURANCE_URL must be an http(s) URL');
  }
  if (url.username || url.password) {
    throw new UsageError(
      'ASSURANCE_URL must not contain credentials; put the token in ASSURANCE_TOKEN',
    );
  }
  if (!token) {
    throw new UsageError(
      'Set ASSURANCE_TOKEN to a token the backend accepts (the CI token the backend reads from ASSURANCE_CI_TOKEN)',
    );
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    output.error(
      `warning: ${url.origin} is plain http; the token is sent unencrypted`,
    );
  }

  let path = url.pathname.replace(/\/+$/, '');
  if (!path.endsWith('/api/assurance')) {
    path = `${path}/api/assurance`;
  }
  return { apiBaseUrl: `${url.origin}${path}`, token };
}
