/** The laws a budget, an agreement and a claim belong to (*wet*), and the other closed lists. */
export const WETTEN = ['WLZ', 'WMO_HH', 'WMO_BG', 'JW'] as const;
export type Wet = (typeof WETTEN)[number];

export const WET_NAMEN: Record<Wet, string> = {
  WLZ: 'Wet langdurige zorg',
  WMO_HH: 'Wmo hulp bij het huishouden',
  WMO_BG: 'Wmo begeleiding en ondersteuning',
  JW: 'Jeugdwet',
};

export const VERSTREKKER_SOORTEN = ['gemeente', 'zorgkantoor'] as const;
export type VerstrekkerSoort = (typeof VERSTREKKER_SOORTEN)[number];

export const ZORGVERLENER_SOORTEN = ['particulier', 'zzp', 'instelling'] as const;
export type ZorgverlenerSoort = (typeof ZORGVERLENER_SOORTEN)[number];

export const ZOK_SOORTEN = ['arbeidsovereenkomst', 'opdracht', 'familie', 'instelling'] as const;
export type ZokSoort = (typeof ZOK_SOORTEN)[number];

export const EENHEDEN = ['uur', 'dagdeel', 'etmaal', 'maand'] as const;
export type Eenheid = (typeof EENHEDEN)[number];

export const ZOK_STATUSSEN = ['ingediend', 'geaccordeerd', 'afgekeurd'] as const;
export type ZokStatus = (typeof ZOK_STATUSSEN)[number];

export const KANALEN = ['post', 'email', 'portaal', 'api'] as const;
export type Kanaal = (typeof KANALEN)[number];
