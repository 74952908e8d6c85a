/*
 * React 18's scheduling priorities, where React has them. The plugin also
 * supports React 16 and 17, which have neither: there updates run at once
 * and values are used as they come.
 */
import * as React from 'react';

/** Runs a state update at low priority (startTransition). */
export const lowPriority: (update: () => void) => void =
  React.startTransition ?? (update => update());

/**
 * The value, updated at low priority (useDeferredValue): a section that
 * renders it re-renders after the urgent updates, in work React can pause.
 */
export const useLowPriorityValue: <T>(value: T) => T =
  React.useDeferredValue ?? (value => value);
