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

import { ChangeEvent, useState } from 'react';
import type { Release } from '@real-app-forever/plugin-assurance-common';
import TextField from '@material-ui/core/TextField';
import { useArtifacts } from '../../hooks';
import { describeArtifact } from '../../utils/format';

/** The select's value for "type a digest". */
const TYPED = 'typed';

/** Whether a value looks like a digest the backend accepts. */
export function isDigest(value: string): boolean {
  return /^[a-z0-9]+:[a-f0-9]{32,128}$/i.test(value.trim());
}

/**
 * Chooses the digest to promote: what runs in the previous environment,
 * one of the entity's artifacts, or a typed digest. What already runs or
 * waits for approval in the target environment is shown, with why, but
 * cannot be chosen.
 */
export const DigestChoice = (props: {
  entityRef: string;
  candidate?: { environment: string; release: Release };
  /** Digests the target environment refuses, with why. */
  unavailable?: ReadonlyMap<string, string>;
  value: string;
  onChange: (digest: string) => void;
}) => {
  const { entityRef, candidate, unavailable, value, onChange } = props;
  const { value: artifacts = [] } = useArtifacts({ entityRef });
  const [typing, setTyping] = useState(false);
  const candidateDigest = candidate?.release.artifact.digest;
  const others = artifacts.filter(
    artifact => artifact.digest !== candidateDigest,
  );

  const select = (event: ChangeEvent<{ value: unknown }>) => {
    const chosen = event.target.value as string;
    setTyping(chosen === TYPED);
    onChange(chosen === TYPED ? '' : chosen);
  };

  return (
    <>
      <TextField
        id="assurance-promote-artifact"
        label="Artifact"
        select
        SelectProps={{ native: true }}
        fullWidth
        margin="normal"
        variant="outlined"
        InputLabelProps={{ shrink: true }}
        value={typing ? TYPED : value}
        onChange={select}
        helperText={
          candidate && !typing
            ? `By default what runs in ${candidate.environment}: build once, promote that artifact`
            : undefined
        }
      >
        {!candidate && <option value="">Choose an artifact</option>}
        {candidate && (
          <option value={candidate.release.artifact.digest}>
            {`${describeArtifact(candidate.release.artifact)}, running in ${
              candidate.environment
            }`}
          </option>
        )}
        {others.map(artifact => {
          const why = unavailable?.get(artifact.digest);
          return (
            <option
              key={artifact.digest}
              value={artifact.digest}
              disabled={Boolean(why)}
            >
              {why
                ? `${describeArtifact(artifact)}, ${why}`
                : describeArtifact(artifact)}
            </option>
          );
        })}
        <option value={TYPED}>Another digest…</option>
      </TextField>
      {typing && (
        <TextField
          id="assurance-promote-digest"
          label="Digest"
          required
          fullWidth
          margin="normal"
          variant="outlined"
          placeholder="sha256:…"
          value={value}
          onChange={event => onChange(event.target.value)}
          error={value.length > 0 && !isDigest(value)}
          helperText="algorithm:hex, e.g. sha256:…"
        />
      )}
    </>
  );
};
