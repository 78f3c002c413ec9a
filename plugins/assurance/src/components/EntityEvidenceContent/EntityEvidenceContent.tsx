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

import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  CopyTextButton,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { EvidenceRecord } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useEvidenceDownload, useEvidencePages } from '../../hooks';
import { formatBytes } from '../../utils/formatBytes';
import { RelativeTime } from '../RelativeTime';
import { EvidenceDetails } from './EvidenceDetails';
import { EvidenceEmptyState } from './EvidenceEmptyState';
import { LinkedEvidenceCard } from './LinkedEvidenceCard';

const PAGE_SIZE = 20;

const renderDetailPanel = ({ rowData }: { rowData: EvidenceRecord }) => (
  <EvidenceDetails record={rowData} />
);

/**
 * NOTE(assurance): material-table keeps the open state of a detail panel in
 * `tableData.showDetailPanel` on the row; seeding it is the only way to open a
 * row from outside the table, which a link with `?id=` needs.
 */
type EvidenceRow = EvidenceRecord & {
  tableData?: { showDetailPanel?: typeof renderDetailPanel };
};

/**
 * The Evidence tab of an entity: every uploaded evidence file, newest first,
 * with what the backend read from it. `?id=<evidence id>` opens that row.
 *
 * @public
 */
export const EntityEvidenceContent = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const [searchParams] = useSearchParams();
  const linkedId = searchParams.get('id') ?? undefined;
  const theme = useTheme();
  const {
    page,
    loading,
    error,
    pageNumber,
    hasNextPage,
    hasPreviousPage,
    nextPage,
    previousPage,
  } = useEvidencePages({ entityRef, limit: PAGE_SIZE });
  const { download, downloadingId } = useEvidenceDownload();

  const columns = useMemo<TableColumn<EvidenceRow>[]>(
    () => [
      { title: 'Format', field: 'format' },
      { title: 'File', field: 'fileName', highlight: true },
      {
        title: 'sha256',
        field: 'sha256',
        render: record => <ShortSha sha256={record.sha256} />,
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
      {
        title: 'Uploaded',
        field: 'uploadedAt',
        render: record => <RelativeTime value={record.uploadedAt} />,
      },
      {
        title: 'Download',
        field: 'id',
        render: record => (
          <IconButton
            size="small"
            aria-label={`Download ${record.fileName}`}
            title={`Download ${record.fileName}`}
            disabled={downloadingId === record.id}
            onClick={() => download(record)}
          >
            <GetAppIcon fontSize="small" />
          </IconButton>
        ),
      },
    ],
    [download, downloadingId],
  );

  const rows = useMemo<EvidenceRow[]>(
    () =>
      (page?.items ?? []).map(record =>
        record.id === linkedId
          ? { ...record, tableData: { showDetailPanel: renderDetailPanel } }
          : record,
      ),
    [page, linkedId],
  );

  if (loading && !page) {
    return <Progress />;
  }
  if (error) {
    return (
      <>
        <ResponseErrorPanel error={error} />
        {hasPreviousPage && (
          <Button onClick={previousPage}>Back to page {pageNumber - 1}</Button>
        )}
      </>
    );
  }
  if (!page || (pageNumber === 1 && page.items.length === 0)) {
    return <EvidenceEmptyState entityRef={entityRef} />;
  }

  return (
    <>
      {linkedId && !loading && (
        <Box mb={2}>
          <LinkedEvidenceCard id={linkedId} shown={page.items} />
        </Box>
      )}
      <Table<EvidenceRow>
        title="Evidence"
        subtitle={`Newest first · page ${pageNumber}`}
        isLoading={loading}
        columns={columns}
        data={rows}
        detailPanel={renderDetailPanel}
        options={{
          paging: false,
          search: false,
          sorting: false,
          padding: 'dense',
          rowStyle: (row: EvidenceRow) =>
            row.id === linkedId
              ? { backgroundColor: theme.palette.action.selected }
              : {},
        }}
      />
      <Box display="flex" justifyContent="flex-end" alignItems="center" mt={1}>
        <Button
          disabled={!hasPreviousPage}
          onClick={previousPage}
          aria-label="Previous page"
        >
          Previous
        </Button>
        <Typography variant="body2" component="span">
          Page {pageNumber}
        </Typography>
        <Button
          disabled={!hasNextPage}
          onClick={nextPage}
          aria-label="Next page"
        >
          Next
        </Button>
      </Box>
    </>
  );
};

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
