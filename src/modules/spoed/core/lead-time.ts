/** Lead time of urgent payments: from the request to the payment, in hours. */
export const LEAD_TIME_THRESHOLDS_HOURS = [24, 36, 48, 60, 72] as const;

export interface LeadTimeStats {
  readonly aantal: number;
  /** Mean lead time in whole minutes (rounded half up), null without payments. */
  readonly gemiddeldMinuten: number | null;
  /** Per threshold: how many were paid within that many hours (inclusive), and the share in basis points (1/100 %). */
  readonly binnen: readonly { readonly uren: number; readonly aantal: number; readonly aandeelBp: number }[];
}

/** Statistics of lead times; each pair is request moment and payment moment. A payment before its request is an error. */
export function leadTimeStats(pairs: readonly { readonly aangevraagd: Date; readonly betaald: Date }[]): LeadTimeStats {
  const minutes = pairs.map((p) => {
    const ms = p.betaald.getTime() - p.aangevraagd.getTime();
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('betaald vóór de aanvraag of ongeldig tijdstip');
    return ms / 60000;
  });
  const n = minutes.length;
  const total = minutes.reduce((s, m) => s + m, 0);
  return {
    aantal: n,
    gemiddeldMinuten: n === 0 ? null : Math.floor(total / n + 0.5),
    binnen: LEAD_TIME_THRESHOLDS_HOURS.map((uren) => {
      const count = minutes.filter((m) => m <= uren * 60).length;
      return { uren, aantal: count, aandeelBp: n === 0 ? 0 : Math.floor((count * 10000) / n + 0.5) };
    }),
  };
}
