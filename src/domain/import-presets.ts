import type { ImportEntity } from './import-fields.ts';

export const importPresets = ['salesforce', 'hubspot', 'pipedrive', 'twenty'] as const;
export type ImportPreset = (typeof importPresets)[number];

type PresetMap = Partial<Record<ImportEntity, Record<string, string>>>;

/*
 * Column names of each system's CSV exports → Pipewright fields. Salesforce exports (Data Loader,
 * Data Export) use field API names and reports use labels; both are listed. Headers are compared
 * folded (case, spaces and punctuation ignored), so "Close Date" also matches "CloseDate".
 */
const salesforce: PresetMap = {
  accounts: {
    Id: 'externalId', 'Account ID': 'externalId', Name: 'name', 'Account Name': 'name', Website: 'domain', Industry: 'industry',
    NumberOfEmployees: 'employees', Employees: 'employees', AnnualRevenue: 'annualRevenue', CurrencyIsoCode: 'revenueCurrency',
    BillingStreet: 'street', BillingCity: 'city', BillingState: 'region', 'Billing State/Province': 'region', BillingPostalCode: 'postalCode',
    'Billing Zip/Postal Code': 'postalCode', BillingCountry: 'country', Type: 'type', 'Account Type': 'type', 'Account Owner': 'owner',
    'Owner Email': 'owner', 'Parent Account': 'parentAccount', ParentId: 'parentAccount', CreatedDate: 'createdAt',
  },
  contacts: {
    Id: 'externalId', 'Contact ID': 'externalId', FirstName: 'firstName', LastName: 'lastName', Title: 'title', Email: 'emails',
    Phone: 'phones', MobilePhone: 'phones', 'Account Name': 'account', AccountId: 'account', 'Contact Owner': 'owner', 'Owner Email': 'owner',
    DoNotCall: 'doNotContact', HasOptedOutOfEmail: 'emailOptOut', CreatedDate: 'createdAt',
  },
  leads: {
    Id: 'externalId', 'Lead ID': 'externalId', FirstName: 'firstName', LastName: 'lastName', Email: 'email', Phone: 'phone', Title: 'title',
    Company: 'company', Website: 'companyDomain', Industry: 'industry', LeadSource: 'source', Status: 'status', 'Lead Status': 'status',
    'Lead Owner': 'owner', 'Owner Email': 'owner', CreatedDate: 'createdAt',
  },
  deals: {
    Id: 'externalId', 'Opportunity ID': 'externalId', Name: 'name', 'Opportunity Name': 'name', 'Account Name': 'account', AccountId: 'account',
    'Opportunity Owner': 'owner', 'Owner Email': 'owner', StageName: 'stage', Stage: 'stage', Amount: 'amount', CurrencyIsoCode: 'currency',
    'Opportunity Currency': 'currency', CloseDate: 'closeDate', CreatedDate: 'createdAt', LeadSource: 'source', NextStep: 'nextStep',
    'Loss Reason': 'lostReason', 'Primary Contact': 'contact', 'Product Name': 'product',
  },
  products: {
    Id: 'externalId', 'Product ID': 'externalId', ProductCode: 'sku', Name: 'name', 'Product Name': 'name', Family: 'family',
    'Product Family': 'family', Description: 'description', UnitPrice: 'listPrice', 'List Price': 'listPrice', CurrencyIsoCode: 'currency',
    IsActive: 'active', CreatedDate: 'createdAt',
  },
  activities: {
    Id: 'externalId', 'Activity ID': 'externalId', TaskSubtype: 'type', Subject: 'subject', Description: 'body', 'Comments': 'body',
    ActivityDate: 'occurredAt', 'Due Date': 'dueAt', CallType: 'direction', CallDurationInSeconds: 'durationSeconds',
    CallDisposition: 'disposition', 'Assigned To': 'owner', 'Opportunity ID': 'deal', 'Contact ID': 'contact', 'Account Name': 'account',
    StartDateTime: 'start', EndDateTime: 'end', Location: 'location', CreatedDate: 'createdAt',
  },
  users: {
    Id: 'externalId', 'User ID': 'externalId', Email: 'email', Name: 'name', 'Full Name': 'name', IsActive: 'active', Manager: 'manager',
    'Manager Email': 'manager', CreatedDate: 'createdAt',
  },
};

const hubspot: PresetMap = {
  accounts: {
    'Record ID': 'externalId', 'Company name': 'name', Name: 'name', 'Company Domain Name': 'domain', Website: 'domain', Industry: 'industry',
    'Number of Employees': 'employees', 'Annual Revenue': 'annualRevenue', 'Street Address': 'street', City: 'city', 'State/Region': 'region',
    'Postal Code': 'postalCode', 'Country/Region': 'country', Type: 'type', 'Company owner': 'owner', 'Parent Company': 'parentAccount',
    'Create Date': 'createdAt',
  },
  contacts: {
    'Record ID': 'externalId', 'First Name': 'firstName', 'Last Name': 'lastName', Email: 'emails', 'Phone Number': 'phones',
    'Mobile Phone Number': 'phones', 'Job Title': 'title', 'Associated Company': 'account', 'Company Name': 'account', 'Contact owner': 'owner',
    'Unsubscribed from all email': 'emailOptOut', 'Create Date': 'createdAt',
  },
  leads: {
    'Record ID': 'externalId', 'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email', 'Phone Number': 'phone', 'Job Title': 'title',
    'Company Name': 'company', Website: 'companyDomain', Industry: 'industry', 'Original Source': 'source', 'Lead Status': 'status',
    'Contact owner': 'owner', 'Lead owner': 'owner', 'Create Date': 'createdAt',
  },
  deals: {
    'Record ID': 'externalId', 'Deal Name': 'name', Pipeline: 'pipeline', 'Deal Stage': 'stage', Amount: 'amount', 'Currency': 'currency',
    'Close Date': 'closeDate', 'Create Date': 'createdAt', 'Deal owner': 'owner', 'Associated Company': 'account',
    'Associated Contact': 'contact', 'Original Source Type': 'source', 'Closed Lost Reason': 'lostReason', 'Next step': 'nextStep',
  },
  products: {
    'Record ID': 'externalId', Name: 'name', 'Product name': 'name', SKU: 'sku', 'Unit price': 'listPrice', Price: 'listPrice',
    Description: 'description', 'Product Type': 'family', Currency: 'currency', 'Create Date': 'createdAt',
  },
  activities: {
    'Record ID': 'externalId', 'Activity type': 'type', 'Activity date': 'occurredAt', 'Call title': 'subject', 'Subject': 'subject',
    'Call notes': 'body', 'Notes': 'body', 'Call direction': 'direction', 'Call outcome': 'disposition', 'Call duration': 'durationSeconds',
    'Activity assigned to': 'owner', 'Associated Deal': 'deal', 'Associated Contact': 'contact', 'Associated Company': 'account',
    'Create Date': 'createdAt',
  },
  users: { 'User ID': 'externalId', Email: 'email', Name: 'name', 'Team': 'team', 'Create Date': 'createdAt' },
};

const pipedrive: PresetMap = {
  accounts: {
    'Organization - ID': 'externalId', 'Organization - Name': 'name', 'Organization - Website': 'domain', 'Organization - Industry': 'industry',
    'Organization - Number of employees': 'employees', 'Organization - Annual revenue': 'annualRevenue', 'Organization - Address': 'street',
    'Organization - City/town/village/locality': 'city', 'Organization - State/county': 'region', 'Organization - ZIP/Postal code': 'postalCode',
    'Organization - Country': 'country', 'Organization - Owner': 'owner', 'Organization - Organization created': 'createdAt',
  },
  contacts: {
    'Person - ID': 'externalId', 'Person - Name': 'name', 'Person - First name': 'firstName', 'Person - Last name': 'lastName',
    'Person - Email': 'emails', 'Person - Phone': 'phones', 'Person - Job title': 'title', 'Person - Organization': 'account',
    'Person - Owner': 'owner', 'Person - Person created': 'createdAt',
  },
  leads: {
    'Lead - ID': 'externalId', 'Lead - Title': 'name', 'Person - Name': 'name', 'Person - Email': 'email', 'Person - Phone': 'phone',
    'Organization - Name': 'company', 'Lead - Source': 'source', 'Lead - Owner': 'owner', 'Lead - Lead created': 'createdAt',
  },
  deals: {
    'Deal - ID': 'externalId', 'Deal - Title': 'name', 'Deal - Value': 'amount', 'Deal - Currency': 'currency', 'Deal - Organization': 'account',
    'Deal - Contact person': 'contact', 'Deal - Owner': 'owner', 'Deal - Pipeline': 'pipeline', 'Deal - Stage': 'stage', 'Deal - Status': 'status',
    'Deal - Deal created': 'createdAt', 'Deal - Won time': 'closedAt', 'Deal - Lost time': 'closedAt', 'Deal - Expected close date': 'expectedCloseDate',
    'Deal - Lost reason': 'lostReason', 'Deal - Source': 'source', 'Deal - Product name': 'product',
  },
  products: {
    'Product - ID': 'externalId', 'Product - Name': 'name', 'Product - Product code': 'sku', 'Product - Category': 'family',
    'Product - Description': 'description', 'Product - Unit price': 'listPrice', 'Product - Currency': 'currency', 'Product - Active': 'active',
  },
  activities: {
    'Activity - ID': 'externalId', 'Activity - Type': 'type', 'Activity - Subject': 'subject', 'Activity - Note': 'body',
    'Activity - Due date': 'dueAt', 'Activity - Done time': 'completedAt', 'Activity - Duration': 'durationSeconds', 'Activity - Deal': 'deal',
    'Activity - Organization': 'account', 'Activity - Contact person': 'contact', 'Activity - Lead': 'lead',
    'Activity - Assigned to user': 'owner', 'Activity - Location': 'location', 'Activity - Add time': 'createdAt',
  },
  users: { 'User - ID': 'externalId', 'User - Name': 'name', 'User - Email': 'email', 'User - Active': 'active' },
};

const twenty: PresetMap = {
  accounts: {
    Id: 'externalId', Name: 'name', 'Domain Name / Primary Link Url': 'domain', 'Domain Name': 'domain', Employees: 'employees',
    'Annual Recurring Revenue / Amount': 'annualRevenue', 'Address / Address 1': 'street', 'Address / City': 'city', 'Address / State': 'region',
    'Address / Post Code': 'postalCode', 'Address / Country': 'country', 'Account Owner': 'owner', 'Creation date': 'createdAt', 'Created at': 'createdAt',
  },
  contacts: {
    Id: 'externalId', 'Name / First Name': 'firstName', 'Name / Last Name': 'lastName', 'Emails / Primary Email': 'emails',
    'Phones / Primary Phone Number': 'phones', 'Job Title': 'title', Company: 'account', 'Creation date': 'createdAt', 'Created at': 'createdAt',
  },
  deals: {
    Id: 'externalId', Name: 'name', 'Amount / Amount Micros': 'amountMicros', 'Amount / Currency Code': 'currency', 'Close date': 'closeDate',
    Stage: 'stage', Company: 'account', 'Point of Contact': 'contact', Owner: 'owner', 'Creation date': 'createdAt', 'Created at': 'createdAt',
  },
  users: { Id: 'externalId', Email: 'email', 'User Email': 'email' },
};

export const presetMaps: Record<ImportPreset, PresetMap> = { salesforce, hubspot, pipedrive, twenty };
