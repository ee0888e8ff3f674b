import { expect } from '@open-wc/testing';
import { OutcomeAdapterError } from '../../src/adapters/errors.js';

/** The OutcomeAdapterError a call fails with; fails the test when the call succeeds or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<OutcomeAdapterError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(OutcomeAdapterError);
    return error as OutcomeAdapterError;
  }
  throw new Error('expected the call to fail');
}
