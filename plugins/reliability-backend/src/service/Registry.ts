import { ConflictError } from '@backstage/errors';

/**
 * Items contributed through an extension point, by unique id. A second item
 * with the same id is a wiring mistake and fails start-up loudly.
 */
export class Registry<T extends { id: string }> {
  private readonly items = new Map<string, T>();

  constructor(private readonly what: string) {}

  add(item: T): void {
    if (this.items.has(item.id)) {
      throw new ConflictError(
        `Reliability ${this.what} '${item.id}' is registered twice`,
      );
    }
    this.items.set(item.id, item);
  }

  get size(): number {
    return this.items.size;
  }

  ids(): string {
    return [...this.items.keys()].join(', ');
  }

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  list(): T[] {
    return [...this.items.values()];
  }
}
