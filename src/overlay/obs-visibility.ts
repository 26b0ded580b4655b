import type { Clock } from './clock.ts';

/**
 * OBS's browser source tells the page when it stops being shown: `obsSourceVisibleChanged` (detail
 * `{ visible }`: shown in any view) and `obsSourceActiveChanged` (detail `{ active }`: on the program
 * output), both dispatched on window. The overlay draws only while it is visible *and* on program, and
 * while the page itself is visible: a source prepared in Studio Mode's preview stays still until it goes
 * live, then jumps to the present. Returns a function that stops watching.
 */
export function watchObsVisibility(clock: Pick<Clock, 'setHidden'>, target: EventTarget = window, page: Document | null = document): () => void {
  let visible = true;
  let active = true;
  const apply = () => clock.setHidden(!visible || !active || page?.visibilityState === 'hidden');
  const onVisible = (event: Event) => {
    const value = (event as CustomEvent<{ visible?: unknown }>).detail?.visible;
    if (typeof value !== 'boolean') return;
    visible = value;
    apply();
  };
  const onActive = (event: Event) => {
    const value = (event as CustomEvent<{ active?: unknown }>).detail?.active;
    if (typeof value !== 'boolean') return;
    active = value;
    apply();
  };
  target.addEventListener('obsSourceVisibleChanged', onVisible);
  target.addEventListener('obsSourceActiveChanged', onActive);
  page?.addEventListener('visibilitychange', apply);
  return () => {
    target.removeEventListener('obsSourceVisibleChanged', onVisible);
    target.removeEventListener('obsSourceActiveChanged', onActive);
    page?.removeEventListener('visibilitychange', apply);
  };
}
