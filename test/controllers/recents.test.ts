import { expect } from '@open-wc/testing';
import { recentOutcomes, rememberRecent } from '../../src/controllers/recents.js';

describe('recents', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the most recent first, once each, per adapter id and user', () => {
    for (const key of ['sale', 'callback', 'sale', 'no_answer']) rememberRecent('memory:a', 'agent-1', key);
    expect(recentOutcomes('memory:a', 'agent-1', 5)).to.deep.equal(['no_answer', 'sale', 'callback']);
    expect(recentOutcomes('memory:a', 'agent-1', 2)).to.deep.equal(['no_answer', 'sale']);
    expect(recentOutcomes('memory:a', 'agent-2', 5)).to.deep.equal([]);
    expect(recentOutcomes('memory:b', 'agent-1', 5)).to.deep.equal([]);
  });

  it('keeps nothing without an adapter id, and survives a corrupt stored value', () => {
    rememberRecent('', '', 'sale');
    expect(recentOutcomes('', '', 5)).to.deep.equal([]);
    localStorage.setItem('outcome-elements:recent:memory:a:', '{not json');
    expect(recentOutcomes('memory:a', '', 5)).to.deep.equal([]);
    localStorage.setItem('outcome-elements:recent:memory:a:', JSON.stringify(['sale', 7, null, '']));
    expect(recentOutcomes('memory:a', '', 5)).to.deep.equal(['sale']);
    rememberRecent('memory:a', '', 'callback');
    expect(recentOutcomes('memory:a', '', 5)).to.deep.equal(['callback', 'sale']);
  });
});
