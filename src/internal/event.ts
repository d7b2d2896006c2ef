/** Creates the bubbling, composed events every element of the widget sends. */
export function widgetEvent<T>(type: string, detail: T, cancelable = false): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable });
}
