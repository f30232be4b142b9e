/** Zoom levels offered by the image and PDF viewers, as multiples of the natural size. */
export const zoomSteps: readonly number[] = [0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4]

export const minZoom = zoomSteps[0] ?? 0.1
export const maxZoom = zoomSteps[zoomSteps.length - 1] ?? 4

// From a fitted scale like 1.24, "Zoom in" must visibly grow the page, not step to 1.25.
const minimumStep = 1.05

/** The next step at least a little above the current scale (which may be any fitted value), capped at the largest. */
export function zoomIn(current: number): number {
  return zoomSteps.find((step) => step > current * minimumStep) ?? maxZoom
}

/** The next step at least a little below the current scale, floored at the smallest. */
export function zoomOut(current: number): number {
  return [...zoomSteps].reverse().find((step) => step < current / minimumStep) ?? minZoom
}
