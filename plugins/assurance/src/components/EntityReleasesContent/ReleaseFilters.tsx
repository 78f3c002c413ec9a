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
import {
  RELEASE_STATUSES,
  type ReleaseStatus,
} from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { ReleaseHistoryView, SinceKey } from '../../hooks';
import { releaseStatusLabel } from './releaseLabels';

const SINCE_OPTIONS: Array<{ value: SinceKey | ''; label: string }> = [
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: '90d', label: 'Last 90 days' },
  { value: '', label: 'All time' },
];

/**
 * The filters above the release history: environment, any of several
 * statuses, and how far back. The server applies them.
 */
export const ReleaseFilters = (props: {
  view: ReleaseHistoryView;
  environments: string[];
  filtered: boolean;
  onChange: (changes: Partial<ReleaseHistoryView>) => void;
  onClear: () => void;
}) => {
  const { view, environments, filtered, onChange, onClear } = props;
  const known = !view.environment || environments.includes(view.environment);
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      mb={1}
      style={{ gap: 8 }}
    >
      <TextField
        id="release-filter-environment"
        label="Environment"
        select
        SelectProps={{ native: true }}
        value={view.environment ?? ''}
        onChange={(event: ChangeEvent<{ value: unknown }>) =>
          onChange({ environment: (event.target.value as string) || undefined })
        }
        variant="outlined"
        size="small"
        margin="dense"
        InputLabelProps={{ shrink: true }}
      >
        <option value="">All environments</option>
        {!known && <option value={view.environment}>{view.environment}</option>}
        {environments.map(name => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </TextField>
      <TextField
        id="release-filter-status"
        label="Status"
        select
        SelectProps={{
          multiple: true,
          displayEmpty: true,
          renderValue: selected =>
            (selected as ReleaseStatus[]).length === 0
              ? 'Any status'
              : (selected as ReleaseStatus[])
                  .map(releaseStatusLabel)
                  .join(', '),
        }}
        value={view.status}
        onChange={(event: ChangeEvent<{ value: unknown }>) =>
          onChange({ status: event.target.value as ReleaseStatus[] })
        }
        variant="outlined"
        size="small"
        margin="dense"
        style={{ minWidth: 180 }}
        InputLabelProps={{ shrink: true }}
      >
        {RELEASE_STATUSES.map(status => (
          <MenuItem key={status} value={status}>
            <Checkbox
              size="small"
              checked={view.status.includes(status)}
              inputProps={{ 'aria-hidden': true }}
            />
            <ListItemText primary={releaseStatusLabel(status)} />
          </MenuItem>
        ))}
      </TextField>
      <TextField
        id="release-filter-since"
        label="Since"
        select
        SelectProps={{ native: true }}
        value={view.since ?? ''}
        onChange={(event: ChangeEvent<{ value: unknown }>) =>
          onChange({
            since: (event.target.value as SinceKey | '') || undefined,
          })
        }
        variant="outlined"
        size="small"
        margin="dense"
        InputLabelProps={{ shrink: true }}
      >
        {SINCE_OPTIONS.map(option => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </TextField>
      {filtered && <Button onClick={onClear}>Clear filters</Button>}
    </Box>
  );
};
