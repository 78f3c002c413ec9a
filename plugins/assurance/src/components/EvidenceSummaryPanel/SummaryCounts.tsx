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

import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';

/**
 * A row of labelled counts, such as "Failed: 3".
 */
export const SummaryCounts = (props: {
  counts: Array<{ label: string; value: number | string }>;
}) => (
  <Box display="flex" flexWrap="wrap" mb={1}>
    {props.counts.map(({ label, value }) => (
      <Box key={label} mr={1} mb={1}>
        <Chip size="small" variant="outlined" label={`${label}: ${value}`} />
      </Box>
    ))}
  </Box>
);

/**
 * Says that a list was cut short by the backend.
 */
export const TruncationNote = (props: {
  shown: number;
  total: number;
  noun: string;
}) =>
  props.shown < props.total ? (
    <Box mt={1} fontStyle="italic">
      Showing the first {props.shown} of {props.total} {props.noun}.
    </Box>
  ) : null;
