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

import { useCallback } from 'react';
import type {
  EnvironmentState,
  Release,
} from '@real-app-forever/plugin-assurance-common';
import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { ActionError } from './ActionError';
import { ReasonField, useReasonAction } from './ReasonField';
import { describeRelease } from './releaseLabels';
import { SubjectDialog } from './SubjectDialog';

const TITLE_ID = 'assurance-rollback-title';

/**
 * Rolls an environment back to its rollback target, saying what runs now and
 * what will run instead. A rollback needs a reason; the server decides
 * whether the user may.
 */
export const RollbackDialog = (props: {
  /** The environment to roll back; the dialog is open while it is set. */
  environment?: EnvironmentState;
  onRollback: (input: {
    environment: string;
    reason: string;
  }) => Promise<unknown>;
  onClose: () => void;
}) => {
  const { onRollback, onClose } = props;
  return (
    <SubjectDialog
      subject={props.environment}
      titleId={TITLE_ID}
      onClose={onClose}
    >
      {environment => (
        <RollbackContent
          environment={environment}
          onRollback={onRollback}
          onClose={onClose}
        />
      )}
    </SubjectDialog>
  );
};

/** Mounted only while the dialog is open, so each opening starts afresh. */
function RollbackContent(props: {
  environment: EnvironmentState;
  onRollback: (input: {
    environment: string;
    reason: string;
  }) => Promise<unknown>;
  onClose: () => void;
}) {
  const { environment, onRollback, onClose } = props;
  const { name, activeRelease, rollbackTarget } = environment;
  const send = useCallback(
    (reason: string) => onRollback({ environment: name, reason }),
    [name, onRollback],
  );
  const { reason, setReason, valid, state, submit } = useReasonAction({
    send,
    onClose,
  });

  return (
    <>
      <DialogTitle id={TITLE_ID}>{`Roll back ${name}`}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {rollbackTarget
            ? `${name} ${describeRunning(
                activeRelease,
              )}. Rolling back deploys ${describeRelease(
                rollbackTarget,
              )} again, the newest earlier release that succeeded here.`
            : `${name} has no rollback target: no other release succeeded here.`}
        </DialogContentText>
        <ReasonField
          id="assurance-rollback-reason"
          helperText="Why you roll back; it is kept with the release"
          value={reason}
          onChange={setReason}
        />
        <ActionError error={state.error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={!valid || !rollbackTarget || state.loading}
          onClick={submit}
        >
          Roll back
        </Button>
      </DialogActions>
    </>
  );
}

/** "runs 2.6.0 (sha256:…)", or "is deploying …" while it deploys. */
function describeRunning(release: Release | null): string {
  if (!release) {
    return 'runs nothing';
  }
  return `${
    release.status === 'deploying' ? 'is deploying' : 'runs'
  } ${describeRelease(release)}`;
}
