/**
 * What `make` returns, made on the first call and kept: a repo's statements prepared when first
 * run rather than when the repo is made. Preparing costs ~0.05–0.1 ms a statement (SQLite parses
 * and plans it), and a repo holds up to ~20 of which a read runs two or three: the goals repo
 * alone cost `perf goals` and `perf status` ~1.2 ms before this (issue 12).
 */
export function onFirstUse<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}
