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

import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import { formatDigest } from '../../utils/format';
import { useEvidenceActions } from './EvidenceActionsContext';

const useStyles = makeStyles((theme: Theme) => ({
  matches: {
    borderColor: theme.palette.success.main,
    color: theme.palette.success.main,
  },
  mismatch: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
    fontWeight: theme.typography.fontWeightBold as number,
    '& svg': { color: theme.palette.error.contrastText },
  },
}));

/**
 * The answer of "verify hash" for one evidence file, once asked. A mismatch
 * means the stored bytes changed since upload, and is shown as an alert.
 */
export const VerificationChip = (props: { id: string }) => {
  const classes = useStyles();
  const { verifications } = useEvidenceActions();
  const verification = verifications[props.id];
  if (!verification) {
    return null;
  }
  if (verification.matches) {
    return (
      <Chip
        size="small"
        variant="outlined"
        icon={<CheckCircleIcon />}
        className={classes.matches}
        label="sha256 matches"
        title={`Verified ${verification.verifiedAt}`}
      />
    );
  }
  return (
    <Chip
      role="alert"
      size="small"
      icon={<ErrorIcon />}
      className={classes.mismatch}
      label={`MISMATCH: stored bytes hash to ${formatDigest(
        verification.actualSha256,
      )}`}
      title={`Recorded at upload: ${verification.expectedSha256}\nStored bytes now: ${verification.actualSha256}`}
    />
  );
};
