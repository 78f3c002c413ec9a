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
import { ReactNode, useRef } from 'react';
import Dialog from '@material-ui/core/Dialog';

/**
 * The value, or the last one that was defined: a dialog keeps its content
 * while it fades out after its subject is cleared.
 */
export function useLastDefined<T>(value: T | undefined): T | undefined {
  const last = useRef(value);
  if (value !== undefined) {
    last.current = value;
  }
  return last.current;
}

/**
 * A release action's dialog: open while it has a subject (the environment
 * or release acted on), keeping that subject while it fades out. Its
 * content is mounted only while there is one, so each opening starts
 * afresh.
 */
export function SubjectDialog<T>(props: {
  subject?: T;
  /** The id of the content's title, which names the dialog. */
  titleId: string;
  onClose: () => void;
  children: (subject: T) => ReactNode;
}) {
  const { titleId, onClose, children } = props;
  const subject = useLastDefined(props.subject);
  return (
    <Dialog
      open={Boolean(props.subject)}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby={titleId}
    >
      {subject !== undefined && children(subject)}
    </Dialog>
  );
}
