export { fieldLabel } from '../problem-text.ts';
