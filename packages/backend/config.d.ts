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
  assurance?: {
    /**
     * Groups whose members may delete evidence, under the dev portal's
     * permission policy. Nobody may when unset.
     */
    evidenceAdminGroups?: string[];

    /**
     * Groups whose members may approve or reject gate overrides under the
     * dev portal's permission policy; nobody decides their own request.
     * Nobody may when unset.
     */
    approverGroups?: string[];
  };
}
