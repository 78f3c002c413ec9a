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

import { Entity } from '@backstage/catalog-model';
import { EffectivePolicy } from '@real-app-forever/plugin-assurance-common';

/**
 * Resolves the gate policy in force for an entity, layer by layer, and
 * remembers each new version of it.
 */
export interface PolicyService {
  /**
   * The effective policy of the entity (and environment, when given). When
   * its version differs from the last one seen for the entity (without an
   * environment), the change is recorded in the policy history and the
   * audit log.
   */
  getEffectivePolicy(options: {
    entity: Entity;
    environment?: string;
  }): Promise<EffectivePolicy>;

  /**
   * The environments policy knows, in order (e.g. dev, staging, prod):
   * the entity's own when its `real-app-forever.dev/environments`
   * annotation is valid, else the configured ones (also without an
   * entity).
   */
  listEnvironments(entity?: Entity): string[];
}
