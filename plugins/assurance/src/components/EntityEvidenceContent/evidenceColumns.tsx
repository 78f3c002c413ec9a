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

import { CSSProperties, useEffect, useRef, useState } from 'react';
import { TableColumn } from '@backstage/core-components';
import { errorApiRef, useApi } from '@backstage/core-plugin-api';
import type { EvidenceRecord } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import FileCopyIcon from '@material-ui/icons/FileCopy';
import useCopyToClipboard from 'react-use/esm/useCopyToClipboard';
import { formatBytes } from '../../utils/formatBytes';
import { formatEvidenceFormat } from '../../utils/formatEvidenceFormat';
import { RelativeTime } from '../RelativeTime';
import { EvidenceRowActions } from './EvidenceRowActions';
import { VerificationChip } from './VerificationChip';

/**
 * NOTE(assurance): the Backstage theme sets `word-break: break-word` on table
 * cells, which lets the auto table layout squeeze a column down to a single
 * character and break identifiers mid-word. Cells that hold identifiers opt
 * out of it and either keep to one line or end in an ellipsis.
 */
const cellPadding = { paddingLeft: 6, paddingRight: 6 };
const noBreak = { wordBreak: 'normal', whiteSpace: 'nowrap' } as const;
const ellipsis = {
  display: 'block',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
} as const;

/**
 * The columns of the evidence table. They hold no state: cells that need
 * some read it from the EvidenceActionsContext.
 */
export function createEvidenceColumns<
  T extends EvidenceRecord,
>(): TableColumn<T>[] {
  const columns: TableColumn<T>[] = [
    {
      title: 'Format',
      field: 'format',
      cellStyle: { wordBreak: 'normal' },
      render: record => (
        <span title={formatEvidenceFormat(record.format)}>{record.format}</span>
      ),
    },
    {
      title: 'File',
      field: 'fileName',
      highlight: true,
      // Takes the room the other columns leave; the name ends in an ellipsis.
      width: '100%',
      cellStyle: { wordBreak: 'normal', maxWidth: 0 },
      render: record => <FileName record={record} />,
    },
    {
      title: 'sha256',
      field: 'sha256',
      cellStyle: { wordBreak: 'normal' },
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
      cellStyle: noBreak,
      render: record => formatBytes(record.size),
    },
    {
      title: 'Uploaded by',
      field: 'uploadedBy',
      cellStyle: { wordBreak: 'normal' },
      render: record => (
        <Box
          component="span"
          title={record.uploadedBy}
          style={{ ...ellipsis, maxWidth: 160 }}
        >
          {record.uploadedBy}
        </Box>
      ),
    },
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
      cellStyle: noBreak,
      render: record => <EvidenceRowActions record={record} />,
    },
  ];
  // material-table gives every column without a width an equal share of the
  // table; sized by their content instead, short values stay on one line and
  // the file name gets the room that is left. Eleven columns must fit beside
  // the sidebar at 1400 px, hence less horizontal padding than the theme's.
  return columns.map(column => ({
    width: 'auto',
    ...column,
    cellStyle: { ...cellPadding, ...(column.cellStyle as CSSProperties) },
    headerStyle: { ...cellPadding, ...column.headerStyle },
  }));
}

function FileName(props: { record: EvidenceRecord }) {
  const { record } = props;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap">
      <Box
        component="span"
        mr={1}
        title={record.fileName}
        style={{ ...ellipsis, minWidth: 140 }}
      >
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

/**
 * The first 12 hex characters of the sha256, on one line, with a small button
 * that copies the whole of it.
 */
function ShortSha(props: { sha256: string }) {
  const { sha256 } = props;
  const errorApi = useApi(errorApiRef);
  const [{ error }, copyToClipboard] = useCopyToClipboard();
  const [copied, setCopied] = useState(false);
  const timeout = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    if (error) {
      errorApi.post(error);
    }
  }, [error, errorApi]);
  useEffect(() => () => clearTimeout(timeout.current), []);

  const copy = () => {
    copyToClipboard(sha256);
    setCopied(true);
    clearTimeout(timeout.current);
    timeout.current = setTimeout(() => setCopied(false), 1000);
  };

  return (
    <Box display="flex" alignItems="center" style={noBreak}>
      <Box
        component="code"
        title={sha256}
        fontFamily="monospace"
        style={noBreak}
      >
        {sha256.slice(0, 12)}
      </Box>
      <Tooltip title={copied ? 'sha256 copied to clipboard' : 'Copy sha256'}>
        <IconButton size="small" aria-label="Copy sha256" onClick={copy}>
          <FileCopyIcon fontSize="small" />
        </IconButton>
      </Tooltip>
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
