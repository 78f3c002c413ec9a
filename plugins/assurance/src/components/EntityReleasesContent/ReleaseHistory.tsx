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
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type { Release } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ReleaseHistoryView } from '../../hooks';
import { ReleaseFilters } from './ReleaseFilters';
import { ReleaseHistoryTable } from './ReleaseHistoryTable';

/**
 * The release history across environments, newest first, with its filters
 * kept in the URL.
 */
export const ReleaseHistory = (props: {
  history: {
    value?: Release[];
    loading: boolean;
    error?: Error;
    /** Older releases are left to fetch. */
    hasMore?: boolean;
    /** Where the releases loaded last begin. */
    olderFrom?: number;
    loadMore?: () => void;
    loadingMore?: boolean;
    loadMoreError?: Error;
  };
  environments: string[];
  view: ReleaseHistoryView;
  filtered: boolean;
  onChange: (changes: Partial<ReleaseHistoryView>) => void;
  onClear: () => void;
}) => {
  const { history, environments, view, filtered, onChange, onClear } = props;
  return (
    <InfoCard title="History" titleTypographyProps={{ component: 'h2' }}>
      <ReleaseFilters
        view={view}
        environments={environments}
        filtered={filtered}
        onChange={onChange}
        onClear={onClear}
      />
      {history.loading && !history.value && <Progress />}
      {history.error && <ResponseErrorPanel error={history.error} />}
      {history.value && !history.error && (
        <>
          <ReleaseHistoryTable
            releases={history.value}
            partial={history.hasMore}
            openAt={history.olderFrom}
          />
          {history.hasMore && history.loadMore && (
            <Box mt={2} display="flex" alignItems="center" style={{ gap: 16 }}>
              <Button
                variant="outlined"
                disabled={history.loadingMore}
                onClick={history.loadMore}
              >
                Load older releases
              </Button>
              <Typography variant="body2" color="textSecondary">
                {`The newest ${history.value.length} are shown; filters narrow the history on the server.`}
              </Typography>
            </Box>
          )}
          {history.loadMoreError && (
            <ResponseErrorPanel error={history.loadMoreError} />
          )}
        </>
      )}
    </InfoCard>
  );
};
