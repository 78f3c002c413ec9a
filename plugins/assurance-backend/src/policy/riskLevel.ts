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
  RISK_LEVELS,
  RiskLevel,
} from '@real-app-forever/plugin-assurance-common';

/**
 * The risk level an entity's annotation asks for. An unset annotation gets
 * the policy's default; a value that is not a risk level gets `high`, so
 * that a typo never loosens the gates.
 */
export function resolveRiskLevel(options: {
  annotation: string | undefined;
  policy: { defaultRiskLevel: RiskLevel };
}): RiskLevel {
  if (options.annotation === undefined) {
    return options.policy.defaultRiskLevel;
  }
  const level = options.annotation.trim().toLocaleLowerCase('en-US');
  return RISK_LEVELS.find(known => known === level) ?? 'high';
}
