/** Names and catalogues for the demo organization (fictional). */
export const firstNames = [
  'Ada', 'Ben', 'Chloé', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya',
  'Quentin', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zoe', 'Aiko', 'Bruno', 'Carla', 'Derek', 'Esme', 'Felix',
];
export const lastNames = [
  'Andersen', 'Baptiste', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Hughes', 'Ivanova', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau',
  'Nakamura', 'Okafor', 'Patel', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zimmermann', 'Brennan', 'Castillo',
];
export const companyStems = [
  'Aurora', 'Bluepeak', 'Cobalt', 'Driftwood', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Ironleaf', 'Juniper', 'Keystone', 'Lumen', 'Meridian',
  'Northgate', 'Orchard', 'Pinnacle', 'Quarry', 'Redwood', 'Sable', 'Tidewater', 'Upland', 'Vantage', 'Willow', 'Yardley', 'Zenith', 'Alder',
  'Beacon', 'Cedar', 'Delta', 'Evergreen', 'Foxglove', 'Glacier', 'Highline', 'Indigo', 'Jasper', 'Kestrel', 'Larch', 'Magnolia', 'Nimbus', 'Onyx',
  'Prairie', 'Quill', 'Riverbend', 'Summit', 'Thistle', 'Umber', 'Vireo', 'Wren',
];
export const companySuffixes = ['Logistics', 'Foods', 'Health', 'Manufacturing', 'Energy', 'Retail', 'Labs', 'Systems', 'Partners', 'Group'];
export const industries = ['Manufacturing', 'Logistics', 'Healthcare', 'Retail', 'Energy', 'Financial services', 'Software', 'Food & beverage', 'Education', 'Construction'];
export const cities: readonly (readonly [string, string])[] = [
  ['Berlin', 'DE'], ['Lyon', 'FR'], ['Austin', 'US'], ['Denver', 'US'], ['Toronto', 'CA'], ['Manchester', 'GB'], ['Rotterdam', 'NL'], ['Milan', 'IT'], ['Osaka', 'JP'], ['Melbourne', 'AU'],
];
export const titles = ['Head of Operations', 'CFO', 'IT Director', 'Procurement Manager', 'VP Sales', 'Plant Manager', 'COO', 'Data Analyst', 'CEO', 'Logistics Lead'];

export const products = [
  { sku: 'NW-PLAT-Y', name: 'Northwind Platform (annual)', family: 'Subscriptions', listPrice: '24000.00' },
  { sku: 'NW-SEAT-Y', name: 'Analyst seat (annual)', family: 'Subscriptions', listPrice: '1200.00' },
  { sku: 'NW-SENSOR', name: 'Edge sensor kit', family: 'Hardware', listPrice: '349.00' },
  { sku: 'NW-ONBOARD', name: 'Onboarding package', family: 'Services', listPrice: '6500.00' },
  { sku: 'NW-TRAIN', name: 'Training day', family: 'Services', listPrice: '1800.00' },
  { sku: 'NW-HOME', name: 'Home energy monitor', family: 'Consumer', listPrice: '199.00' },
];

export const objectionLibrary = [
  { category: 'price', title: 'Too expensive', recommendedResponses: ['Compare with the cost of the downtime it prevents', 'Offer a phased roll-out'] },
  { category: 'budget', title: 'No budget this year', recommendedResponses: ['Ask when the next budget cycle opens', 'Propose a pilot paid from operating budget'] },
  { category: 'timing', title: 'Not the right time', recommendedResponses: ['Ask what has to happen first', 'Agree a date to revisit'] },
  { category: 'authority', title: 'Need to ask my boss', recommendedResponses: ['Offer a short call with the decision maker', 'Send a one-page business case'] },
  { category: 'need', title: 'We do this in spreadsheets', recommendedResponses: ['Show the errors a spreadsheet hides', 'Quantify the hours spent each month'] },
  { category: 'competitor', title: 'Already using a competitor', recommendedResponses: ['Ask what they would change', 'Offer a side-by-side trial'] },
  { category: 'trust', title: 'Never heard of you', recommendedResponses: ['Share two references in their industry', 'Offer a site visit'] },
] as const;

export const lostReasons = ['Price', 'Chose a competitor', 'No decision', 'Budget cut', 'Timing', 'Lost contact'];
export const leadSources = ['web', 'event', 'referral', 'outbound', 'partner', 'webinar'] as const;

/** What buyers say, by objection category. */
export const buyerWords: Record<string, readonly string[]> = {
  price: ['This is more than we planned to spend', 'Your competitor quoted us less', 'Hard to justify at that price'],
  budget: ['There is no budget left this year', 'Finance froze new spending'],
  timing: ['Not before next quarter', 'We are in the middle of a migration'],
  authority: ['Let me check with my manager', 'The board has to sign this off'],
  need: ['Our spreadsheets work fine', 'I do not see the problem yet'],
  competitor: ['We are happy with what we have', 'We just renewed with another vendor'],
  trust: ['Never heard of you', 'How do we know you will be around in two years?'],
};
