// The UcwaError a promise rejects with; anything else (or no rejection) fails the test.
import { UcwaError } from '../../../../src/main/ucwa/errors';

export async function ucwaFailure(promise: Promise<unknown>): Promise<UcwaError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UcwaError) return error;
    throw error;
  }
  throw new Error('expected a UcwaError');
}
