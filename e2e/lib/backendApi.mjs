// Calls to the dev backend's REST APIs as the signed-in guest.
export const BACKEND = 'http://localhost:7007';

/** Calls a backend plugin's API (`catalog`, `reliability`) as the guest. */
export async function backendApi(token, plugin, method, path, body) {
  const res = await fetch(`${BACKEND}/api/${plugin}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

/** Calls the catalog API as the guest. */
export const catalogApi = (token, method, path, body) =>
  backendApi(token, 'catalog', method, path, body);

/**
 * Registers a file location (idempotent: 409 means it is there already)
 * and waits until the catalog serves every named entity.
 */
export async function registerFile(token, file, names, waitFor) {
  const created = await catalogApi(token, 'POST', '/locations', {
    type: 'file',
    target: file,
  });
  if (created.status !== 201 && created.status !== 409) {
    throw new Error(
      `registering ${file} answered ${created.status}: ${JSON.stringify(
        created.body,
      )}`,
    );
  }
  for (const name of names) {
    await waitFor(
      async () =>
        (
          await catalogApi(
            token,
            'GET',
            `/entities/by-name/component/default/${name}`,
          )
        ).status === 200,
      `the catalog to admit ${name} from ${file}`,
    );
  }
}
