/**
 * What the signed-in user may do on a record, from the same rules the hub enforces (the SDL's @roles, the workflow
 * data, the withdrawal rule WDR-WHO): an action the user may not take is shown as forbidden with the reason, never
 * offered and left to fail. The hub stays the judge: it refuses anyway, and the UI shows its typed refusal.
 */
import { EXCEPTION_REVIEWERS, hasAnyRole, RELEASERS, SIGNERS } from '../auth/token';
import { CAPA_TRANSITIONS, type CapaTransitionInfo } from './operations';

export type Offer = { may: true } | { may: false; why: string };

const YES: Offer = { may: true };

export function mayDecideException(roles: readonly string[]): Offer {
  return hasAnyRole(roles, EXCEPTION_REVIEWERS) ? YES
    : { may: false, why: 'only ' + EXCEPTION_REVIEWERS.join(' or ') + ' decide review exceptions' };
}

/**
 * WDR-WHO: only the signer (with a signing role) or a qa-release user withdraws a signature, and only once (WDR-ONCE).
 * The signer is known by subject where the screen has it (a signature's provenance), else by printed name (an exception
 * decision names only that): the hub checks the subject either way.
 */
export function mayWithdraw(user: { subject: string; name: string; roles: readonly string[] },
                            signature: { signer: string | null; printedName?: string | null; withdrawn: boolean }): Offer {
  if (signature.withdrawn) {
    return { may: false, why: 'already withdrawn: a signature is withdrawn once' };
  }
  if (hasAnyRole(user.roles, RELEASERS)) {
    return YES;
  }
  const own = signature.signer !== null ? signature.signer === user.subject : !!signature.printedName && signature.printedName === user.name;
  if (hasAnyRole(user.roles, SIGNERS) && own) {
    return YES;
  }
  return { may: false, why: 'only the signer or a qa-release user withdraws a signature' };
}

export interface CapaStep extends CapaTransitionInfo { offer: Offer }

/**
 * The transitions of a CAPA's workflow from its current state, each with whether this user's roles allow it. Who took
 * the step before (notByTakerOf, WF-SOD) is not known to the UI: the hub refuses it and the dialog shows the refusal.
 */
export function capaSteps(status: string, roles: readonly string[]): CapaStep[] {
  return CAPA_TRANSITIONS.filter((t) => t.from === status).map((t) => hasAnyRole(roles, t.roles)
    ? { ...t, offer: YES } : { ...t, offer: { may: false, why: 'needs one of the roles ' + t.roles.join(', ') } });
}
