/**
 * A function of one object computed once per object: the result lives as long as its key (a
 * WeakMap), so a document's derived data goes with the document.
 */
export function memoByObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const results = new WeakMap<K, V>();
  return (key) => {
    if (!results.has(key)) results.set(key, compute(key));
    return results.get(key) as V;
  };
}
