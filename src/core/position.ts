/** A 1-based point in a file. `offset` is 0-based, as in unist. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Span {
  start: Point;
  end: Point;
}
