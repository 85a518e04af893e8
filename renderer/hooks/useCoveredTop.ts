import { useEffect, useState, type RefObject } from 'react';
import { CARD_GAP } from '../components/virtual-parts';

/**
 * What stays over the top of a list as it scrolls (the sticky search toolbar inside `view`), in pixels:
 * a card brought into view (go to, k / ↑) lands below it, not under it. Set as the scrolling area's
 * scroll-padding, which the browser's scrollIntoView (and a field it focuses) keeps clear, and returned
 * for the long list's virtualiser, which scrolls to a card itself.
 */
export function useCoveredTop(view: RefObject<HTMLElement | null>): number {
  const [covered, setCovered] = useState(0);
  useEffect(() => {
    const scroller = view.current?.closest<HTMLElement>('.content');
    const toolbar = view.current?.querySelector<HTMLElement>('.toolbar');
    if (!scroller || !toolbar) return;
    // Read in the observer's callback, after layout; again whenever the toolbar changes height.
    const observer = new ResizeObserver(() => {
      const cover = coverOver(scroller, toolbar);
      setCovered((current) => (Math.abs(cover - current) > 0.5 ? cover : current));
    });
    observer.observe(toolbar);
    return () => observer.disconnect();
  }, [view]);
  useEffect(() => {
    const scroller = view.current?.closest<HTMLElement>('.content');
    if (!scroller) return;
    scroller.style.scrollPaddingTop = `${covered}px`;
    return () => void scroller.style.removeProperty('scroll-padding-top');
  }, [view, covered]);
  return covered;
}

/** How far down from the top of the scrolling area the toolbar reaches once stuck there, and a card's gap below it. */
function coverOver(scroller: HTMLElement, toolbar: HTMLElement): number {
  const style = getComputedStyle(toolbar);
  if (style.position !== 'sticky') return 0;
  const stuckAt = parseFloat(getComputedStyle(scroller).paddingTop) + (parseFloat(style.top) || 0);
  return Math.max(0, stuckAt + toolbar.offsetHeight + CARD_GAP);
}
