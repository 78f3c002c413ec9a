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

export interface Config {
  app?: {
    /**
     * Example users the sign-in page offers besides the guest, for local
     * development. Choosing one signs in through the backend's `demo-users`
     * auth provider, which must be configured too. Default: none.
     * @visibility frontend
     */
    demoUsers?: Array<{
      /**
       * The `metadata.name` of the User entity in the default namespace.
       * @visibility frontend
       */
      name: string;
      /**
       * The name shown on the sign-in page.
       * @visibility frontend
       */
      title: string;
      /**
       * What this user may do in the portal.
       * @visibility frontend
       */
      description?: string;
    }>;
  };
}
