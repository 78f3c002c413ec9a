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
  AssuranceGatesExtensionPoint,
  GateDefinition,
} from '@real-app-forever/plugin-assurance-node';
import { builtInGates } from './gateDefinitions';

const GATE_ID = /^[a-z0-9-]{1,64}$/;

/**
 * The installed gates: the built-in ones, then those modules add through
 * the extension point. A gate whose id is taken replaces the earlier one.
 */
export interface GateRegistry {
  readonly gates: ReadonlyMap<string, GateDefinition>;
  /** What modules get: they may add gates, not read or remove them. */
  readonly extensionPoint: AssuranceGatesExtensionPoint;
}

export function createGateRegistry(): GateRegistry {
  const gates = new Map(builtInGates);
  return {
    gates,
    extensionPoint: {
      addGate(...added) {
        for (const gate of added) {
          if (!GATE_ID.test(gate.id)) {
            throw new Error(
              `Invalid gate id '${gate.id}': use 1 to 64 lower-case letters, digits and dashes`,
            );
          }
          gates.set(gate.id, gate);
        }
      },
    },
  };
}
