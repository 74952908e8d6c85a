import { AnyApiFactory } from '@backstage/core-plugin-api';

/** The app's own API overrides; Vigil's client comes with its plugin. */
export const apis: AnyApiFactory[] = [];
