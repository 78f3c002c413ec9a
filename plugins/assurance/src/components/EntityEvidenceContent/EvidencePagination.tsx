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
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';

/**
 * Previous and next buttons for cursor pagination.
 */
export const EvidencePagination = (props: {
  pageNumber: number;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) => (
  <Box display="flex" justifyContent="flex-end" alignItems="center" mt={1}>
    <Button
      disabled={!props.hasPreviousPage}
      onClick={props.onPrevious}
      aria-label="Previous page"
    >
      Previous
    </Button>
    <Typography variant="body2" component="span">
      Page {props.pageNumber}
    </Typography>
    <Button
      disabled={!props.hasNextPage}
      onClick={props.onNext}
      aria-label="Next page"
    >
      Next
    </Button>
  </Box>
);
