export interface Config {
  reliability?: {
    catalog?: {
      /**
       * How the catalog treats reliability metadata errors: `off` (not
       * checked), `warn` (admitted; the Reliability tab lists the findings)
       * or `enforce` (processing errors; the catalog keeps the last good
       * version). Default `warn`.
       */
      enforcement?: 'off' | 'warn' | 'enforce';
    };
  };
}
