// ISPs with their public autonomous system numbers (as registered; the GeoIP/ASN lookup maps
// a viewer's address to one of these), and the packages the service sells.

export interface IspSpec {
  readonly slug: string;
  readonly name: string;
  readonly country: string;
  readonly asns: readonly number[];
}

export const ISPS: readonly IspSpec[] = [
  { slug: 'deutsche-telekom', name: 'Deutsche Telekom', country: 'DE', asns: [3320] },
  { slug: 'vodafone-de', name: 'Vodafone Germany', country: 'DE', asns: [3209, 31334] },
  { slug: 'telefonica-de', name: 'Telefónica Germany', country: 'DE', asns: [6805] },
  { slug: 'bt', name: 'BT', country: 'GB', asns: [2856] },
  { slug: 'sky-uk', name: 'Sky Broadband', country: 'GB', asns: [5607] },
  { slug: 'virgin-media', name: 'Virgin Media', country: 'GB', asns: [5089] },
  { slug: 'orange-fr', name: 'Orange France', country: 'FR', asns: [3215] },
  { slug: 'free-fr', name: 'Free', country: 'FR', asns: [12322] },
  { slug: 'sfr', name: 'SFR', country: 'FR', asns: [15557] },
  { slug: 'movistar', name: 'Movistar (Telefónica España)', country: 'ES', asns: [3352] },
  { slug: 'orange-es', name: 'Orange España', country: 'ES', asns: [12479, 12715] },
  { slug: 'kpn', name: 'KPN', country: 'NL', asns: [1136, 286] },
  { slug: 'ziggo', name: 'Ziggo', country: 'NL', asns: [33915, 9143] },
  { slug: 'a1-at', name: 'A1 Telekom Austria', country: 'AT', asns: [8447] },
  { slug: 'swisscom', name: 'Swisscom', country: 'CH', asns: [3303] },
  { slug: 'comcast', name: 'Comcast Xfinity', country: 'US', asns: [7922, 7015, 7725] },
  { slug: 'verizon', name: 'Verizon Fios', country: 'US', asns: [701, 6167] },
  { slug: 'charter', name: 'Spectrum (Charter)', country: 'US', asns: [20115, 11427, 20001] },
];

/** Home countries of viewers, weighted like the audience. */
export const COUNTRIES: readonly (readonly [string, number])[] = [
  ['GB', 28], ['DE', 24], ['FR', 14], ['ES', 10], ['NL', 7], ['AT', 4], ['CH', 4], ['US', 7], ['IE', 2],
];

export const COUNTRY_ZONES: Record<string, string> = {
  GB: 'Europe/London', DE: 'Europe/Berlin', FR: 'Europe/Paris', ES: 'Europe/Madrid', NL: 'Europe/Amsterdam',
  AT: 'Europe/Vienna', CH: 'Europe/Zurich', US: 'America/New_York', IE: 'Europe/Dublin',
};

export interface PackageSpec {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly priceCents: number;
  readonly currency: string;
  /** ISP slug for an ISP-bound offer. */
  readonly isp?: string;
}

export const PACKAGES: readonly PackageSpec[] = [
  { slug: 'basic', name: 'Basic', description: 'Entertainment, news, documentary and regional channels.', priceCents: 799, currency: 'EUR' },
  { slug: 'sports', name: 'Sports', description: 'Every live match on the sport channels.', priceCents: 1999, currency: 'EUR' },
  { slug: 'cinema', name: 'Cinema', description: 'The movie channels and the film library on demand.', priceCents: 1299, currency: 'EUR' },
  { slug: 'kids', name: 'Kids', description: 'Kids channels and box sets, ad-free.', priceCents: 499, currency: 'EUR' },
  { slug: 'music', name: 'Music', description: 'Music channels and concerts.', priceCents: 399, currency: 'EUR' },
  { slug: 'telekom-tv-plus', name: 'TV Plus with Deutsche Telekom', description: 'Sports and Cinema for Deutsche Telekom broadband customers, on their network.', priceCents: 999, currency: 'EUR', isp: 'deutsche-telekom' },
  { slug: 'virgin-sports-bundle', name: 'Sports Bundle with Virgin Media', description: 'Sports for Virgin Media customers, on their network.', priceCents: 1499, currency: 'GBP', isp: 'virgin-media' },
];
