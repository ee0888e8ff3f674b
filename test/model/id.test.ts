import { expect } from '@open-wc/testing';
import { randomId } from '../../src/model/id.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomId', () => {
  it('is a v4 UUID, different every time', () => {
    const ids = new Set(Array.from({ length: 200 }, () => randomId()));
    expect(ids.size).to.equal(200);
    for (const id of ids) expect(id).to.match(V4);
  });

  it('falls back to getRandomValues where randomUUID is missing (pages over plain http)', () => {
    const original = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID')!;
    Object.defineProperty(Crypto.prototype, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(typeof crypto.randomUUID).to.equal('undefined');
      const ids = new Set(Array.from({ length: 200 }, () => randomId()));
      expect(ids.size).to.equal(200);
      for (const id of ids) expect(id).to.match(V4);
    } finally {
      Object.defineProperty(Crypto.prototype, 'randomUUID', original);
    }
  });
});
