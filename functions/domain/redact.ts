/**
 * Logs are read more widely than the data (UU PDP minimisation): whatever an error message carries, email
 * addresses and phone numbers leave the process as placeholders.
 */
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const PHONE = /(\+?62|\b0)[\s-]?8[\d\s-]{7,14}\d/g;

export const redact = (text: string): string => text.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
