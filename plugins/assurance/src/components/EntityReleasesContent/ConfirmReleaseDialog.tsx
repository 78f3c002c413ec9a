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

import { ReactNode } from 'react';
import type { Release } from '@real-app-forever/plugin-assurance-common';
import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ActionError } from './ActionError';
import { SubjectDialog } from './SubjectDialog';

type ConfirmContentProps = {
  /** The id of the title, which names the dialog. */
  titleId: string;
  title: (release: Release) => string;
  /** What confirming does, said about the release. */
  children: (release: Release) => ReactNode;
  confirmLabel: string;
  confirmColor: 'primary' | 'secondary';
  onConfirm: (release: Release) => Promise<unknown>;
  onClose: () => void;
};

/**
 * A release action that needs only a confirmation: it closes when the
 * action succeeds and shows the server's message when it fails.
 */
export function ConfirmReleaseDialog(
  props: ConfirmContentProps & {
    /** The release acted on; the dialog is open while it is set. */
    release?: Release;
  },
) {
  const { release, ...content } = props;
  return (
    <SubjectDialog
      subject={release}
      titleId={content.titleId}
      onClose={content.onClose}
    >
      {subject => <ConfirmContent {...content} release={subject} />}
    </SubjectDialog>
  );
}

/** Mounted only while the dialog is open, so each opening starts afresh. */
function ConfirmContent(props: ConfirmContentProps & { release: Release }) {
  const { release, titleId, title, children, onConfirm, onClose } = props;
  const [state, confirm] = useAsyncFn(async () => {
    await onConfirm(release);
    onClose();
  }, [release, onConfirm, onClose]);

  return (
    <>
      <DialogTitle id={titleId}>{title(release)}</DialogTitle>
      <DialogContent>
        {children(release)}
        <ActionError error={state.error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color={props.confirmColor}
          variant="contained"
          disabled={state.loading}
          onClick={confirm}
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </>
  );
}
