import { z } from 'zod';

const BoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export const WindowStateSchema = z.object({ bounds: BoundsSchema, maximized: z.boolean() });

export type Bounds = z.infer<typeof BoundsSchema>;
export type WindowState = z.infer<typeof WindowStateSchema>;

/**
 * Where to put the window from what was saved: only on a display that still exists (its centre on a
 * screen's work area), never larger than that screen, never smaller than the minimum. Null: use the
 * default placement. Takes `unknown` because the file is read from disk.
 */
export function restoredWindowState(saved: unknown, workAreas: readonly Bounds[], min: { width: number; height: number }): WindowState | null {
  const parsed = WindowStateSchema.safeParse(saved);
  if (!parsed.success) return null;
  const { bounds, maximized } = parsed.data;
  const cx = bounds.x + bounds.width / 2;
  const cy = bounds.y + bounds.height / 2;
  const area = workAreas.find((a) => cx >= a.x && cx < a.x + a.width && cy >= a.y && cy < a.y + a.height);
  if (!area) return null;
  const width = Math.max(min.width, Math.min(bounds.width, area.width));
  const height = Math.max(min.height, Math.min(bounds.height, area.height));
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { bounds: { x, y, width, height }, maximized };
}
