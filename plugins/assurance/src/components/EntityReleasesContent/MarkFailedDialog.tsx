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
import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ActionError } from './ActionError';
import { describeRelease, releaseVersion } from './releaseLabels';
import { SubjectDialog } from './SubjectDialog';

const TITLE_ID = 'assurance-mark-failed-title';

/**
 * Confirms that a deploying release failed: the environment goes back to
 * the release that ran there before. The server decides whether the user
 * may; its message is shown.
 */
export const MarkFailedDialog = (props: {
  /** The deploying release; the dialog is open while it is set. */
  release?: Release;
  onMarkFailed: (input: { id: string; status: 'failed' }) => Promise<unknown>;
  onClose: () => void;
}) => {
  const { onMarkFailed, onClose } = props;
  return (
    <SubjectDialog subject={props.release} titleId={TITLE_ID} onClose={onClose}>
      {release => (
        <MarkFailedContent
          release={release}
          onMarkFailed={onMarkFailed}
          onClose={onClose}
        />
      )}
    </SubjectDialog>
  );
};

/** Mounted only while the dialog is open, so each opening starts afresh. */
function MarkFailedContent(props: {
  release: Release;
  onMarkFailed: (input: { id: string; status: 'failed' }) => Promise<unknown>;
  onClose: () => void;
}) {
  const { release, onMarkFailed, onClose } = props;
  const { environment } = release;
  const [state, markFailed] = useAsyncFn(async () => {
    await onMarkFailed({ id: release.id, status: 'failed' });
    onClose();
  }, [release.id, onMarkFailed, onClose]);

  return (
    <>
      <DialogTitle id={TITLE_ID}>
        {`Mark ${releaseVersion(release)} in ${environment} failed`}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          {`The deploy of ${describeRelease(
            release,
          )} to ${environment} is recorded as failed, and ${environment} goes back to the release that ran there before it. Mark it failed only if the deploy did not complete.`}
        </DialogContentText>
        <ActionError error={state.error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={state.loading}
          onClick={markFailed}
        >
          Mark failed
        </Button>
      </DialogActions>
    </>
  );
}
