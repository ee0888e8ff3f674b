/** What one validator says about a form control's current value. */
export interface ValidationResult {
  isValid: boolean;
  /** Localized, shown to the user; empty when valid. */
  message: string;
  /** The ValidityState flags to set when invalid. */
  invalidKeys: (keyof ValidityStateFlags)[];
}

/** A small object that checks one rule of a form control (required, date range, …). */
export interface Validator<Host> {
  check(host: Host): ValidationResult;
}

export const VALID: ValidationResult = Object.freeze({ isValid: true, message: '', invalidKeys: [] });
