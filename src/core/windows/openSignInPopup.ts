/**
 * Opens the empty window a popup sign-in then runs in. Call it synchronously in the click
 * handler, before anything is awaited: browsers let a page open a window only while it handles a
 * user's gesture. Hand the window to `signInWithPopup` or `reauthenticate` (their last argument)
 * when those are loaded later, e.g. by a dynamic `import()` that keeps them out of the first
 * download.
 *
 * @returns the window, or `null` when the browser refused to open it
 * @example
 * ```ts
 * button.onclick = () => {
 *   const popup = openSignInPopup(); // before any await
 *   void import('logto-spa').then(({ signInWithPopup }) => signInWithPopup(client, {}, popup));
 * };
 * ```
 */
export function openSignInPopup(): Window | null {
  // `_blank`: always a new window. A name would reuse an open window of that name: one another
  // page opened and still holds (it could send it to a look-alike sign-in page meanwhile), or the
  // popup of a sign-in already under way, taken from under it.
  return open('', '_blank', 'popup,width=480,height=640');
}
