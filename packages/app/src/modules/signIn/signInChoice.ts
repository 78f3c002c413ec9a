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

import { ConfigApi } from '@backstage/frontend-plugin-api';

/** An example user listed under `app.demoUsers`. */
export interface DemoUser {
  name: string;
  title: string;
  description?: string;
}

/** Who the sign-in page signs in as: the guest, or an example user. */
export type SignInChoice =
  | { provider: 'guest' }
  | { provider: 'demo-users'; name: string };

/** The request header the `demo-users` auth provider reads. */
export const DEMO_USER_HEADER = 'x-demo-user';

// NOTE: sessionStorage, so that two tabs can be signed in as two users.
const STORAGE_KEY = 'real-app-forever:sign-in-choice';
const USER_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export function readDemoUsers(config: ConfigApi): DemoUser[] {
  return (config.getOptionalConfigArray('app.demoUsers') ?? []).map(user => ({
    name: user.getString('name'),
    title: user.getString('title'),
    description: user.getOptionalString('description'),
  }));
}

export function loadSignInChoice(): SignInChoice | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    if (value?.provider === 'guest') {
      return { provider: 'guest' };
    }
    if (value?.provider === 'demo-users' && USER_NAME.test(value.name)) {
      return { provider: 'demo-users', name: value.name };
    }
  } catch {
    // An unreadable choice is no choice.
  }
  return undefined;
}

export function saveSignInChoice(choice: SignInChoice) {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(choice));
}

export function clearSignInChoice() {
  sessionStorage.removeItem(STORAGE_KEY);
}
