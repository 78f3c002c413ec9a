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

import { createHash, timingSafeEqual } from 'node:crypto';
import {
  createExternalTokenHandler,
  externalTokenHandlersServiceRef,
} from '@backstage/backend-defaults/auth';
import { createServiceFactory } from '@backstage/backend-plugin-api';

/**
 * What an `environment-token` entry of `backend.auth.externalAccess` reads
 * from its `options`.
 */
export interface EnvironmentTokenContext {
  /** The name of the environment variable that holds the token. */
  variable: string;
  /** The subject of the service principal a matching token becomes. */
  subject: string;
}

const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SUBJECT = /^\S+$/;

/**
 * Creates the `environment-token` external token handler.
 *
 * Unlike the built-in `static` handler, the token is read from the
 * environment each time a token is verified, it may be of any length, and an
 * unset or empty variable makes the handler accept no token instead of
 * failing startup.
 */
export function createEnvironmentTokenHandler(
  options: { env?: NodeJS.ProcessEnv } = {},
) {
  const env = options.env ?? process.env;

  return createExternalTokenHandler<EnvironmentTokenContext>({
    type: 'environment-token',

    initialize({ options: handlerOptions }) {
      const variable = handlerOptions.getString('variable');
      const subject = handlerOptions.getString('subject');
      if (!ENV_VAR_NAME.test(variable)) {
        throw new Error(
          `Illegal variable '${variable}', must be an environment variable name`,
        );
      }
      if (!SUBJECT.test(subject)) {
        throw new Error(
          'Illegal subject, must be a set of non-space characters',
        );
      }
      return { variable, subject };
    },

    async verifyToken(token, context) {
      const expected = env[context.variable];
      if (!expected || !token) {
        return undefined;
      }
      return tokensMatch(token, expected)
        ? { subject: context.subject }
        : undefined;
    },
  });
}

/**
 * Registers the `environment-token` handler for every plugin's auth service.
 */
export const environmentTokenHandlerServiceFactory = createServiceFactory({
  service: externalTokenHandlersServiceRef,
  deps: {},
  factory: () => createEnvironmentTokenHandler(),
});

export default environmentTokenHandlerServiceFactory;

/**
 * Compares in constant time. Hashing first gives both sides the same length,
 * so neither the content nor the length of the expected token leaks.
 */
function tokensMatch(actual: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(actual), digest(expected));
}
