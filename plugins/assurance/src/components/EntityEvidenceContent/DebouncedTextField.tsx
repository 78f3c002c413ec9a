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
  ChangeEvent,
  KeyboardEvent,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import TextField from '@material-ui/core/TextField';
import useDebounce from 'react-use/esm/useDebounce';

/**
 * A text field that reports its value once typing pauses, or at once on
 * Enter. Follows `value` when it changes from outside (a link, "clear").
 */
export const DebouncedTextField = (props: {
  id: string;
  label: string;
  value: string;
  onCommit: (value: string) => void;
  delayMs?: number;
}) => {
  const { id, label, value, onCommit, delayMs = 400 } = props;
  const [text, setText] = useState(value);
  const committed = useRef(value);

  useEffect(() => {
    if (value.trim() !== committed.current.trim()) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  const commit = useCallback(() => {
    if (text.trim() !== committed.current.trim()) {
      committed.current = text;
      onCommit(text.trim());
    }
  }, [text, onCommit]);

  useDebounce(commit, delayMs, [text]);

  return (
    <TextField
      id={id}
      label={label}
      value={text}
      onChange={(event: ChangeEvent<HTMLInputElement>) =>
        setText(event.target.value)
      }
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key === 'Enter') {
          commit();
        }
      }}
      variant="outlined"
      size="small"
      margin="dense"
      InputLabelProps={{ shrink: true }}
    />
  );
};
