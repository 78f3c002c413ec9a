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
  Progress,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { EvidenceRecord } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { useArtifacts, useEvidenceFilter, useEvidencePages } from '../../hooks';
import { createEvidenceColumns } from './evidenceColumns';
import { EvidenceActionsProvider } from './EvidenceActionsContext';
import { EvidenceDetails } from './EvidenceDetails';
import { EvidenceEmptyState } from './EvidenceEmptyState';
import { EvidenceFilters } from './EvidenceFilters';
import { EvidencePagination } from './EvidencePagination';
import { ExportEvidenceButton } from './ExportEvidenceButton';
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

const columns = createEvidenceColumns<EvidenceRow>();

/**
 * The Evidence tab of an entity: every uploaded evidence file, newest first,
 * with what the backend read from it. `?id=<evidence id>` opens that row;
 * `?format=…&executionId=…&artifact=…&digest=…&releaseId=…&workItem=…`
 * filter the list.
 *
 * @public
 */
export const EntityEvidenceContent = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const [searchParams] = useSearchParams();
  const linkedId = searchParams.get('id') ?? undefined;
  const { filter, setFilter, clearFilter } = useEvidenceFilter();
  const { value: artifacts } = useArtifacts({ entityRef });
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
  } = useEvidencePages({ entityRef, limit: PAGE_SIZE, filter });

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
  if (!error && !filter && pageNumber === 1 && page?.items.length === 0) {
    return <EvidenceEmptyState entityRef={entityRef} />;
  }

  return (
    <EvidenceActionsProvider>
      {linkedId && !loading && page && (
        <Box mb={2}>
          <LinkedEvidenceCard id={linkedId} shown={page.items} />
        </Box>
      )}
      <EvidenceFilters
        filter={filter}
        onChange={setFilter}
        onClear={clearFilter}
        artifacts={artifacts}
        action={<ExportEvidenceButton entityRef={entityRef} />}
      />
      {error ? (
        <>
          <ResponseErrorPanel error={error} />
          {hasPreviousPage && (
            <Button onClick={previousPage}>
              Back to page {pageNumber - 1}
            </Button>
          )}
        </>
      ) : (
        <>
          <Table<EvidenceRow>
            title="Evidence"
            subtitle={`Newest first${
              filter ? ' · filtered' : ''
            } · page ${pageNumber}`}
            isLoading={loading}
            columns={columns}
            data={rows}
            detailPanel={renderDetailPanel}
            emptyContent={
              <Box p={2}>
                <Typography variant="body2">
                  No evidence matches these filters.
                </Typography>
              </Box>
            }
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
          <EvidencePagination
            pageNumber={pageNumber}
            hasPreviousPage={hasPreviousPage}
            hasNextPage={hasNextPage}
            onPrevious={previousPage}
            onNext={nextPage}
          />
        </>
      )}
    </EvidenceActionsProvider>
  );
};
