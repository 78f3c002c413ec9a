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
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { AuthenticationError, InputError } from '@backstage/errors';
import {
  AuthResolverContext,
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
  createProxyAuthenticator,
} from '@backstage/plugin-auth-node';

/** The auth provider id, and the key of its config under `auth.providers`. */
export const DEMO_USERS_PROVIDER_ID = 'demo-users';

/** The request header that names the example user to sign in as. */
export const DEMO_USER_HEADER = 'x-demo-user';

/** What the authenticator hands to the profile transform and the resolver. */
export interface DemoUserResult {
  /** The `metadata.name` of a User entity in the default namespace. */
  name: string;
}

const USER_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;
const DEVELOPMENT_ENVS = ['development', 'test'];

/**
 * Reads the user name from the `x-demo-user` header. Anyone who can reach
 * the backend may name any user, which is why the module refuses to run
 * outside development.
 */
export const demoUsersAuthenticator = createProxyAuthenticator<
  undefined,
  DemoUserResult,
  undefined
>({
  defaultProfileTransform: async ({ name }, ctx) => {
    const { entity } = await withUnknownUserAsAuthError(name, () =>
      ctx.findCatalogUser({ entityRef: { name } }),
    );
    const profile = (entity.spec?.profile ?? {}) as {
      displayName?: string;
      email?: string;
      picture?: string;
    };
    return {
      profile: {
        displayName: profile.displayName ?? entity.metadata.title ?? name,
        email: profile.email,
        picture: profile.picture,
      },
    };
  },

  initialize() {
    return undefined;
  },

  async authenticate({ req }) {
    const name = req.header(DEMO_USER_HEADER);
    if (!name) {
      throw new AuthenticationError(`Missing ${DEMO_USER_HEADER} header`);
    }
    if (!USER_NAME.test(name)) {
      throw new InputError(
        `Invalid ${DEMO_USER_HEADER} header, must be the name of a user`,
      );
    }
    return { result: { name } };
  },
});

/** Signs in as the catalog user, so ownership follows its memberships. */
export async function signInAsDemoUser(
  { result }: { result: DemoUserResult },
  ctx: AuthResolverContext,
) {
  return withUnknownUserAsAuthError(result.name, () =>
    ctx.signInWithCatalogUser({ entityRef: { name: result.name } }),
  );
}

/**
 * Lets the local portal sign in as any example user of the catalog, chosen
 * on the sign-in page. Enabled by `auth.providers.demo-users`; refuses to
 * start outside development unless
 * `auth.providers.demo-users.dangerouslyAllowOutsideDevelopment` is true.
 */
export const authModuleDemoUsersProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-users-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ providers, config, logger }) {
        const providerConfig = config.getOptionalConfig(
          `auth.providers.${DEMO_USERS_PROVIDER_ID}`,
        );
        if (!providerConfig) {
          return;
        }

        const env = process.env.NODE_ENV ?? '';
        const allowed = providerConfig.getOptionalBoolean(
          'dangerouslyAllowOutsideDevelopment',
        );
        if (!DEVELOPMENT_ENVS.includes(env) && allowed !== true) {
          throw new Error(
            `The ${DEMO_USERS_PROVIDER_ID} auth provider lets anyone sign in as any user and is for local development only. Remove auth.providers.${DEMO_USERS_PROVIDER_ID}, or set auth.providers.${DEMO_USERS_PROVIDER_ID}.dangerouslyAllowOutsideDevelopment: true`,
          );
        }

        providers.registerProvider({
          providerId: DEMO_USERS_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: demoUsersAuthenticator,
            signInResolver: signInAsDemoUser,
          }),
        });
        logger.info('Sign-in as any catalog user is enabled', {
          providerId: DEMO_USERS_PROVIDER_ID,
          nodeEnv: env,
        });
      },
    });
  },
});

export default authModuleDemoUsersProvider;

async function withUnknownUserAsAuthError<T>(
  name: string,
  lookup: () => Promise<T>,
): Promise<T> {
  try {
    return await lookup();
  } catch (error) {
    if ((error as Error)?.name === 'NotFoundError') {
      throw new AuthenticationError(
        `No user named '${name}' in the catalog`,
        error,
      );
    }
    throw error;
  }
}
