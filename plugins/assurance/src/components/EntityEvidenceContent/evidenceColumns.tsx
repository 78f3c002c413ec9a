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

import { CopyTextButton, TableColumn } from '@backstage/core-components';
import type { EvidenceRecord } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { formatBytes } from '../../utils/formatBytes';
import { formatEvidenceFormat } from '../../utils/formatEvidenceFormat';
import { RelativeTime } from '../RelativeTime';
import { EvidenceRowActions } from './EvidenceRowActions';
import { VerificationChip } from './VerificationChip';

/**
 * The columns of the evidence table. They hold no state: cells that need
 * some read it from the EvidenceActionsContext.
 */
export function createEvidenceColumns<
  T extends EvidenceRecord,
>(): TableColumn<T>[] {
  return [
    {
      title: 'Format',
      field: 'format',
      render: record => (
        <span title={formatEvidenceFormat(record.format)}>{record.format}</span>
      ),
    },
    {
      title: 'File',
      field: 'fileName',
      highlight: true,
      render: record => <FileName record={record} />,
    },
    {
      title: 'sha256',
      field: 'sha256',
      render: record => (
        <>
          <ShortSha sha256={record.sha256} />
          <VerificationChip id={record.id} />
        </>
      ),
    },
    {
      title: 'Size',
      field: 'size',
      render: record => formatBytes(record.size),
    },
    { title: 'Uploaded by', field: 'uploadedBy' },
    { title: 'Execution', field: 'executionId' },
    { title: 'Work item', field: 'workItem' },
    {
      title: 'Artifact',
      field: 'artifact',
      render: record => formatArtifact(record),
    },
    { title: 'Release', field: 'releaseId' },
    {
      title: 'Uploaded',
      field: 'uploadedAt',
      render: record => <RelativeTime value={record.uploadedAt} />,
    },
    {
      title: 'Actions',
      field: 'id',
      render: record => <EvidenceRowActions record={record} />,
    },
  ];
}

function FileName(props: { record: EvidenceRecord }) {
  const { record } = props;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap">
      <Box component="span" mr={1}>
        {record.fileName}
      </Box>
      {record.storage === 'link' && (
        <Tooltip title="Kept elsewhere and linked; the backend has not read it">
          <Chip size="small" variant="outlined" label="link" />
        </Tooltip>
      )}
      {record.redacted && (
        <Tooltip title="Secrets were removed before storage; the sha256 is that of the redacted bytes">
          <Chip size="small" variant="outlined" label="redacted" />
        </Tooltip>
      )}
    </Box>
  );
}

function ShortSha(props: { sha256: string }) {
  return (
    <Box display="inline-flex" alignItems="center">
      <code title={props.sha256}>{props.sha256.slice(0, 12)}</code>
      <CopyTextButton
        text={props.sha256}
        tooltipText="sha256 copied to clipboard"
        aria-label="Copy sha256"
      />
    </Box>
  );
}

function formatArtifact(record: EvidenceRecord): string | undefined {
  if (!record.artifact) {
    return undefined;
  }
  return record.version
    ? `${record.artifact}@${record.version}`
    : record.artifact;
}
