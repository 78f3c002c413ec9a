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

import type { ChangeEvent } from 'react';
import type { Artifact } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { describeArtifact, formatDigest } from '../../utils/format';

/**
 * Picks the view of the Gates tab: one artifact or all the entity's
 * evidence, and the environment whose policy layer applies.
 */
export const GateViewSelects = (props: {
  digest?: string;
  environment?: string;
  artifacts?: Artifact[];
  environments: string[];
  onChange: (changes: { digest?: string; environment?: string }) => void;
}) => {
  const { digest, environment, artifacts = [], environments, onChange } = props;
  const knownDigest = artifacts.some(artifact => artifact.digest === digest);
  const knownEnvironment = environment && environments.includes(environment);

  return (
    <Box display="flex" flexWrap="wrap" mb={1} style={{ gap: 8 }}>
      <TextField
        id="assurance-gates-artifact"
        label="Artifact"
        select
        SelectProps={{ native: true }}
        value={digest ?? ''}
        onChange={(event: ChangeEvent<{ value: unknown }>) =>
          onChange({ digest: (event.target.value as string) || undefined })
        }
        variant="outlined"
        size="small"
        margin="dense"
        InputLabelProps={{ shrink: true }}
      >
        <option value="">All evidence (entity)</option>
        {digest && !knownDigest && (
          <option value={digest}>{formatDigest(digest)}</option>
        )}
        {artifacts.map(artifact => (
          <option key={artifact.digest} value={artifact.digest}>
            {describeArtifact(artifact)}
          </option>
        ))}
      </TextField>
      <TextField
        id="assurance-gates-environment"
        label="Environment"
        select
        SelectProps={{ native: true }}
        value={environment ?? ''}
        onChange={(event: ChangeEvent<{ value: unknown }>) =>
          onChange({
            environment: (event.target.value as string) || undefined,
          })
        }
        variant="outlined"
        size="small"
        margin="dense"
        InputLabelProps={{ shrink: true }}
      >
        <option value="">No environment</option>
        {environment && !knownEnvironment && (
          <option value={environment}>{environment}</option>
        )}
        {environments.map(name => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </TextField>
    </Box>
  );
};
