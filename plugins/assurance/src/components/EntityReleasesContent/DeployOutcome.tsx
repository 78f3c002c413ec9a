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

import type { Release } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ActionError } from './ActionError';
import { releaseVersion } from './releaseLabels';

/**
 * Under a deploying release: who finishes it, and, for users who may record
 * releases, Mark succeeded (at once) and Mark failed (after confirming,
 * since the environment goes back to what ran before). The server's
 * refusal is shown here.
 */
export const DeployOutcome = (props: {
  release: Release;
  onMarkSucceeded?: (release: Release) => Promise<unknown>;
  onMarkFailed?: (release: Release) => void;
}) => {
  const { release, onMarkSucceeded, onMarkFailed } = props;
  const [state, markSucceeded] = useAsyncFn(
    async () => onMarkSucceeded?.(release),
    [release, onMarkSucceeded],
  );
  const canMark = Boolean(onMarkSucceeded || onMarkFailed);
  const what = `${releaseVersion(release)} in ${release.environment}`;
  return (
    <Box mt={1}>
      <Typography variant="body2" color="textSecondary">
        {canMark
          ? 'The pipeline deploys this digest and reports the outcome; if it does not, mark it here.'
          : 'The pipeline deploys this digest and reports the outcome.'}
      </Typography>
      {canMark && (
        <Box display="flex" flexWrap="wrap" mt={1} style={{ gap: 8 }}>
          {onMarkSucceeded && (
            <Button
              size="small"
              color="primary"
              variant="outlined"
              aria-label={`Mark succeeded: ${what}`}
              disabled={state.loading}
              onClick={markSucceeded}
            >
              Mark succeeded
            </Button>
          )}
          {onMarkFailed && (
            <Button
              size="small"
              color="secondary"
              variant="outlined"
              aria-label={`Mark failed: ${what}`}
              disabled={state.loading}
              onClick={() => onMarkFailed(release)}
            >
              Mark failed
            </Button>
          )}
        </Box>
      )}
      <ActionError error={state.error} />
    </Box>
  );
};
