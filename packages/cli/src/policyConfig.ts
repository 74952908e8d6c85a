import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DEFAULT_POLICY,
  parsePolicy,
  ReliabilityPolicy,
} from '@vigil/plugin-reliability-common';
import { parseYamlDocuments, YamlSourceDocument } from './yamlDocuments';

/** The config key the policy is read from. */
export const POLICY_KEY = 'reliability.policy';

/** The file used when no `--config` is given, if it exists. */
export const DEFAULT_CONFIG_FILE = 'app-config.yaml';

/** Where the policy came from. */
export interface PolicySource {
  /** The config files read, as written (empty: the default policy). */
  configFiles: string[];
  /** True when `./app-config.yaml` was picked up without `--config`. */
  implicit: boolean;
  /** False when no config file holds `reliability.policy`. */
  fromConfig: boolean;
}

/** The outcome of reading the policy. */
export type LoadPolicyResult =
  | {
      ok: true;
      policy: ReliabilityPolicy;
      source: PolicySource;
      /** Lines for stderr: which policy applies. */
      notes: string[];
    }
  | {
      ok: false;
      /** Every problem, one line each: `file[:line:column]: message`. */
      errors: string[];
    };

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (value: Json): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Deep merge in the manner of Backstage's config loading: mappings merge key
 * by key, anything else (scalars, lists) in a later file replaces the value
 * of an earlier one.
 */
export function mergeConfig(base: Json, override: Json): Json {
  if (override === undefined) {
    return base;
  }
  if (!isObject(base) || !isObject(override)) {
    return override;
  }
  const merged: JsonObject = { ...base };
  for (const [key, value] of Object.entries(override)) {
    merged[key] = mergeConfig(base[key], value);
  }
  return merged;
}

const READ_ERROR_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
};

/** Why a file could not be read, in a few words. */
export function readErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  return (
    READ_ERROR_REASONS[code ?? ''] ?? (error as Error)?.message ?? String(error)
  );
}

interface LoadedConfig {
  file: string;
  doc?: YamlSourceDocument;
  value: Json;
}

function readConfigFile(
  file: string,
  cwd: string,
): { config?: LoadedConfig; errors: string[] } {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    return { errors: [`${file}: cannot read file: ${readErrorReason(error)}`] };
  }
  const docs = parseYamlDocuments(text);
  const errors: string[] = [];
  for (const doc of docs) {
    for (const e of doc.errors) {
      errors.push(
        `${file}:${e.position.line}:${e.position.column}: invalid YAML (${e.code}): ${e.message}`,
      );
    }
  }
  if (errors.length > 0) {
    return { errors };
  }
  if (docs.length > 1) {
    return {
      errors: [
        `${file}:${docs[1].start.line}:${docs[1].start.column}: an app-config file holds one YAML document, this one holds ${docs.length}`,
      ],
    };
  }
  const doc = docs[0];
  const value = doc?.value ?? {};
  if (!isObject(value)) {
    return {
      errors: [
        `${file}:${doc.start.line}:${doc.start.column}: expected a mapping of config keys at the top level`,
      ],
    };
  }
  return { config: { file, doc, value }, errors: [] };
}

function getPath(value: Json, path: string[]): Json {
  let current = value;
  for (const step of path) {
    if (!isObject(current)) {
      return undefined;
    }
    current = current[step];
  }
  return current;
}

/**
 * Names the file, line and column a policy error points at: the last file
 * that holds the deepest part of the key (later files win, so that is
 * where the value came from).
 */
function locateKey(configs: LoadedConfig[], key: string): string {
  const path = key.split('.');
  let best: { file: string; depth: number; line: number; column: number } = {
    file: configs[configs.length - 1].file,
    depth: -1,
    line: 0,
    column: 0,
  };
  for (const { file, doc } of configs) {
    if (!doc) continue;
    const { position, depth } = doc.resolve(path);
    if (depth >= best.depth) {
      best = { file, depth, ...position };
    }
  }
  return best.depth > 0
    ? `${best.file}:${best.line}:${best.column}`
    : best.file;
}

/**
 * Reads `reliability.policy` from the app-config files (merged like
 * Backstage does) and parses it with the shared `parsePolicy`. Without
 * files, `./app-config.yaml` is used when it exists, else the default
 * policy. `${VAR}` substitutions and `$include`/`$env` directives are not
 * resolved: the values are read as written.
 */
export function loadPolicy(
  configFiles: string[],
  cwd: string,
): LoadPolicyResult {
  let files = configFiles;
  let implicit = false;
  if (files.length === 0) {
    if (isFile(resolve(cwd, DEFAULT_CONFIG_FILE))) {
      files = [DEFAULT_CONFIG_FILE];
      implicit = true;
    } else {
      return {
        ok: true,
        policy: DEFAULT_POLICY,
        source: { configFiles: [], implicit: false, fromConfig: false },
        notes: [
          `vigil: no --config and no ./${DEFAULT_CONFIG_FILE}: using the default policy`,
        ],
      };
    }
  }

  const configs: LoadedConfig[] = [];
  const errors: string[] = [];
  for (const file of files) {
    const read = readConfigFile(file, cwd);
    errors.push(...read.errors);
    if (read.config) configs.push(read.config);
  }
  if (errors.length > 0) {
    return { ok: false, errors };
  }

  const merged = configs.reduce<Json>(
    (acc, { value }) => mergeConfig(acc, value),
    {},
  );
  const reliability = getPath(merged, ['reliability']);
  if (
    reliability !== undefined &&
    reliability !== null &&
    !isObject(reliability)
  ) {
    return {
      ok: false,
      errors: [
        `${locateKey(configs, 'reliability')}: reliability has ${JSON.stringify(
          reliability,
        )}; expected a mapping`,
      ],
    };
  }
  const raw = getPath(merged, POLICY_KEY.split('.'));
  const { policy, errors: policyErrors } = parsePolicy(
    raw === null ? undefined : raw,
    POLICY_KEY,
  );
  if (policyErrors.length > 0) {
    return {
      ok: false,
      errors: policyErrors.map(
        e => `${locateKey(configs, e.key)}: ${e.message}`,
      ),
    };
  }

  const named = files.join(', ');
  const fromConfig = raw !== undefined && raw !== null;
  const notes: string[] = [];
  if (implicit) {
    notes.push(
      fromConfig
        ? `vigil: using ${POLICY_KEY} from ./${DEFAULT_CONFIG_FILE} (pass --config to choose the file)`
        : `vigil: ./${DEFAULT_CONFIG_FILE} has no ${POLICY_KEY}: using the default policy`,
    );
  } else if (!fromConfig) {
    notes.push(`vigil: no ${POLICY_KEY} in ${named}: using the default policy`);
  }
  return {
    ok: true,
    policy,
    source: { configFiles: files, implicit, fromConfig },
    notes,
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
