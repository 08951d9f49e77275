/**
 * Maps recurring strings (location codes, inventory list ids, master ids) to small integers so a
 * million table rows hold numbers instead of a million copies of the same few strings.
 */
export class StringInterner {
  private readonly ids = new Map<string, number>();
  private readonly values: string[] = [];

  /** The id of `value`, assigned on first sight. */
  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  /** The string behind an id handed out by {@link idOf}. */
  valueOf(id: number): string {
    return this.values[id] ?? '';
  }

  /** One shared instance of `value` (for strings kept as strings, e.g. master ids). */
  shared(value: string): string {
    return this.valueOf(this.idOf(value));
  }

  size(): number {
    return this.values.length;
  }
}
