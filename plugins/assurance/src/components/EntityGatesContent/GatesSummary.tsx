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

import type { EntityGates } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { formatDigest, formatVersion } from '../../utils/format';

/**
 * The header of the Gates tab: risk level, policy version, how many gates
 * passed, and what must happen next. All of it as the backend decided.
 */
export const GatesSummary = (props: { gates: EntityGates }) => {
  const { gates } = props;
  const passed = gates.gates.filter(gate => gate.status === 'passed').length;
  const overridden = gates.gates.filter(
    gate => gate.status === 'overridden',
  ).length;

  return (
    <Box mb={2} data-testid="assurance-gates-summary">
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
      >
        <Chip size="small" label={`Risk level: ${gates.riskLevel}`} />
        {gates.policyVersion && (
          <Chip
            size="small"
            variant="outlined"
            label={`Policy ${formatVersion(gates.policyVersion)}`}
            title={`Effective policy version ${gates.policyVersion}`}
          />
        )}
        {gates.digest && (
          <Chip
            size="small"
            variant="outlined"
            label={`Artifact ${formatDigest(gates.digest)}`}
            title={gates.digest}
          />
        )}
        {gates.environment && (
          <Chip
            size="small"
            variant="outlined"
            label={`Environment ${gates.environment}`}
          />
        )}
        <Typography variant="body2">
          {`${passed} of ${gates.gates.length} gates passed`}
          {overridden > 0 && ` · ${overridden} overridden`}
        </Typography>
      </Box>
      <NextGate gates={gates} />
    </Box>
  );
};

function NextGate(props: { gates: EntityGates }) {
  const { nextGate, gates } = props.gates;
  if (!nextGate) {
    return (
      <Typography data-testid="assurance-next-gate" variant="subtitle1">
        All required gates passed
      </Typography>
    );
  }
  const remediation = gates.find(gate => gate.id === nextGate.id)?.remediation;
  return (
    <Typography data-testid="assurance-next-gate" variant="subtitle1">
      {`Next: make ${nextGate.title} pass`}
      {remediation && ` — ${remediation}`}
    </Typography>
  );
}
