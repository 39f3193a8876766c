/** The points of a budget's depletion chart (Uitputtingsgrafiek.tsx): pure, whole cents. */
import type { Budget } from './types.ts';

export interface Punt {
  maand: string;
  /** left at the end of the month, as it was (months up to this one) */
  werkelijk: number | null;
  /** left at the end of the month at the pace so far (this month and later) */
  verwacht: number | null;
}

/** The chart's points: actual up to `huidigeMaand`, projected from there at the pace. Pure. */
export function punten(b: Pick<Budget, 'toegekend_centen' | 'uitputting'>, huidigeMaand: string): Punt[] {
  const tempo = b.uitputting.tempo_per_maand_centen ?? 0;
  let laatste: number | null = null;
  let stap = 0;
  return b.uitputting.maanden.map((m) => {
    if (m.maand <= huidigeMaand) {
      laatste = m.resterend_centen;
      return { maand: m.maand, werkelijk: m.resterend_centen, verwacht: m.maand === huidigeMaand ? m.resterend_centen : null };
    }
    const start: number = laatste ?? b.toegekend_centen;
    stap += 1;
    return { maand: m.maand, werkelijk: null, verwacht: Math.max(0, start - tempo * stap) };
  });
}

