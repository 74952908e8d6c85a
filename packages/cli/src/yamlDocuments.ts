import { Document, isNode, LineCounter, parseAllDocuments } from 'yaml';

/** A 1-based line and column in a source file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A YAML syntax problem, located in the file. */
export interface YamlSyntaxError {
  position: SourcePosition;
  /** The `yaml` package's error code, e.g. `BAD_INDENT`. */
  code: string;
  message: string;
}

/** One document of a YAML stream, with a way back to its source lines. */
export interface YamlSourceDocument {
  /** 0-based position of the document in the file. */
  index: number;
  /** The plain value, or undefined when the document could not be parsed. */
  value: unknown;
  /** Syntax errors of this document; when there are any, `value` is undefined. */
  errors: YamlSyntaxError[];
  /** Where the document's content starts. */
  start: SourcePosition;
  /**
   * Where the node at `path` starts (e.g. `['metadata', 'annotations',
   * 'vigil/tier']` gives the annotation's value); when it does not exist,
   * the deepest of its parents that does, else the document's start.
   */
  locate(path: ReadonlyArray<string | number>): SourcePosition;
  /**
   * Like {@link YamlSourceDocument.locate}, and also how many leading steps
   * of `path` exist (0 when none does and the position is the document's
   * start).
   */
  resolve(path: ReadonlyArray<string | number>): {
    position: SourcePosition;
    depth: number;
  };
}

/**
 * Parses every document of a YAML file, keeping line and column
 * information. Never throws: an invalid document gets `errors` and the
 * documents around it are still returned.
 */
export function parseYamlDocuments(text: string): YamlSourceDocument[] {
  const lineCounter = new LineCounter();
  const position = (offset: number | undefined): SourcePosition => {
    if (offset === undefined || offset < 0) {
      return { line: 1, column: 1 };
    }
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const documents = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
  });
  return Array.from(documents as Iterable<Document.Parsed>).map(
    (doc, index) => {
      const start = position(doc.contents?.range?.[0] ?? doc.range?.[0]);
      const errors: YamlSyntaxError[] = doc.errors.map(error => ({
        position: position(error.pos?.[0]),
        code: error.code,
        message: error.message,
      }));
      let value: unknown;
      if (errors.length === 0) {
        try {
          value = doc.toJS();
        } catch (error) {
          // e.g. too many alias expansions
          errors.push({
            position: start,
            code: 'TO_JS',
            message: String((error as Error)?.message ?? error),
          });
        }
      }
      const resolvePath = (path: ReadonlyArray<string | number>) => {
        for (let depth = path.length; depth > 0; depth--) {
          const node = safeGetIn(doc, path.slice(0, depth));
          if (isNode(node) && node.range) {
            return { position: position(node.range[0]), depth };
          }
        }
        return { position: start, depth: 0 };
      };
      return {
        index,
        value,
        errors,
        start,
        locate: path => resolvePath(path).position,
        resolve: resolvePath,
      };
    },
  );
}

function safeGetIn(
  doc: Document,
  path: ReadonlyArray<string | number>,
): unknown {
  try {
    return doc.getIn(path, true);
  } catch {
    // getIn throws when a step of the path is a scalar
    return undefined;
  }
}
