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

import type { ChangeEvent, ReactNode } from 'react';
import {
  Artifact,
  EVIDENCE_FORMATS,
  EvidenceFilter,
  EvidenceFormat,
} from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { describeArtifact, formatDigest } from '../../utils/format';
import { formatEvidenceFormat } from '../../utils/formatEvidenceFormat';
import { DebouncedTextField } from './DebouncedTextField';

const TEXT_FILTERS: Array<{
  key: 'executionId' | 'artifact' | 'releaseId' | 'workItem';
  label: string;
}> = [
  { key: 'executionId', label: 'Execution id' },
  { key: 'artifact', label: 'Artifact' },
  { key: 'releaseId', label: 'Release id' },
  { key: 'workItem', label: 'Work item' },
];

/**
 * The filters above the evidence table. The server applies them.
 */
export const EvidenceFilters = (props: {
  filter?: EvidenceFilter;
  onChange: (changes: Partial<EvidenceFilter>) => void;
  onClear: () => void;
  /** The entity's artifacts; offered as digests to filter by. */
  artifacts?: Artifact[];
  /** Shown at the end of the bar, e.g. the export button. */
  action?: ReactNode;
}) => {
  const { filter = {}, onChange, onClear, artifacts, action } = props;
  const filtered = Object.values(filter).some(Boolean);

  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      mb={1}
      style={{ gap: 8 }}
    >
      <TextField
        id="evidence-filter-format"
        label="Format"
        select
        SelectProps={{ native: true }}
        value={filter.format ?? ''}
        onChange={(event: ChangeEvent<{ value: unknown }>) =>
          onChange({
            format: (event.target.value as EvidenceFormat) || undefined,
          })
        }
        variant="outlined"
        size="small"
        margin="dense"
        InputLabelProps={{ shrink: true }}
      >
        <option value="">All formats</option>
        {EVIDENCE_FORMATS.map(format => (
          <option key={format} value={format}>
            {formatEvidenceFormat(format)}
          </option>
        ))}
      </TextField>
      {TEXT_FILTERS.map(({ key, label }) => (
        <DebouncedTextField
          key={key}
          id={`evidence-filter-${key}`}
          label={label}
          value={filter[key] ?? ''}
          onCommit={value => onChange({ [key]: value })}
        />
      ))}
      {artifacts && artifacts.length > 0 ? (
        <DigestSelect
          value={filter.digest ?? ''}
          artifacts={artifacts}
          onChange={digest => onChange({ digest })}
        />
      ) : (
        <DebouncedTextField
          id="evidence-filter-digest"
          label="Digest"
          value={filter.digest ?? ''}
          onCommit={digest => onChange({ digest })}
        />
      )}
      {filtered && <Button onClick={onClear}>Clear filters</Button>}
      {action && <Box ml="auto">{action}</Box>}
    </Box>
  );
};

function DigestSelect(props: {
  value: string;
  artifacts: Artifact[];
  onChange: (digest: string | undefined) => void;
}) {
  const { value, artifacts, onChange } = props;
  const known = artifacts.some(artifact => artifact.digest === value);
  return (
    <TextField
      id="evidence-filter-digest"
      label="Artifact digest"
      select
      SelectProps={{ native: true }}
      value={value}
      onChange={(event: ChangeEvent<{ value: unknown }>) =>
        onChange((event.target.value as string) || undefined)
      }
      variant="outlined"
      size="small"
      margin="dense"
      InputLabelProps={{ shrink: true }}
    >
      <option value="">Any digest</option>
      {value && !known && <option value={value}>{formatDigest(value)}</option>}
      {artifacts.map(artifact => (
        <option key={artifact.digest} value={artifact.digest}>
          {describeArtifact(artifact)}
        </option>
      ))}
    </TextField>
  );
}
