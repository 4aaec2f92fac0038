import { randomBytes } from 'node:crypto';

/** A random password for a new account (16 URL-safe characters, 96 bits), printed once. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}
