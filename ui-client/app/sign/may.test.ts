import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capaSteps, mayDecideException, mayWithdraw } from './may';
import { CAPA_TRANSITIONS } from './operations';

const CAPA_JSON = join(__dirname, '../../../lineage-graph/src/main/resources/org/batchledger/lineage/workflow/capa.json');

describe('what a user may do, as the hub rules it', () => {
  it('only qa-reviewer and qa-release decide review exceptions; others are told why', () => {
    expect(mayDecideException(['qa-reviewer'])).toEqual({ may: true });
    expect(mayDecideException(['qa-release', 'operator'])).toEqual({ may: true });
    const no = mayDecideException(['operator', 'inspector']);
    expect(no.may).toBe(false);
    expect(!no.may && no.why).toContain('qa-reviewer or qa-release');
  });

  it('a signature is withdrawn by its signer (by subject, else by printed name) or by qa-release, once (WDR-WHO, WDR-ONCE)', () => {
    const rita = { subject: 'sub-rita', name: 'Rita Reviewer', roles: ['qa-reviewer'] };
    expect(mayWithdraw(rita, { signer: 'sub-rita', withdrawn: false }).may).toBe(true);
    expect(mayWithdraw(rita, { signer: 'sub-otto', printedName: 'Rita Reviewer', withdrawn: false }).may).toBe(false);
    expect(mayWithdraw(rita, { signer: null, printedName: 'Rita Reviewer', withdrawn: false }).may).toBe(true);
    expect(mayWithdraw(rita, { signer: null, printedName: null, withdrawn: false }).may).toBe(false);
    expect(mayWithdraw({ ...rita, subject: 'sub-rosa', name: 'Rosa', roles: ['qa-release'] }, { signer: 'sub-otto', withdrawn: false }).may).toBe(true);
    expect(mayWithdraw({ ...rita, roles: ['inspector'] }, { signer: 'sub-rita', withdrawn: false }).may).toBe(false);
    const twice = mayWithdraw({ ...rita, roles: ['qa-release'] }, { signer: 'sub-rita', withdrawn: true });
    expect(!twice.may && twice.why).toContain('once');
  });

  it('a CAPA offers the transitions from its state, forbidden to roles that may not take them', () => {
    expect(capaSteps('OPENED', ['operator']).map((s) => [s.transition, s.offer.may])).toEqual([['IMPLEMENT', true]]);
    const close = capaSteps('EFFECTIVENESS_CHECKED', ['qa-reviewer']);
    expect(close.map((s) => s.transition)).toEqual(['CLOSE']);
    expect(!close[0].offer.may && close[0].offer.why).toContain('qa-release');
    expect(capaSteps('IMPLEMENTED', ['inspector'])[0].offer.may).toBe(false);
    expect(capaSteps('CLOSED', ['qa-release'])).toEqual([]);
  });

  it("the UI's CAPA workflow is the hub's workflow data (capa.json): transitions, states and roles", () => {
    const data = JSON.parse(readFileSync(CAPA_JSON, 'utf8')) as { transitions: { name: string; from: string; to: string; roles: string[]; notByTakerOf?: string }[] };
    expect(CAPA_TRANSITIONS.map((t) => ({ name: t.transition, from: t.from, to: t.to, roles: [...t.roles].sort(), notByTakerOf: t.notByTakerOf })))
      .toEqual(data.transitions.map((t) => ({ name: t.name, from: t.from, to: t.to, roles: [...t.roles].sort(), notByTakerOf: t.notByTakerOf })));
  });
});
