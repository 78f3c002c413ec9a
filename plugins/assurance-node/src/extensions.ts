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

import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { EvidenceParser } from './types';

/**
 * Lets backend modules teach the assurance backend new evidence formats.
 *
 * @public
 */
export interface AssuranceParsersExtensionPoint {
  /**
   * Adds parsers. A parser for a format that already has one replaces it.
   */
  addParser(...parsers: EvidenceParser[]): void;
}

/**
 * The extension point for evidence parsers.
 *
 * @public
 */
export const assuranceParsersExtensionPoint =
  createExtensionPoint<AssuranceParsersExtensionPoint>({
    id: 'assurance.parsers',
  });
